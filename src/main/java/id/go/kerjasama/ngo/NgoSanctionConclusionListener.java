package id.go.kerjasama.ngo;

import id.go.kerjasama.platform.engine.TaskEndListener;
import id.go.kerjasama.platform.engine.TaskOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** End listener of UserTask_ConcludeSanction: upholds or lifts the sanction (a lifted suspension restores the permits). */
@Component
class NgoSanctionConclusionListener extends TaskEndListener {

  private final NgoSanctions sanctions;

  NgoSanctionConclusionListener(NgoSanctions sanctions) {
    this.sanctions = sanctions;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    sanctions.conclude(execution, TaskOutcome.decision(execution));
  }
}
