package id.go.kerjasama.agreement;

import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.engine.UserTaskListener;
import org.camunda.bpm.engine.IdentityService;
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
  public void completed(DelegateTask task) {
    Object id = task.getVariable(LifecycleProcess.AGREEMENT_ID);
    if (!(id instanceof Number agreementId)) {
      return;
    }
    Authentication user = identityService.getCurrentAuthentication();
    String actor = user != null ? user.getUserId() : task.getAssignee();
    String processKey = task.getProcessDefinitionId() == null ? null
        : task.getProcessDefinitionId().split(":")[0];
    Phase phase = Phase.ofProcessKey(processKey).orElse(Phase.PROPOSAL);
    Object decision = task.getVariable(TaskOutcome.DECISION);
    Object notes = task.getVariable(TaskOutcome.NOTES);
    TaskDecisions.of(task).check(decision, notes);
    agreementService.recordEvent(agreementId.longValue(), actor, phase, task.getTaskDefinitionKey(),
        task.getName(), decision == null ? "COMPLETED" : decision.toString(),
        notes == null || notes.toString().isBlank() ? null : notes.toString());
    task.getExecution().removeVariableLocal(TaskOutcome.NOTES);
  }
}
