package id.go.kerjasama.lifecycle;

import id.go.kerjasama.ngo.NgoPermits;
import id.go.kerjasama.platform.forms.IndonesianFormat;
import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.AgreementTerm;
import id.go.kerjasama.registry.AgreementTermRepository;
import id.go.kerjasama.registry.ProcessVariables;
import id.go.kerjasama.signing.SigningRecord;
import id.go.kerjasama.signing.SigningRepository;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A foreign NGO's cooperation and its operational permit in the lifecycle
 * (docs/processes.md "NGO operational permit", assumption A35): after the MSP
 * signing requested the permit, the lifecycle waits for the issuer's decision
 * (Gateway_OperationalPermitAwaited), and after an extension's MSP signing in
 * the same way (Gateway_ExtensionPermitAwaited, assumption A51), where a refusal
 * lets the cooperation run to the end of its current term; when the cooperation
 * ends in any other way while a decision is still open (terminated, revoked,
 * expired), the open request is withdrawn so that no later grant can activate it.
 */
@Component
public class LifecycleOperationalPermit {

  /** Timeline outcome of ServiceTask_RecordExtensionPermitRefusal. */
  public static final String EXTENSION_PERMIT_REFUSED = "EXTENSION_OPERATIONAL_PERMIT_REFUSED";

  private final NgoPermits ngoPermits;
  private final AgreementService agreementService;
  private final AgreementTermRepository terms;
  private final IdentityService identityService;
  private final SigningRepository signings;

  public LifecycleOperationalPermit(NgoPermits ngoPermits, AgreementService agreementService,
                                    AgreementTermRepository terms, @Lazy IdentityService identityService,
                                    SigningRepository signings) {
    this.ngoPermits = ngoPermits;
    this.agreementService = agreementService;
    this.terms = terms;
    this.identityService = identityService;
    this.signings = signings;
  }

  /** Whether the agreement's operational permit waits for its decision. */
  public boolean awaited(DelegateExecution execution) {
    return ngoPermits.awaitsOperationalDecision(ProcessVariables.agreementId(execution));
  }

  /**
   * ServiceTask_RecordExtensionPermitRefusal (assumption A51): the operational
   * permit the extension's MSP requested was refused. The extension does not
   * take effect: the agreement goes back to the term still running (its number
   * and dates), the renewal outcome becomes END, and the cooperation ends on
   * that term's end date (TimerEvent_AgreementEnds), not earlier, since the
   * previous operational permit stays in force until then. The refusal and its
   * reason ({@code terminationReason}, sent with the message) go into the timeline.
   */
  public void extensionRefused(DelegateExecution execution) {
    long id = ProcessVariables.agreementId(execution);
    int running = ((Number) execution.getVariable(ProcessVariables.TERM)).intValue();
    AgreementTerm term = terms.find(id, running)
        .orElseThrow(() -> new IllegalStateException("No term " + running + " recorded for agreement " + id));
    Agreement extended = agreementService.get(id);
    SigningRecord signed = signings.history(id, running).stream().reduce((first, second) -> second).orElse(null);
    if (signed == null) {
      // a term recorded without its signing (not made by the application): its document is not known
      agreementService.revertToTerm(id, term, extended.documentKind(), extended.documentNumber(),
          extended.signatories(), extended.signedOn());
    } else {
      agreementService.revertToTerm(id, term, signed.documentKind().name(), signed.documentNumber(),
          signed.signatories(), signed.signedOn());
    }
    execution.setVariable(LifecycleProcess.RENEWAL_OUTCOME, LifecycleProcess.RENEWAL_END);
    Object given = execution.getVariable(LifecycleProcess.TERMINATION_REASON);
    execution.removeVariable(LifecycleProcess.TERMINATION_REASON);
    Agreement agreement = agreementService.get(id);
    agreementService.recordEvent(id, CurrentUser.id(identityService), agreement.phase(),
        execution.getCurrentActivityId(), execution.getCurrentActivityName(), EXTENSION_PERMIT_REFUSED,
        "Izin operasional perpanjangan ditolak" + (given == null ? "" : ": " + given)
            + "; perpanjangan tidak berlaku, kerja sama berakhir pada "
            + IndonesianFormat.DATE.format(term.endDate()));
  }

  /** End listener of SubProcess_Cooperation: withdraws an operational permit still awaiting its decision. */
  public void withdrawOpen(DelegateExecution execution) {
    long id = ProcessVariables.agreementId(execution);
    Agreement agreement = agreementService.get(id);
    if (agreement.ngoGroup() == null) {
      return;
    }
    // cancelled by a termination message: its reason is set, the closing reason not yet
    Object reason = execution.getVariable(LifecycleProcess.CLOSING_REASON);
    if (reason == null) {
      reason = execution.getVariable(LifecycleProcess.TERMINATION_REASON);
    }
    ngoPermits.withdrawOperationalRequests(id, reason == null ? "Kerja sama berakhir" : reason.toString());
  }
}
