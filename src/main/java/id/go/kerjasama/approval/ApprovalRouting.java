package id.go.kerjasama.approval;

import id.go.kerjasama.registry.ProcessVariables;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Reads the route the routing table chose (output mapping of
 * BusinessRuleTask_DetermineRoute). A proposal the table has no row for is
 * an administrator's mistake in the table: it fails with a message that
 * names the table and the facts, instead of an anonymous gateway error.
 */
@Component("approvalRouting")
public class ApprovalRouting {

  public String reviewTrack(DelegateExecution execution, Map<String, Object> route) {
    Object track = route == null ? null : route.get(ApprovalProcess.REVIEW_TRACK);
    if (!ApprovalProcess.TRACK_TPOA.equals(track) && !ApprovalProcess.TRACK_REGIONAL.equals(track)) {
      throw new ProcessEngineException("Tabel keputusan " + ApprovalProcess.DECISION_ROUTE
          + " (processes/central-approval-routing.dmn) tidak memberi jalur persetujuan yang sah (" + track
          + ") untuk jenis kerja sama " + execution.getVariable(ProcessVariables.COOPERATION_TYPE)
          + ", tingkat pengusul " + execution.getVariable(ProcessVariables.PROPOSER_LEVEL)
          + ", membebani/di luar APBD " + execution.getVariable(ProcessVariables.BURDENS_PUBLIC_OR_OUTSIDE_BUDGET));
    }
    return (String) track;
  }
}
