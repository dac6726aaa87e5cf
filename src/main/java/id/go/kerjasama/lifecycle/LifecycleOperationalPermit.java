package id.go.kerjasama.lifecycle;

import id.go.kerjasama.ngo.NgoPermits;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A foreign NGO's cooperation and its operational permit in the lifecycle
 * (docs/processes.md "NGO operational permit", assumption A35): after the MSP
 * signing requested the permit, the lifecycle waits for the issuer's decision
 * (Gateway_OperationalPermitAwaited); when the cooperation ends in any other
 * way while a decision is still open (terminated, revoked, expired), the open
 * request is withdrawn so that no later grant can activate it.
 */
@Component
public class LifecycleOperationalPermit {

  private final NgoPermits ngoPermits;
  private final AgreementService agreementService;

  public LifecycleOperationalPermit(NgoPermits ngoPermits, AgreementService agreementService) {
    this.ngoPermits = ngoPermits;
    this.agreementService = agreementService;
  }

  /** Whether the agreement's operational permit waits for its decision. */
  public boolean awaited(DelegateExecution execution) {
    return ngoPermits.awaitsOperationalDecision(ProcessVariables.agreementId(execution));
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
