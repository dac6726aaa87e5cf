package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kerjasama.platform.tasklist.TasklistFilters;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the seeded Tasklist filters find, on PostgreSQL with the indexes and
 * the authorization manager of docs/performance.md "Run 8" (V58–V59,
 * {@code GroupProbingAuthorizationManager}): a province's task shows under
 * "Tugas kelompok saya"; once overdue under "Terlambat" and not under "Jatuh
 * tempo minggu ini"; once due in three days the other way round; list and
 * count agree; a user of another province sees it under none. Uses province
 * 17 (Bengkulu) and 18 (Lampung).
 */
class TasklistFilterResultsIT extends IntegrationTest {

  @Autowired
  TaskService taskService;

  @Test
  void theFiltersFindTheProvincesTaskByItsDueDateAndNobodyElsesUserDoes() {
    String officer = userOf("province-17");
    String stranger = userOf("province-18");
    Set<String> before = candidateTasks("province-17");
    started(check(post(officer, "/engine-rest/process-definition/key/cooperation-lifecycle/submit-form",
        Map.of("variables", proposal())), 200).json());
    List<String> created = candidateTasks("province-17").stream().filter(id -> !before.contains(id)).toList();
    assertThat(created).as("the province's first task").isNotEmpty();
    String taskId = created.get(0);

    Map<String, String> filters = filterIds(officer);
    assertThat(found(officer, filters.get(TasklistFilters.GROUP_TASKS))).contains(taskId);

    setDue(taskId, -1);
    assertThat(found(officer, filters.get(TasklistFilters.OVERDUE))).contains(taskId);
    assertThat(found(officer, filters.get(TasklistFilters.DUE_THIS_WEEK))).doesNotContain(taskId);

    setDue(taskId, 3);
    assertThat(found(officer, filters.get(TasklistFilters.DUE_THIS_WEEK))).contains(taskId);
    assertThat(found(officer, filters.get(TasklistFilters.OVERDUE))).doesNotContain(taskId);

    for (String filter : filters.values()) {
      assertThat(found(stranger, filter)).doesNotContain(taskId);
    }
  }

  private Set<String> candidateTasks(String group) {
    return taskService.createTaskQuery().taskCandidateGroup(group).list().stream().map(Task::getId)
        .collect(Collectors.toSet());
  }

  private void setDue(String taskId, int days) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    task.setDueDate(Date.from(LifecycleRestIT.TODAY.plusDays(days).atTime(12, 0)
        .atZone(ZoneId.of("Asia/Jakarta")).toInstant()));
    taskService.saveTask(task);
  }

  private Map<String, String> filterIds(String user) {
    Map<String, String> ids = new HashMap<>();
    for (JsonNode filter : check(get(user, "/engine-rest/filter?resourceType=Task"), 200).json()) {
      ids.put(filter.get("name").asText(), filter.get("id").asText());
    }
    assertThat(ids).containsKeys(TasklistFilters.MY_TASKS, TasklistFilters.GROUP_TASKS, TasklistFilters.OVERDUE,
        TasklistFilters.DUE_THIS_WEEK);
    return ids;
  }

  /** The filter's tasks as its list shows them; the count must agree. */
  private List<String> found(String user, String filterId) {
    List<String> ids = new ArrayList<>();
    for (JsonNode task : check(post(user, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=500",
        Map.of("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")))), 200).json()) {
      ids.add(task.get("id").asText());
    }
    long count = check(get(user, "/engine-rest/filter/" + filterId + "/count"), 200).json().get("count").asLong();
    assertThat(count).as("count of filter " + filterId).isEqualTo(ids.size());
    return ids;
  }

  /** A foreign cooperation proposal of province 17 (Bengkulu), as its start form sends it. */
  static Map<String, Object> proposal() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("cooperationType", value("LUAR_NEGERI"));
    vars.put("title", value("Kerja sama ekonomi Bengkulu dan Korea"));
    vars.put("partnerName", value("Mitra uji"));
    vars.put("partnerCountry", value("Korea Selatan"));
    vars.put("proposerUnit", value("province-17"));
    vars.put("locationProvinces", json("[\"17\"]"));
    vars.put("sectors", json("[\"EKONOMI\"]"));
    vars.put("proposedStart", value(LifecycleRestIT.TODAY.plusDays(7).toString()));
    vars.put("durationMonths", Map.of("value", 12, "type", "Long"));
    return vars;
  }
}
