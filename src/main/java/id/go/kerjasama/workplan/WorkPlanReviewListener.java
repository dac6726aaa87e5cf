package id.go.kerjasama.workplan;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import id.go.kerjasama.platform.engine.TaskEndListener;
import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.registry.ProcessVariables;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * End listener of the review tasks of a work plan (each location province,
 * each location region of a foreign NGO's regional RKT, the partner ministry,
 * Fasker): records the reviewer's decision
 * with the plan version in the registry and sets the routing variable
 * {@code workPlanOutcome}. One return by any reviewer sends the plan back to
 * its drafters once the current review step is complete (the other provinces
 * still review, so every note reaches the drafters in one round). Fasker's
 * approval approves the version. The decision's codes and notes are checked
 * before it runs (the engine plugin's first end listener), which refuses a
 * bad completion.
 */
@Component
@FormerlyNamed("workPlanReview")
class WorkPlanReviewListener extends TaskEndListener {

  private final WorkPlanService workPlans;
  private final WorkPlanCycle cycle;
  private final IdentityService identityService;

  public WorkPlanReviewListener(WorkPlanService workPlans, WorkPlanCycle cycle, @Lazy IdentityService identityService) {
    this.workPlans = workPlans;
    this.cycle = cycle;
    this.identityService = identityService;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    String decision = TaskOutcome.decision(execution);
    String notes = TaskOutcome.notes(execution);
    ReviewStep step = step(execution.getCurrentActivityId());
    if (step == ReviewStep.REGION) {
      regionDecided(execution, decision, notes);
      return;
    }
    boolean returned = WorkPlanProcess.RETURNED.equals(decision);
    String group = switch (step) {
      case PROVINCE -> (String) execution.getVariable(WorkPlanProcess.REVIEW_PROVINCE);
      case PARTNER_MINISTRY -> ProcessVariables.partnerMinistryGroup(execution);
      case FASKER, REGION -> Groups.FASKER;
    };
    for (long planId : plansUnderReview(execution)) {
      workPlans.review(planId, step, group, CurrentUser.id(identityService), decision, notes);
      if (returned) {
        workPlans.returnPlan(planId);
      } else if (step == ReviewStep.FASKER) {
        workPlans.approve(planId);
      }
    }
    if (returned) {
      execution.getProcessInstance().setVariable(WorkPlanProcess.WORK_PLAN_OUTCOME, WorkPlanProcess.RETURNED);
    } else if (step == ReviewStep.FASKER) {
      execution.getProcessInstance().setVariable(WorkPlanProcess.WORK_PLAN_OUTCOME, WorkPlanProcess.APPROVED);
    }
  }

  /**
   * The plan versions the partner ministry and Fasker decide on: the one version drafted, or, when a foreign NGO
   * drafted an RKT per location region, the newest RKT of every region (all agreed by their regions).
   */
  private List<Long> plansUnderReview(DelegateExecution execution) {
    if (!WorkPlanCycle.regional(execution)) {
      return List.of(((Number) execution.getVariable(WorkPlanProcess.WORK_PLAN_ID)).longValue());
    }
    long agreementId = WorkPlanCycle.agreementId(execution);
    int year = WorkPlanCycle.cycleYear(execution);
    return cycle.rktRegions(execution).stream()
        .map(region -> workPlans.latestInRegion(agreementId, year, region))
        .flatMap(java.util.Optional::stream)
        .map(WorkPlan::id)
        .toList();
  }

  /**
   * A location region, or a regency/city the RKT names (A39), agrees and co-signs the region's RKT (it stays
   * SUBMITTED for the Mitra Utama and Fasker) or rejects it: the version is RETURNED and the NGO redrafts that
   * region's RKT. The routing reads the RKT's status, not a process variable.
   */
  private void regionDecided(DelegateExecution execution, String decision, String notes) {
    String region = WorkPlanCycle.region(execution);
    WorkPlan plan = workPlans.latestInRegion(WorkPlanCycle.agreementId(execution),
        WorkPlanCycle.cycleYear(execution), region).orElseThrow();
    workPlans.review(plan.id(), ReviewStep.REGION, WorkPlanCycle.signatory(execution), CurrentUser.id(identityService),
        decision, notes);
    boolean rejected = WorkPlanProcess.REJECTED.equals(decision);
    if (rejected) {
      workPlans.returnPlan(plan.id());
    }
    // no shared workPlanOutcome here: parallel regions would overwrite each other's, and Gateway_RejectedByRegion
    // reads the region's own RKT (workPlanCycle.regionalRktRejected)
  }

  static ReviewStep step(String activityId) {
    return switch (activityId) {
      case WorkPlanProcess.TASK_REVIEW_PROVINCE -> ReviewStep.PROVINCE;
      case WorkPlanProcess.TASK_REVIEW_PARTNER_MINISTRY -> ReviewStep.PARTNER_MINISTRY;
      case WorkPlanProcess.TASK_VERIFY -> ReviewStep.FASKER;
      case WorkPlanProcess.TASK_REVIEW_REGIONAL -> ReviewStep.REGION;
      default -> throw new IllegalStateException("workPlanReview is not meant for activity " + activityId);
    };
  }
}
