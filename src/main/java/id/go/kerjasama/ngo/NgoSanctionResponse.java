package id.go.kerjasama.ngo;

import id.go.kerjasama.platform.engine.TaskEndListener;
import id.go.kerjasama.platform.forms.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** End listener of UserTask_RespondToSanction: the NGO's response (required) is kept with the sanction. */
@Component
class NgoSanctionResponse extends TaskEndListener {

  /** The response is the task's notes, so that the audit trail keeps it too. */
  static final String FIELD_RESPONSE = "notes";

  private final NgoSanctions sanctions;

  NgoSanctionResponse(NgoSanctions sanctions) {
    this.sanctions = sanctions;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormValues form = new FormValues(execution.getVariables());
    String response = form.text(FIELD_RESPONSE, "Tanggapan", 10, 4000);
    form.throwIfInvalid();
    sanctions.respond(execution, response);
  }
}
