package id.go.kerjasama.renewal;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import id.go.kerjasama.platform.engine.TaskEndListener;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End listener of {@code UserTask_SubmitFinalReport}: checks and stores the
 * final report in the registry (a bad value keeps the task open) and takes it
 * out of the process variables.
 */
@Component
@FormerlyNamed("finalReportRecord")
class FinalReportListener extends TaskEndListener {

  private final CloseOut closeOut;

  public FinalReportListener(CloseOut closeOut) {
    this.closeOut = closeOut;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    closeOut.recordFinalReport(execution);
  }
}
