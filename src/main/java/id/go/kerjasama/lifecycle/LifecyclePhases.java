package id.go.kerjasama.lifecycle;

import id.go.kerjasama.platform.forms.IndonesianFormat;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.ProcessVariables;
import id.go.kerjasama.registry.Status;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the registry's phase and status in step with the lifecycle process;
 * called from the lifecycle diagram's listeners and service tasks, e.g.
 * {@code ${lifecyclePhases.enter(execution, 'SIGNING')}}.
 *
 * <p>During a term two things may run at once: the yearly cycle (work plan,
 * monitoring, evaluation) and, from its start date, the renewal (with the
 * extension's signing). The registry shows one phase: the renewal's while it
 * runs, the cycle's otherwise. The cycle's phase is kept in {@code cyclePhase}
 * so that it shows again when the renewal is done.
 */
@Component
public class LifecyclePhases {

  private final AgreementService agreementService;
  private final boolean repeatExtensionApproval;

  public LifecyclePhases(AgreementService agreementService,
                         @Value("${kerjasama.extension.repeats-approval:true}") boolean repeatExtensionApproval) {
    this.agreementService = agreementService;
    this.repeatExtensionApproval = repeatExtensionApproval;
  }

  public void enter(DelegateExecution execution, String phase) {
    long id = agreementId(execution);
    Phase entered = Phase.valueOf(phase);
    agreementService.enterPhase(id, entered);
    if (entered == Phase.SIGNING && agreementService.get(id).status() == Status.IN_REVIEW) {
      // central approval is behind it
      agreementService.changeStatus(id, Status.APPROVED, null);
    }
  }

  /** A call activity of the yearly cycle starts: the registry follows unless a renewal runs. */
  public void enterCycle(DelegateExecution execution, String phase) {
    DelegateExecution instance = execution.getProcessInstance();
    instance.setVariable(LifecycleProcess.CYCLE_PHASE, Phase.valueOf(phase).name());
    if (!Boolean.TRUE.equals(instance.getVariable(LifecycleProcess.RENEWAL_RUNNING))) {
      enter(execution, phase);
    }
  }

  /** The term's budget years are all done. */
  public void leaveCycles(DelegateExecution execution) {
    execution.getProcessInstance().removeVariable(LifecycleProcess.CYCLE_PHASE);
  }

  /** Renewal, or the extension's signing, starts beside the cycle. */
  public void enterRenewal(DelegateExecution execution, String phase) {
    execution.getProcessInstance().setVariable(LifecycleProcess.RENEWAL_RUNNING, true);
    enter(execution, phase);
  }

  /** Renewal (or the extension's signing) is done: the registry shows the running cycle again. */
  public void leaveRenewal(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    DelegateExecution instance = execution.getProcessInstance();
    instance.setVariable(LifecycleProcess.RENEWAL_RUNNING, false);
    Object cyclePhase = instance.getVariable(LifecycleProcess.CYCLE_PHASE);
    if (cyclePhase != null) {
      enter(execution, cyclePhase.toString());
    }
  }

  /** A new term after an extension: the term counter moves on, signing starts again. */
  public void startNextTerm(DelegateExecution execution) {
    agreementService.startNextTerm(agreementId(execution));
  }

  /**
   * Whether an extension repeats the approval route before it is signed: a
   * region's KSDD/KSDPK (TKKSD, KB, DPRD where needed) and KSDPL/KSDLL (plan,
   * DPRD, verification, MoU draft, the Minister's approval), docs/regulations.md
   * assumption A7 ({@code kerjasama.extension.repeats-approval}, default true).
   */
  public boolean extensionRepeatsApproval(DelegateExecution execution) {
    CooperationType type = agreementService.get(agreementId(execution)).type();
    return repeatExtensionApproval && (type.regionalDomestic() || type.regionalForeign());
  }

  /**
   * The repeated route did not approve the extension: the term counter goes
   * back, the agreement stays in force until its end date and is then closed
   * as not extended (renewalOutcome END).
   */
  public void extensionNotApproved(DelegateExecution execution) {
    long id = agreementId(execution);
    agreementService.cancelNextTerm(id);
    execution.setVariable(LifecycleProcess.RENEWAL_OUTCOME, "END");
    Object outcome = execution.getVariable(LifecycleProcess.EXTENSION_APPROVAL_OUTCOME);
    agreementService.recordEvent(id, null, Phase.RENEWAL, execution.getCurrentActivityId(),
        execution.getCurrentActivityName(), "NOT_EXTENDED",
        "Perpanjangan tidak disetujui (" + outcome + "); kerja sama berlaku sampai tanggal berakhirnya");
  }

  /** Ends the lifecycle with a final status and the reason people will read. */
  public void close(DelegateExecution execution, String status, String reason) {
    agreementService.close(agreementId(execution), Status.valueOf(status), reason);
  }

  /**
   * Ends the lifecycle with a final status, keeping the reason the phase that
   * ended it recorded (central approval writes why a proposal was refused or lapsed).
   */
  public void closeWithRecordedReason(DelegateExecution execution, String status) {
    agreementService.close(agreementId(execution), Status.valueOf(status), null);
  }

  /**
   * Ends the lifecycle after close-out: TERMINATED when a message ended it
   * ({@code closingStatus}), EXPIRED when nobody decided on renewal by the end
   * date (the reason the renewal wrote stays), CLOSED otherwise.
   */
  public void finish(DelegateExecution execution) {
    long id = agreementId(execution);
    Object status = execution.getVariable(LifecycleProcess.CLOSING_STATUS);
    if (status != null) {
      Object reason = execution.getVariable(LifecycleProcess.CLOSING_REASON);
      agreementService.close(id, Status.valueOf(status.toString()), reason == null ? null : reason.toString());
      return;
    }
    Agreement agreement = agreementService.get(id);
    if (LifecycleProcess.RENEWAL_EXPIRED.equals(execution.getVariable(LifecycleProcess.RENEWAL_OUTCOME))) {
      agreementService.close(id, Status.EXPIRED, agreement.statusReason());
      return;
    }
    agreementService.close(id, Status.CLOSED, "Masa berlaku berakhir pada " + IndonesianFormat.date(agreement.endDate())
        + " dan kerja sama tidak diperpanjang");
  }

  private static long agreementId(DelegateExecution execution) {
    return ProcessVariables.agreementId(execution);
  }
}
