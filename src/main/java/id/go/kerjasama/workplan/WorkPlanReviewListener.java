package id.go.kerjasama.workplan;

import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.registry.ProcessVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
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
 * by the global audit trail listener, which refuses a bad completion.
 */
@Component("workPlanReview")
public class WorkPlanReviewListener implements ExecutionListener {

  private final WorkPlanService workPlans;
  private final IdentityService identityService;

  public WorkPlanReviewListener(WorkPlanService workPlans, @Lazy IdentityService identityService) {
    this.workPlans = workPlans;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Object decision = execution.getVariable(TaskOutcome.DECISION);
    Object notesValue = execution.getVariable(TaskOutcome.NOTES);
    String notes = notesValue == null || notesValue.toString().isBlank() ? null : notesValue.toString().strip();
    boolean returned = WorkPlanProcess.RETURNED.equals(decision);
    if (!(returned || WorkPlanProcess.APPROVED.equals(decision)) || (returned && notes == null)) {
      return; // refused by the audit trail's check, which runs next
    }
    ReviewStep step = step(execution.getCurrentActivityId());
    String group = switch (step) {
      case PROVINCE -> (String) execution.getVariable(WorkPlanProcess.REVIEW_PROVINCE);
      case PARTNER_MINISTRY -> ProcessVariables.partnerMinistryGroup(execution);
      case FASKER -> Groups.FASKER;
    };
    long planId = ((Number) execution.getVariable(WorkPlanProcess.WORK_PLAN_ID)).longValue();
    Authentication user = identityService.getCurrentAuthentication();
    workPlans.review(planId, step, group, user == null ? null : user.getUserId(), decision.toString(), notes);
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
