package id.go.kerjasama.registry;

import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.engine.UserTaskListener;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Writes every completed user task into the agreement's audit trail: who,
 * when, which task, the decision and the notes. The notes then leave the
 * process variables: the registry is where they live.
 */
@Component
public class AuditTrail implements UserTaskListener {

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

  @Override
  public void completed(DelegateExecution execution) {
    Object id = execution.getVariable(ProcessVariables.AGREEMENT_ID);
    if (!(id instanceof Number agreementId)) {
      return;
    }
    Object decision = execution.getVariable(TaskOutcome.DECISION);
    Object notes = execution.getVariable(TaskOutcome.NOTES);
    TaskDecisions.of(execution).check(decision, notes);
    Authentication user = identityService.getCurrentAuthentication();
    String processKey = execution.getProcessDefinitionId() == null ? null
        : execution.getProcessDefinitionId().split(":")[0];
    Phase phase = Phase.ofProcessKey(processKey).orElse(Phase.PROPOSAL);
    agreementService.recordEvent(agreementId.longValue(), user == null ? null : user.getUserId(), phase,
        execution.getCurrentActivityId(), execution.getCurrentActivityName(),
        decision == null ? "COMPLETED" : decision.toString(),
        notes == null || notes.toString().isBlank() ? null : notes.toString());
    if (execution.hasVariableLocal(TaskOutcome.NOTES)) {
      execution.removeVariableLocal(TaskOutcome.NOTES);
    }
  }
}
