package id.go.kerjasama.workplan;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import id.go.kerjasama.platform.engine.TaskEndListener;
import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.registry.ProcessVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * End listener of the three review tasks of a work plan (each location
 * province, the partner ministry, Fasker): records the reviewer's decision
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
  private final IdentityService identityService;

  public WorkPlanReviewListener(WorkPlanService workPlans, @Lazy IdentityService identityService) {
    this.workPlans = workPlans;
    this.identityService = identityService;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    String decision = TaskOutcome.decision(execution);
    String notes = TaskOutcome.notes(execution);
    boolean returned = WorkPlanProcess.RETURNED.equals(decision);
    ReviewStep step = step(execution.getCurrentActivityId());
    String group = switch (step) {
      case PROVINCE -> (String) execution.getVariable(WorkPlanProcess.REVIEW_PROVINCE);
      case PARTNER_MINISTRY -> ProcessVariables.partnerMinistryGroup(execution);
      case FASKER -> Groups.FASKER;
    };
    long planId = ((Number) execution.getVariable(WorkPlanProcess.WORK_PLAN_ID)).longValue();
    workPlans.review(planId, step, group, CurrentUser.id(identityService), decision, notes);
    if (returned) {
      workPlans.returnPlan(planId);
      execution.getProcessInstance().setVariable(WorkPlanProcess.WORK_PLAN_OUTCOME, WorkPlanProcess.RETURNED);
    } else if (step == ReviewStep.FASKER) {
      workPlans.approve(planId);
      execution.getProcessInstance().setVariable(WorkPlanProcess.WORK_PLAN_OUTCOME, WorkPlanProcess.APPROVED);
    }
  }

  static ReviewStep step(String activityId) {
    return switch (activityId) {
      case WorkPlanProcess.TASK_REVIEW_PROVINCE -> ReviewStep.PROVINCE;
      case WorkPlanProcess.TASK_REVIEW_PARTNER_MINISTRY -> ReviewStep.PARTNER_MINISTRY;
      case WorkPlanProcess.TASK_VERIFY -> ReviewStep.FASKER;
      default -> throw new IllegalStateException("workPlanReview is not meant for activity " + activityId);
    };
  }
}
