package id.go.kerjasama.renewal;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import id.go.kerjasama.platform.engine.TaskEndListener;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End listener of TPOA's input task: keeps TPOA's recommendation (SUPPORT or
 * OBJECT) for the partner ministry's decision and its text for the form. The
 * audit trail records the input itself (who, when, notes).
 */
@Component
@FormerlyNamed("tpoaRenewalInput")
class TpoaInputListener extends TaskEndListener {

  @Override
  protected void completed(DelegateExecution execution) {
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
