package id.go.kerjasama.ngo;

import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.engine.UserTaskListener;
import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.registry.ProcessVariables;
import id.go.kerjasama.registry.TaskDecisions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The audit trail of the NGO's own processes (permit, sanction), which
 * belong to no agreement: each completed task's decision is checked against
 * the codes the diagram allows and written to {@code ngo_event} with who,
 * when, decision and notes.
 */
@Component
class NgoTaskAudit implements UserTaskListener {

  private final NgoRegistry registry;
  private final IdentityService identityService;

  NgoTaskAudit(NgoRegistry registry, @Lazy IdentityService identityService) {
    this.registry = registry;
    this.identityService = identityService;
  }

  private static boolean ngoProcess(DelegateExecution execution) {
    return execution.getVariable(NgoPermitProcess.NGO_ID) instanceof Number
        && !(execution.getVariable(ProcessVariables.AGREEMENT_ID) instanceof Number);
  }

  @Override
  public void completing(DelegateExecution execution) {
    if (ngoProcess(execution)) {
      TaskDecisions.of(execution).check(execution.getVariable(TaskOutcome.DECISION),
          execution.getVariable(TaskOutcome.NOTES));
    }
  }

  @Override
  public void completed(DelegateExecution execution) {
    if (!ngoProcess(execution)) {
      return;
    }
    long ngoId = ((Number) execution.getVariable(NgoPermitProcess.NGO_ID)).longValue();
    String decision = TaskOutcome.decision(execution);
    registry.recordEvent(ngoId, CurrentUser.id(identityService), execution.getCurrentActivityId(),
        execution.getCurrentActivityName(), decision == null ? "COMPLETED" : decision,
        TaskOutcome.notes(execution));
    if (execution.hasVariableLocal(TaskOutcome.NOTES)) {
      execution.removeVariableLocal(TaskOutcome.NOTES);
    }
  }
}
