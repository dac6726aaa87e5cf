package id.go.kerjasama.renewal;

import id.go.kerjasama.platform.engine.TaskEndListener;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End listener of the partner region's agreement to a KSDD renewal: both
 * regions are parties, so a partner that declines ends the cooperation on its
 * end date ({@code renewalOutcome} END) although the proposing region chose to
 * extend (docs/regulations.md A27).
 */
@Component
class RenewalPartnerListener extends TaskEndListener {

  @Override
  protected void completed(DelegateExecution execution) {
    if (RenewalProcess.PARTNER_DECLINE.equals(execution.getVariable("decision"))) {
      execution.getProcessInstance().setVariable(RenewalProcess.RENEWAL_OUTCOME, RenewalProcess.END);
    }
  }
}
