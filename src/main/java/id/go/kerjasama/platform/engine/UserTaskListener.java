package id.go.kerjasama.platform.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A bean implementing this is called for every user task of every process,
 * without being named in the BPMN.
 */
public interface UserTaskListener {

  default void created(DelegateTask task) {
  }

  default void completed(DelegateTask task) {
  }
}
