package id.go.kerjasama.renewal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of {@code UserTask_SubmitFinalReport}: checks and stores the
 * final report in the registry (a bad value keeps the task open) and takes it
 * out of the process variables.
 */
@Component("finalReportRecord")
public class FinalReportListener implements ExecutionListener {

  private final CloseOut closeOut;

  public FinalReportListener(CloseOut closeOut) {
    this.closeOut = closeOut;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!execution.isCanceled()) {
      closeOut.recordFinalReport(execution);
    }
  }
}
