package id.go.kerjasama.ngo;

import id.go.kerjasama.platform.forms.FormLimits;
import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.forms.ValidatingTaskEndListener;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** End listener of UserTask_RespondToSanction: the NGO's response (required) is kept with the sanction. */
@Component
class NgoSanctionResponseListener extends ValidatingTaskEndListener {

  /** The response is the task's notes, so that the audit trail keeps it too. */
  static final String FIELD_RESPONSE = "notes";

  private final NgoSanctions sanctions;

  NgoSanctionResponseListener(FormLimits formLimits, NgoSanctions sanctions) {
    super(formLimits);
    this.sanctions = sanctions;
  }

  @Override
  protected void completed(DelegateExecution execution, FormValues form) {
    String response = form.text(FIELD_RESPONSE, "Tanggapan");
    form.throwIfInvalid();
    sanctions.respond(execution, response);
  }
}
