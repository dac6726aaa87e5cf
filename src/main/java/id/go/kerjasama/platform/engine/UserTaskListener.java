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
   * The task was completed and the process is leaving it (called as the
   * activity's end listener, not for a cancelled or interrupted task). An
   * exception here refuses the completion: the task stays open, and the
   * exception's message reaches the user unwrapped.
   */
  default void completed(DelegateExecution execution) {
  }
}
