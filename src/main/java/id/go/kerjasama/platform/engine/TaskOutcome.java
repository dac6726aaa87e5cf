package id.go.kerjasama.platform.engine;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The two form fields every deciding user task shares. They are reset as
 * local variables of the task's execution when the task is created, so that a
 * value always belongs to the task that set it (parallel reviews included),
 * and recorded in the audit trail when the task completes.
 */
public final class TaskOutcome {

  /** The decision code chosen in the form, e.g. APPROVED. */
  public static final String DECISION = "decision";
  /** The reviewer's notes. */
  public static final String NOTES = "notes";

  private TaskOutcome() {
  }

  /** The decision code, trimmed; {@code null} if none was chosen. */
  public static String decision(VariableScope scope) {
    return text(scope, DECISION);
  }

  /** The notes, trimmed; {@code null} if blank. */
  public static String notes(VariableScope scope) {
    return text(scope, NOTES);
  }

  private static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    String text = value == null ? null : value.toString().strip();
    return text == null || text.isEmpty() ? null : text;
  }
}
