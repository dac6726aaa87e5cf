package id.go.kerjasama.registry;

import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.engine.UserTaskListener;
import id.go.kerjasama.platform.identity.CurrentUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Checks the decision of every completed user task against the codes the
 * diagram allows (first, before the diagram's end listeners act on it), then
 * writes the task into the agreement's audit trail: who, when, which task,
 * the decision and the notes. The notes then leave the
 * process variables: the registry is where they live.
 */
// the decision check comes first, before the form's limits (platform/forms/FormLimitsCheck)
@Order(Ordered.HIGHEST_PRECEDENCE)
@Component
class AuditTrail implements UserTaskListener {

  private final AgreementService agreementService;
  private final IdentityService identityService;

  public AuditTrail(AgreementService agreementService, @Lazy IdentityService identityService) {
    this.agreementService = agreementService;
    this.identityService = identityService;
  }

  @Override
  public void created(DelegateTask task) {
    // the outcome of a task belongs to that task only (parallel reviews included)
    task.getExecution().setVariableLocal(TaskOutcome.DECISION, null);
    task.getExecution().setVariableLocal(TaskOutcome.NOTES, null);
  }

  /** Refuses a decision the task does not allow, or one without the notes it needs, before anything acts on it. */
  @Override
  public void completing(DelegateExecution execution) {
    if (execution.getVariable(ProcessVariables.AGREEMENT_ID) instanceof Number) {
      TaskDecisions.of(execution).check(execution.getVariable(TaskOutcome.DECISION),
          execution.getVariable(TaskOutcome.NOTES));
    }
  }

  @Override
  public void completed(DelegateExecution execution) {
    Object id = execution.getVariable(ProcessVariables.AGREEMENT_ID);
    if (!(id instanceof Number agreementId)) {
      return;
    }
    Object decision = execution.getVariable(TaskOutcome.DECISION);
    Object notes = execution.getVariable(TaskOutcome.NOTES);
    String processKey = execution.getProcessDefinitionId() == null ? null
        : execution.getProcessDefinitionId().split(":")[0];
    Phase phase = Phase.ofProcessKey(processKey).orElse(Phase.PROPOSAL);
    agreementService.recordEvent(agreementId.longValue(), CurrentUser.id(identityService), phase,
        execution.getCurrentActivityId(), execution.getCurrentActivityName(),
        decision == null ? "COMPLETED" : decision.toString(),
        notes == null || notes.toString().isBlank() ? null : notes.toString());
    if (execution.hasVariableLocal(TaskOutcome.NOTES)) {
      execution.removeVariableLocal(TaskOutcome.NOTES);
    }
  }
}
