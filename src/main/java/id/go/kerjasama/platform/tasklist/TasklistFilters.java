package id.go.kerjasama.platform.tasklist;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import id.go.kerjasama.platform.notification.NotifiedVariables;
import id.go.kerjasama.platform.security.AuthorizationGrants;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters every staff member sees: my tasks, my groups'
 * tasks, overdue, due this week. They use expressions ({@code currentUser()},
 * {@code currentUserGroups()}, {@code now()}), so one filter serves every
 * role. Each card shows the agreement's registration number, title and
 * proposer ({@link #CARD_VARIABLES}). Created or
 * updated at start-up, by name.
 */
@Component
public class TasklistFilters {

  public static final String MY_TASKS = "Tugas saya";
  public static final String GROUP_TASKS = "Tugas kelompok saya";
  public static final String OVERDUE = "Terlambat";
  public static final String DUE_THIS_WEEK = "Jatuh tempo minggu ini";

  /** Card variable: the cooperation's title; the registry sets it ({@code registry/ProcessVariables}). */
  public static final String COOPERATION_TITLE = "cooperationTitle";
  /** Card variable: the proposing unit's name; the registry sets it. */
  public static final String PROPOSER_NAME = "proposerName";

  /**
   * The process variables shown on every task card, so two tasks of the same
   * kind can be told apart: the registration number, the cooperation's title
   * and the proposing unit's name. The names are the platform's (it may not
   * know the registry); the registry sets them on every lifecycle instance
   * and each phase receives them ({@code registry/ProcessVariables}).
   */
  static final List<Map<String, String>> CARD_VARIABLES = List.of(
      card(NotifiedVariables.REGISTRATION_NUMBER, "Nomor registrasi"),
      card(COOPERATION_TITLE, "Judul kerja sama"),
      card(PROPOSER_NAME, "Pengusul"));

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationGrants grants;

  public TasklistFilters(FilterService filterService, TaskService taskService,
                         AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.grants = new AuthorizationGrants(authorizationService);
  }

  public void ensure() {
    ensure(MY_TASKS, -10, "Tugas yang ditugaskan kepada saya",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensure(GROUP_TASKS, -5, "Tugas kelompok saya yang belum diambil",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .taskUnassigned());
    ensure(OVERDUE, 0, "Tugas saya dan kelompok saya yang sudah lewat tenggat",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().dueBeforeExpression("${now()}"));
    ensure(DUE_THIS_WEEK, 5, "Tugas saya dan kelompok saya yang jatuh tempo dalam 7 hari",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().dueAfterExpression("${now()}")
            .dueBeforeExpression("${dateTime().plusDays(7).toDate()}"));
  }

  private static Map<String, String> card(String variable, String label) {
    Map<String, String> card = new LinkedHashMap<>();
    card.put("name", variable);
    card.put("label", label);
    return card;
  }

  private void ensure(String name, int priority, String description, TaskQuery query) {
    List<Filter> existing = filterService.createTaskFilterQuery().filterName(name).list();
    Filter filter = existing.isEmpty() ? filterService.newTaskFilter(name) : existing.get(0);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    // shown on every task card, so two tasks of the same kind can be told apart
    properties.put("variables", CARD_VARIABLES);
    filter.setProperties(properties);
    filter.setQuery(query);
    filterService.saveFilter(filter);
    grants.grantEveryone(Resources.FILTER, filter.getId(), READ);
  }
}
