package id.go.kerjasama.registry;

import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.engine.UserTaskListener;
import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.identity.CurrentUser;
import java.util.List;
import java.util.Map;
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

  /** Refuses a decision the task does not allow, or one without the notes it needs, before anything acts on it. */
  @Override
  public void completing(DelegateExecution execution) {
    if (execution.getVariable(ProcessVariables.AGREEMENT_ID) instanceof Number) {
      TaskDecisions.of(execution).check(execution.getVariable(TaskOutcome.DECISION),
          execution.getVariable(TaskOutcome.NOTES), checked(execution),
          execution.getVariable(ReviewCondition.FIELD_CHECKLIST_NOTES));
    }
  }

  @Override
  public void completed(DelegateExecution execution) {
    Object id = execution.getVariable(ProcessVariables.AGREEMENT_ID);
    if (!(id instanceof Number agreementId)) {
      return;
    }
    Object decision = execution.getVariable(TaskOutcome.DECISION);
    Object notes = withChecklist(execution, execution.getVariable(TaskOutcome.NOTES));
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

  /** Where a timeline entry's notes continue with the reviewer's checklist. */
  public static final String CHECKLIST_PREFIX = "Daftar periksa - ";

  private static List<String> checked(DelegateExecution execution) {
    return new FormValues(Map.of(ReviewCondition.FIELD_CONDITIONS_CHECKED,
        execution.getVariable(ReviewCondition.FIELD_CONDITIONS_CHECKED) == null ? ""
            : execution.getVariable(ReviewCondition.FIELD_CONDITIONS_CHECKED)))
        .list(ReviewCondition.FIELD_CONDITIONS_CHECKED, "Daftar periksa", 0);
  }

  /**
   * A task with a checklist adds the conditions checked and not checked, and
   * the reviewer's notes on them, to the notes of its timeline entry; the
   * form values leave the process variables.
   */
  private static Object withChecklist(DelegateExecution execution, Object notes) {
    List<ReviewCondition> checklist = TaskDecisions.of(execution).checklist();
    if (checklist.isEmpty()) {
      return notes;
    }
    List<String> checked = checked(execution);
    Object checklistNotes = execution.getVariable(ReviewCondition.FIELD_CHECKLIST_NOTES);
    if (checked.isEmpty() && (checklistNotes == null || checklistNotes.toString().isBlank())) {
      // the reviewer used no checklist (a return or refusal for another reason): nothing to add
      execution.removeVariable(ReviewCondition.FIELD_CONDITIONS_CHECKED);
      execution.removeVariable(ReviewCondition.FIELD_CHECKLIST_NOTES);
      return notes;
    }
    StringBuilder text = new StringBuilder(notes == null || notes.toString().isBlank() ? "" : notes + "\n");
    List<String> met = checklist.stream().filter(c -> checked.contains(c.name())).map(ReviewCondition::label).toList();
    List<String> open = checklist.stream().filter(c -> !checked.contains(c.name())).map(ReviewCondition::label).toList();
    text.append(CHECKLIST_PREFIX);
    text.append(met.isEmpty() ? "tidak ada syarat yang terpenuhi" : "terpenuhi: " + String.join("; ", met));
    if (!open.isEmpty()) {
      text.append(". Belum terpenuhi: ").append(String.join("; ", open));
    }
    if (checklistNotes != null && !checklistNotes.toString().isBlank()) {
      text.append(". Catatan pemeriksaan: ").append(checklistNotes.toString().trim());
    }
    execution.removeVariable(ReviewCondition.FIELD_CONDITIONS_CHECKED);
    execution.removeVariable(ReviewCondition.FIELD_CHECKLIST_NOTES);
    return text.toString();
  }
}
