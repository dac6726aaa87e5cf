package id.go.kerjasama.approval;

import id.go.kerjasama.platform.engine.TaskEndListener;
import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.forms.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End listener of the tasks that answer a reviewer (revise the proposal,
 * supply a clarification): they have no decision, but their notes are the
 * answer, so they are required. A timer that cancels the task is not a
 * completion and is let through.
 */
@Component("responseNotes")
class ResponseNotesListener extends TaskEndListener {

  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 4000;

  @Override
  protected void completed(DelegateExecution execution) {
    String label = ApprovalProcess.TASK_SUPPLY_CLARIFICATION.equals(execution.getCurrentActivityId())
        ? "Klarifikasi" : "Uraian perbaikan";
    FormValues form = new FormValues(execution.getVariables());
    form.text(TaskOutcome.NOTES, label, MIN_LENGTH, MAX_LENGTH);
    form.throwIfInvalid();
  }
}
