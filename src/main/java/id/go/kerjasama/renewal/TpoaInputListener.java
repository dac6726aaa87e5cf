package id.go.kerjasama.renewal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of TPOA's input task: keeps TPOA's recommendation (SUPPORT or
 * OBJECT) for the partner ministry's decision and its text for the form. The
 * audit trail records the input itself (who, when, notes).
 */
@Component("tpoaRenewalInput")
public class TpoaInputListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Object decision = execution.getVariable("decision");
    Object notes = execution.getVariable("notes");
    String code = decision == null ? null : decision.toString();
    String text = RenewalProcess.TPOA_OBJECT.equals(code) ? "TPOA **berkeberatan** atas perpanjangan"
        : "TPOA **mendukung** perpanjangan";
    if (notes != null && !notes.toString().isBlank()) {
      text += ": " + notes.toString().trim();
    }
    execution.getProcessInstance().setVariable(RenewalProcess.TPOA_RECOMMENDATION, code);
    execution.getProcessInstance().setVariable(RenewalProcess.TPOA_INPUT, text);
  }
}
