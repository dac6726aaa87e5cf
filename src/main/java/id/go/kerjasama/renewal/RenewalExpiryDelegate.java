package id.go.kerjasama.renewal;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import id.go.kerjasama.platform.forms.IndonesianFormat;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.ProcessVariables;
import id.go.kerjasama.registry.Status;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Nobody decided on renewal by the end date: the agreement is EXPIRED on that
 * date, with the reason, in the registry and the audit trail; Fasker is then
 * asked to follow up ({@code UserTask_FollowUpExpiry}).
 */
@Component
@FormerlyNamed("renewalExpiry")
class RenewalExpiryDelegate implements JavaDelegate {

  private final AgreementService agreements;

  public RenewalExpiryDelegate(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ProcessVariables.agreementId(execution);
    Agreement agreement = agreements.get(id);
    String reason = "Masa berlaku berakhir pada " + IndonesianFormat.date(agreement.endDate()) + " tanpa keputusan perpanjangan";
    agreements.changeStatus(id, Status.EXPIRED, reason);
    agreements.recordEvent(id, null, Phase.RENEWAL, RenewalProcess.TIMER_NO_DECISION,
        "Tanggal berakhir tanpa keputusan", RenewalProcess.EXPIRED, reason);
    execution.getProcessInstance().setVariable(RenewalProcess.RENEWAL_OUTCOME, RenewalProcess.EXPIRED);
  }
}
