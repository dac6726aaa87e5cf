package id.go.kerjasama.approval;

import static id.go.kerjasama.approval.ApprovalProcess.NO_OBJECTION;
import static id.go.kerjasama.approval.ApprovalProcess.TPOA_ROUND;
import static id.go.kerjasama.approval.ApprovalProcess.TPOA_ROUND_OUTCOME;

import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.UnitLevel;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The TPOA review rounds: which seats recommend (one task per seat of the
 * reference data, group {@code tpoa-<seat>}), and a fresh round each time the
 * file is distributed (first time, after a clarification, after a revision).
 */
@Component
public class TpoaReview {

  private final Organisations organisations;

  public TpoaReview(Organisations organisations) {
    this.organisations = organisations;
  }

  /** The seat codes, e.g. kemlu, kemhan, ... (the multi-instance collection). */
  public List<String> seats() {
    return organisations.byLevel(UnitLevel.TPOA).stream()
        .map(unit -> unit.group().substring(Groups.TPOA_PREFIX.length()))
        .toList();
  }

  /** ServiceTask_DistributeToTpoa: starts a round in which nobody has objected yet. */
  public void openRound(DelegateExecution execution) {
    Object previous = execution.getVariable(TPOA_ROUND);
    execution.setVariable(TPOA_ROUND, previous instanceof Number n ? n.intValue() + 1 : 1);
    execution.setVariable(TPOA_ROUND_OUTCOME, NO_OBJECTION);
  }
}
