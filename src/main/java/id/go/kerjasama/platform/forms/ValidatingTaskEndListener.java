package id.go.kerjasama.platform.forms;

import id.go.kerjasama.platform.engine.TaskEndListener;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A user task's own end listener (named in the diagram) that validates what
 * the task submitted: it gets the values bound to the task's deployed form,
 * already checked against every validate block ({@link FormLimits#values}),
 * adds the rules a form cannot express (cross-field rules, dates against
 * today, known codes) and refuses with every problem at once
 * ({@link FormValues#throwIfInvalid()}) before it stores anything. For such a
 * task {@link FormLimitsCheck} leaves the form's limits to it, so that one
 * submission gets one complete answer.
 */
public abstract class ValidatingTaskEndListener extends TaskEndListener {

  private final FormLimits formLimits;

  protected ValidatingTaskEndListener(FormLimits formLimits) {
    this.formLimits = formLimits;
  }

  @Override
  protected final void completed(DelegateExecution execution) throws Exception {
    completed(execution, formLimits.values(execution));
  }

  /**
   * The task was completed with {@code form}'s values; the form's limits
   * are among {@code form.problems()}: call {@link FormValues#throwIfInvalid()}
   * before acting.
   */
  protected abstract void completed(DelegateExecution execution, FormValues form) throws Exception;
}
