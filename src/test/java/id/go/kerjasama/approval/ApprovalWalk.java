package id.go.kerjasama.approval;

import id.go.kerjasama.platform.time.BusinessClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Walks a proposal through central approval along whatever route the routing
 * table gave it, approving at every step as the task's candidate group, for
 * tests of later phases:
 * <pre>
 * new ApprovalWalk(processEngine, this::complete).approve(pi.getBusinessKey());
 * </pre>
 * ({@code complete} is {@code ProcessTestSupport.complete}: claim and submit the form as the group's test user.)
 */
public final class ApprovalWalk {

  /** Completes a task as the test user of a group. */
  @FunctionalInterface
  public interface Completer {
    void complete(String group, Task task, Map<String, Object> formValues);
  }

  /** One completed task: its key and the group that completed it. */
  public record Step(String taskKey, String group) {
  }

  private static final int MAX_STEPS = 40;

  /** The user tasks of central approval, which {@link #approving(String)} answers. */
  public static final Set<String> TASKS = Set.of(ApprovalProcess.TASK_CHECK_FILE_COMPLETE,
      ApprovalProcess.TASK_RECOMMEND_PERMIT, ApprovalProcess.TASK_DECIDE_PRINCIPLE_PERMIT,
      ApprovalProcess.TASK_SUPPLY_CLARIFICATION, ApprovalProcess.TASK_REVIEW_BY_PROVINCE,
      ApprovalProcess.TASK_REVIEW_BY_FASKER, ApprovalProcess.TASK_CONSULT_KEMLU,
      ApprovalProcess.TASK_RECORD_DPRD_APPROVAL, ApprovalProcess.TASK_DECIDE_CENTRAL_APPROVAL,
      ApprovalProcess.TASK_REVISE_PROPOSAL);

  private final ProcessEngine engine;
  private final Completer completer;

  public ApprovalWalk(ProcessEngine engine, Completer completer) {
    this.engine = engine;
    this.completer = completer;
  }

  /** Approves every open central-approval task of the agreement until the phase ends; returns the steps taken. */
  public List<Step> approve(String businessKey) {
    List<Step> steps = new ArrayList<>();
    for (List<Task> open = openTasks(businessKey); !open.isEmpty(); open = openTasks(businessKey)) {
      for (Task task : open) {
        String group = candidateGroup(task);
        completer.complete(group, task, approving(task.getTaskDefinitionKey()));
        steps.add(new Step(task.getTaskDefinitionKey(), group));
        if (steps.size() > MAX_STEPS) {
          throw new IllegalStateException("Central approval of " + businessKey + " does not end: " + steps);
        }
      }
    }
    return steps;
  }

  public List<Task> openTasks(String businessKey) {
    return engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(businessKey)
        .processDefinitionKey(ApprovalProcess.PROCESS_KEY)
        .orderByTaskCreateTime().asc()
        .list();
  }

  /** The one candidate group of a task. */
  public String candidateGroup(Task task) {
    List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
    if (groups.size() != 1) {
      throw new IllegalStateException(task.getTaskDefinitionKey() + " has candidate groups " + groups);
    }
    return groups.get(0);
  }

  /** The form values that approve a task (the widest valid permit; a DPRD letter of today). */
  public static Map<String, Object> approving(String taskKey) {
    Map<String, Object> v = new HashMap<>();
    switch (taskKey) {
      case ApprovalProcess.TASK_CHECK_FILE_COMPLETE -> v.put("decision", ApprovalProcess.COMPLETE);
      case ApprovalProcess.TASK_RECOMMEND_PERMIT -> v.put("decision", ApprovalProcess.NO_OBJECTION);
      case ApprovalProcess.TASK_DECIDE_PRINCIPLE_PERMIT -> {
        v.put("decision", ApprovalProcess.GRANTED);
        v.put(ApprovalProcess.FIELD_VALID_UNTIL, BusinessClock.today().plusYears(3).toString());
      }
      case ApprovalProcess.TASK_CONSULT_KEMLU -> v.put("decision", ApprovalProcess.SUPPORTED);
      case ApprovalProcess.TASK_RECORD_DPRD_APPROVAL -> {
        v.put("decision", ApprovalProcess.APPROVED);
        v.put(ApprovalProcess.FIELD_DPRD_LETTER_NUMBER, "170/12/DPRD/" + BusinessClock.today().getYear());
        v.put(ApprovalProcess.FIELD_DPRD_LETTER_DATE, BusinessClock.today().toString());
      }
      case ApprovalProcess.TASK_REVIEW_BY_PROVINCE, ApprovalProcess.TASK_REVIEW_BY_FASKER,
           ApprovalProcess.TASK_DECIDE_CENTRAL_APPROVAL -> v.put("decision", ApprovalProcess.APPROVED);
      default -> v.put("notes", "Perbaikan dan klarifikasi sesuai catatan peninjau");
    }
    return v;
  }
}
