package id.go.kerjasama.approval;

import id.go.kerjasama.platform.calendar.WorkingDayCalendar;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.IntFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Due dates of the central-approval tasks, counted in Indonesian working days
 * (the {@code workingDays} calendar: weekends, national holidays and cuti
 * bersama skipped; due at office closing) from the engine clock. Used by the diagram:
 * {@code camunda:dueDate="${approvalDeadlines.dueDate('UserTask_ReviewByFasker')}"}
 * and, for the revision and its lapse timer, {@code ${approvalDeadlines.revisionDue()}}.
 * Checks at start-up that every review task has a positive number of days.
 */
@Component
public class ApprovalDeadlines {

  static final String TASK_PREFIX = "UserTask_";

  private final ApprovalProperties properties;
  private final IntFunction<Date> dueIn;

  @Autowired
  public ApprovalDeadlines(ApprovalProperties properties, WorkingDayCalendar workingDays) {
    this(properties, workingDays::dueIn);
  }

  ApprovalDeadlines(ApprovalProperties properties, IntFunction<Date> dueIn) {
    this.properties = properties;
    this.dueIn = dueIn;
    check();
  }

  /** The due date of a review task: its configured working days from today, at office closing. */
  public Date dueDate(String taskId) {
    return dueIn.apply(workingDays(taskId));
  }

  /** The due date of a revision, which is also when the proposal lapses. */
  public Date revisionDue() {
    return dueIn.apply(properties.revisionWorkingDays());
  }

  /** The configured working days of a review task. */
  public int workingDays(String taskId) {
    Integer days = properties.due().get(propertyKey(taskId));
    if (days == null) {
      throw new IllegalArgumentException("No due date configured for " + taskId + ": set kerjasama.approval.due."
          + propertyKey(taskId));
    }
    return days;
  }

  public int revisionWorkingDays() {
    return properties.revisionWorkingDays();
  }

  /** {@code UserTask_ReviewByFasker} → {@code review-by-fasker}. */
  static String propertyKey(String taskId) {
    String name = taskId.startsWith(TASK_PREFIX) ? taskId.substring(TASK_PREFIX.length()) : taskId;
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }

  private void check() {
    List<String> problems = new ArrayList<>();
    for (String task : ApprovalProcess.TASKS_WITH_DEADLINE) {
      Integer days = properties.due().get(propertyKey(task));
      if (days == null || days < 1) {
        problems.add("kerjasama.approval.due." + propertyKey(task) + " must be a positive number of working days"
            + " (is " + days + ")");
      }
    }
    if (properties.revisionWorkingDays() < 1) {
      problems.add("kerjasama.approval.revision-working-days must be positive (is "
          + properties.revisionWorkingDays() + ")");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Invalid central-approval deadlines: " + String.join("; ", problems));
    }
  }
}
