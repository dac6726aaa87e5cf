package id.go.kerjasama.approval;

import id.go.kerjasama.ngo.NgoPermit;
import id.go.kerjasama.ngo.NgoPermits;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.Phase;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Gateway_NgoPermitInForce and ServiceTask_ReusePrinciplePermit of the TPOA
 * route: a cooperation of an NGO that holds a principle permit in force
 * reuses it instead of a new TPOA round (Law 17/2013, GR 59/2016: the permit
 * is the NGO's, not the cooperation's; docs/processes.md "NGO route").
 */
@Component
public class NgoPermitReuse {

  private final AgreementService agreements;
  private final NgoPermits ngoPermits;
  private final ApprovalOutcomes outcomes;

  public NgoPermitReuse(AgreementService agreements, NgoPermits ngoPermits, ApprovalOutcomes outcomes) {
    this.agreements = agreements;
    this.ngoPermits = ngoPermits;
    this.outcomes = outcomes;
  }

  private Optional<NgoPermit> permit(DelegateExecution execution) {
    String ngoGroup = agreements.get(Actor.agreementId(execution)).ngoGroup();
    return ngoGroup == null || !ngoPermits.reusesPermitInForce() ? Optional.empty() : ngoPermits.principlePermitInForce(ngoGroup, BusinessClock.today());
  }

  public boolean inForce(DelegateExecution execution) {
    return permit(execution).isPresent();
  }

  public void approve(DelegateExecution execution) {
    long id = Actor.agreementId(execution);
    NgoPermit permit = permit(execution).orElseThrow();
    agreements.recordEvent(id, null, Phase.CENTRAL_APPROVAL, execution.getCurrentActivityId(),
        execution.getCurrentActivityName(), "PERMIT_REUSED", "Izin prinsip ormas asing berlaku sampai "
            + permit.validUntil() + "; tanpa putaran TPOA baru");
    outcomes.record(execution, ApprovalProcess.APPROVED);
  }
}
