package id.go.kerjasama.approval;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import static id.go.kerjasama.approval.ApprovalProcess.NO_OBJECTION;
import static id.go.kerjasama.approval.ApprovalProcess.TPOA_ROUND;
import static id.go.kerjasama.approval.ApprovalProcess.TPOA_ROUND_OUTCOME;
import static id.go.kerjasama.approval.ApprovalProcess.TPOA_SEAT;

import id.go.kerjasama.platform.engine.TaskEndListener;
import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.ngo.NgoPermits;
import id.go.kerjasama.platform.identity.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End listener of each TPOA seat's recommendation task: stores the
 * recommendation, and the first objection or return of the round becomes the
 * round's outcome, which ends the round (the other seats' tasks are
 * cancelled: a single objection blocks the permit).
 *
 * <p>An unknown code or missing notes never reach it: the engine plugin's
 * first end listener refuses the completion with a message.
 */
@Component
@FormerlyNamed("tpoaRecommendation")
class TpoaRecommendationListener extends TaskEndListener {

  private final ApprovalRecords records;
  private final Actor actor;
  private final NgoPermits ngoPermits;

  public TpoaRecommendationListener(ApprovalRecords records, Actor actor, NgoPermits ngoPermits) {
    this.records = records;
    this.actor = actor;
    this.ngoPermits = ngoPermits;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    String code = TaskOutcome.decision(execution);
    String notes = TaskOutcome.notes(execution);
    Object round = execution.getVariable(TPOA_ROUND);
    records.recordTpoaRecommendation(Actor.agreementId(execution), round instanceof Number n ? n.intValue() : 1,
        Groups.tpoa((String) execution.getVariable(TPOA_SEAT)), code, notes, actor.userId());
    // an objection ends the round only while a single objection blocks (kerjasama.ngo.tpoa-single-objection-blocks)
    boolean ends = !NO_OBJECTION.equals(code) && (ngoPermits.singleObjectionBlocks() || !"OBJECTION".equals(code));
    if (ends && NO_OBJECTION.equals(execution.getVariable(TPOA_ROUND_OUTCOME))) {
      execution.setVariable(TPOA_ROUND_OUTCOME, code);
    }
  }
}
