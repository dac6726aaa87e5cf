package id.go.kerjasama.renewal;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import id.go.kerjasama.platform.engine.TaskEndListener;
import id.go.kerjasama.platform.web.InvalidInputException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End listener of the renewal decision: a foreign-NGO agreement cannot be
 * extended against TPOA's objection (a single member's objection blocks the
 * principle permit, and an MSP may not outlast it); otherwise the decision
 * becomes the process's result {@code renewalOutcome}.
 */
@Component
@FormerlyNamed("renewalDecision")
class RenewalDecisionListener extends TaskEndListener {

  @Override
  protected void completed(DelegateExecution execution) {
    Object decision = execution.getVariable("decision");
    if (RenewalProcess.EXTEND.equals(decision)
        && RenewalProcess.TPOA_OBJECT.equals(execution.getVariable(RenewalProcess.TPOA_RECOMMENDATION))) {
      throw new InvalidInputException(List.of("Kerja sama tidak dapat diperpanjang: TPOA berkeberatan, sehingga "
          + "izin prinsip tidak diperpanjang"));
    }
    execution.getProcessInstance().setVariable(RenewalProcess.RENEWAL_OUTCOME, decision);
  }
}
