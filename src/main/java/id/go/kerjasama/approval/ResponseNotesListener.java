package id.go.kerjasama.approval;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import id.go.kerjasama.platform.engine.TaskEndListener;
import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.forms.FormLimits;
import id.go.kerjasama.platform.forms.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End listener of the tasks that answer a reviewer (revise the proposal,
 * supply a clarification): they have no decision, but their notes are the
 * answer, so their forms require them (and 10 to 4000 characters). Those
 * limits are the forms' own, checked at completion
 * ({@code platform/forms/FormLimitsCheck}); this listener reads the notes
 * through the same form and refuses what it refuses. A timer that cancels
 * the task is not a completion and is let through.
 */
@Component
@FormerlyNamed("responseNotes")
class ResponseNotesListener extends TaskEndListener {

  private final FormLimits formLimits;

  public ResponseNotesListener(FormLimits formLimits) {
    this.formLimits = formLimits;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    String label = ApprovalProcess.TASK_SUPPLY_CLARIFICATION.equals(execution.getCurrentActivityId())
        ? "Klarifikasi" : "Uraian perbaikan";
    FormValues form = formLimits.values(execution);
    form.text(TaskOutcome.NOTES, label);
    form.throwIfInvalid();
  }
}
