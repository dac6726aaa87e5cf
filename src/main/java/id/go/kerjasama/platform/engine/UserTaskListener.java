package id.go.kerjasama.platform.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A bean implementing this is called for every user task of every process,
 * without being named in the BPMN.
 */
public interface UserTaskListener {

  /** The task was created. */
  default void created(DelegateTask task) {
  }

  /**
   * The task was completed: called as the first end listener of the
   * activity, before the diagram's own, so that a check here (the allowed
   * decisions) comes before anything acts on the completion. An exception
   * refuses the completion: the task stays open, and the exception's message
   * reaches the user unwrapped. Not called for a cancelled or interrupted task.
   */
  default void completing(DelegateExecution execution) {
  }

  /**
   * The task was completed and the process is leaving it: called as the last
   * end listener of the activity, after the diagram's own (not for a
   * cancelled or interrupted task). An exception here also refuses the
   * completion.
   */
  default void completed(DelegateExecution execution) {
  }
}
