package id.go.kerjasama.platform.engine;

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
}
