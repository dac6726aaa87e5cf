package id.go.kerjasama.lifecycle;

import id.go.kerjasama.agreement.AgreementService;
import id.go.kerjasama.agreement.Phase;
import id.go.kerjasama.agreement.Status;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the registry's phase and status in step with the lifecycle process;
 * called from the lifecycle diagram's listeners and service tasks, e.g.
 * {@code ${lifecyclePhases.enter(execution, 'SIGNING')}}.
 */
@Component("lifecyclePhases")
public class LifecyclePhases {

  private final AgreementService agreementService;

  public LifecyclePhases(AgreementService agreementService) {
    this.agreementService = agreementService;
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

  /** A new term after an extension: the term counter moves on, signing starts again. */
  public void startNextTerm(DelegateExecution execution) {
    agreementService.startNextTerm(agreementId(execution));
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

  private static long agreementId(DelegateExecution execution) {
    return ((Number) execution.getVariable(LifecycleProcess.AGREEMENT_ID)).longValue();
  }
}
