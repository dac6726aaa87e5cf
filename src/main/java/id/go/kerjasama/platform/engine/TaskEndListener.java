package id.go.kerjasama.platform.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * End listener of a user task, named in the diagram
 * ({@code camunda:executionListener event="end"}): runs only when the task
 * was completed, not when a boundary event or a termination cancelled it.
 * The engine plugin's checks ({@link UserTaskListener#completing}) run before
 * it, so the decision it reads is one the task allows, with notes where the
 * diagram requires them.
 */
public abstract class TaskEndListener implements ExecutionListener {

  @Override
  public final void notify(DelegateExecution execution) throws Exception {
    if (!execution.isCanceled()) {
      completed(execution);
    }
  }

  /** The task was completed and its decision checked: act on it. */
  protected abstract void completed(DelegateExecution execution) throws Exception;
}
