package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every role × every REST write, compared with the table "What each role may
 * change" in docs/roles.md: the test reads the table, so the documentation
 * and the authorizations cannot drift apart. Refused writes must leave the
 * cooperation as it was; each allowed write gets a cooperation of its own.
 */
class RoleWriteMatrixIT extends LifecycleWalkingTest {

  /** The table's columns, in order, as the groups the test acts as. */
  private static final List<String> COLUMNS = List.of("camunda-admin", "fasker", "supervisor", "province-51",
      "regency-5171", "ministry-kemensos", "tpoa-kemlu", "tpoa-polri", "ngo-matrix");
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` — .*$");

  /** A write: given the acting user and a fresh or shared cooperation's business key, the HTTP status. */
  private final Map<String, Function<Target, Integer>> writes = new LinkedHashMap<>();

  record Target(String user, String key, String lifecycle) {
  }

  RoleWriteMatrixIT() {
    writes.put("modify", t -> post(t.user, "/engine-rest/process-instance/" + t.lifecycle + "/modification",
        Map.of("skipCustomListeners", true, "instructions", List.of(
            Map.of("type", "cancel", "activityId", "CallActivity_CentralApproval"),
            Map.of("type", "startBeforeActivity", "activityId", "CallActivity_AgreementSigning")))).status());
    writes.put("suspend", t -> put(t.user, "/engine-rest/process-instance/" + t.lifecycle + "/suspended",
        Map.of("suspended", true)).status());
    writes.put("delete", t -> exchange(t.user, "DELETE", "/engine-rest/process-instance/" + t.lifecycle, null)
        .status());
    writes.put("instance-variable", t -> put(t.user, "/engine-rest/process-instance/" + t.lifecycle
        + "/variables/matrixProbe", Map.of("value", "x")).status());
    writes.put("task-variable", t -> put(t.user, "/engine-rest/task/" + firstTask(t.key)
        + "/variables/matrixProbe", Map.of("value", "x")).status());
    writes.put("job-retries", t -> put(t.user, "/engine-rest/job-definition/" + lifecycleJobDefinition()
        + "/retries", Map.of("retries", 1)).status());
    writes.put("migrate", t -> post(t.user, "/engine-rest/migration/execute", Map.of(
        "migrationPlan", migrationPlan(t.lifecycle), "processInstanceIds", List.of(t.lifecycle))).status());
    writes.put("terminate", t -> post(t.user, "/engine-rest/message",
        RenewalRestIT.termination("Message_EarlyTermination", t.key)).status());
    writes.put("deploy", t -> deploy(t.user));
    writes.put("create-user", t -> post(t.user, "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", "matrix" + System.nanoTime(), "firstName", "Matriks", "lastName", "Peran"),
        "credentials", Map.of("password", PASSWORD))).status());
    writes.put("grant", t -> post(t.user, "/engine-rest/authorization/create", Map.of("type", 1,
        "permissions", List.of("ALL"), "groupId", "regency-5171", "resourceType", 8, "resourceId",
        t.lifecycle)).status());
    writes.put("create-filter", t -> post(t.user, "/engine-rest/filter/create", Map.of("resourceType", "Task",
        "name", "Matriks", "query", Map.of())).status());
    writes.put("verify-password", t -> post(t.user, "/engine-rest/identity/verify",
        Map.of("username", userOf("regency-3171"), "password", PASSWORD)).status());
  }

  @Test
  void everyRoleMayDoExactlyTheWritesDocsRolesMdAllows() throws IOException {
    Map<String, List<Boolean>> table = table();
    assertThat(table.keySet()).as("rows of the table in docs/roles.md").containsExactlyInAnyOrderElementsOf(
        writes.keySet());

    ensureNgo("matrix");
    String shared = proposeWith("ministry-kemensos", "ORMAS_ASING", "ministry-kemensos", "ngo-matrix", "51");
    String sharedLifecycle = lifecycleInstance(shared);
    JsonNode before = state(shared, sharedLifecycle);

    List<String> mismatches = new ArrayList<>();
    for (Map.Entry<String, List<Boolean>> row : table.entrySet()) {
      for (int i = 0; i < COLUMNS.size(); i++) {
        String group = COLUMNS.get(i);
        boolean allowed = row.getValue().get(i);
        String user = group.equals("camunda-admin") ? ADMIN : userOf(group);
        String key = allowed ? proposeWith("ministry-kemensos", "ORMAS_ASING", "ministry-kemensos", "ngo-matrix", "51")
            : shared;
        int status = writes.get(row.getKey()).apply(new Target(user, key, allowed ? lifecycleInstance(key)
            : sharedLifecycle));
        boolean ok = allowed ? status >= 200 && status < 300 : status == 403 || status == 404;
        if (!ok) {
          mismatches.add(row.getKey() + " as " + group + ": HTTP " + status + ", table says " + (allowed ? "✓" : "✗"));
        }
      }
    }
    assertThat(mismatches).as("writes that differ from docs/roles.md").isEmpty();
    assertThat(state(shared, sharedLifecycle)).as("the cooperation every refused write aimed at").isEqualTo(before);
  }

  /**
   * The location region's co-sign task of a foreign NGO's RKT (UserTask_ReviewRegionalRkt, docs/roles.md): another
   * province, a regency/city the RKT does not name and the NGO itself can neither claim nor complete it, over
   * either REST path; the task stays open and undecided until the location province signs.
   */
  @Test
  void theRktCoSignTaskIsTheLocationRegionsAlone() {
    ensureNgo("matrix");
    String key = proposeWith("ministry-kemensos", "ORMAS_ASING", "ministry-kemensos", "ngo-matrix", "51");
    walkUntil(key, "UserTask_DraftRegionalRkt", (task, year) ->
        task.equals("UserTask_DecideOperationalPermit") ? decision("GRANTED") : answer(task, year));
    JsonNode draft = openTask(key, "UserTask_DraftRegionalRkt");
    String ngoUser = userOf("ngo-matrix");
    String draftId = draft.get("id").asText();
    int year = check(get(ADMIN, "/engine-rest/task/" + draftId + "/variables/cycleYear"), 200).json().get("value")
        .asInt();
    check(post(ngoUser, "/engine-rest/task/" + draftId + "/claim", Map.of("userId", ngoUser)), 204);
    check(post(ngoUser, "/engine-rest/task/" + draftId + "/submit-form", Map.of("variables", workPlan(year))), 204);

    JsonNode review = openTask(key, "UserTask_ReviewRegionalRkt");
    String reviewId = review.get("id").asText();
    assertThat(check(get(ADMIN, "/engine-rest/task/" + reviewId + "/identity-links?type=candidate"), 200).json()
        .findValuesAsText("groupId")).containsExactly("province-51");
    Map<String, Object> sign = Map.of("variables", decision("APPROVED"));
    for (String outsider : List.of("province-52", "regency-5171", "ngo-matrix")) {
      String user = userOf(outsider);
      assertThat(post(user, "/engine-rest/task/" + reviewId + "/claim", Map.of("userId", user)).status())
          .as("claim as " + outsider).isIn(403, 404);
      assertThat(post(user, "/engine-rest/task/" + reviewId + "/submit-form", sign).status())
          .as("submit-form as " + outsider).isIn(403, 404);
      assertThat(post(user, "/engine-rest/task/" + reviewId + "/complete", sign).status())
          .as("complete as " + outsider).isIn(403, 404);
    }
    JsonNode still = check(get(ADMIN, "/engine-rest/task/" + reviewId), 200).json();
    assertThat(still.get("assignee").isNull()).as("nobody claimed it").isTrue();

    String province = userOf("province-51");
    check(post(province, "/engine-rest/task/" + reviewId + "/claim", Map.of("userId", province)), 204);
    check(post(province, "/engine-rest/task/" + reviewId + "/submit-form", sign), 204);
    assertThat(check(get(ADMIN, "/engine-rest/history/task?taskId=" + reviewId), 200).json().get(0).get("assignee")
        .asText()).isEqualTo(province);
    assertThat(openTask(key, "UserTask_ReviewWorkPlanPartnerMinistry")).isNotNull();
  }

  private JsonNode openTask(String key, String taskKey) {
    awaitFollowUps(key);
    JsonNode tasks = check(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + key + "&taskDefinitionKey="
        + taskKey), 200).json();
    assertThat(tasks).as("open task " + taskKey).isNotEmpty();
    return tasks.get(0);
  }

  /** What a refused write could have changed: where the instance stands, its variables, its registry record. */
  private JsonNode state(String key, String lifecycle) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("instance", check(get(ADMIN, "/engine-rest/process-instance/" + lifecycle), 200).json());
    state.put("activities", check(get(ADMIN, "/engine-rest/process-instance/" + lifecycle
        + "/activity-instances"), 200).json().findValuesAsText("activityId"));
    state.put("variables", check(get(ADMIN, "/engine-rest/process-instance/" + lifecycle + "/variables"), 200)
        .json());
    state.put("agreement", check(get(ADMIN, "/api/agreements/" + agreementId(key)), 200).json().get("agreement"));
    state.put("tasks", check(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + key), 200).json()
        .findValuesAsText("id"));
    return json.valueToTree(state);
  }

  private Map<String, List<Boolean>> table() throws IOException {
    Map<String, List<Boolean>> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("docs/roles.md"))) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        String[] cells = line.split("\\|");
        List<Boolean> marks = new ArrayList<>();
        for (int c = 2; c < cells.length; c++) {
          String cell = cells[c].trim();
          assertThat(cell).as("cell of row " + m.group(1)).isIn("✓", "✗");
          marks.add(cell.equals("✓"));
        }
        assertThat(marks).as("columns of row " + m.group(1)).hasSize(COLUMNS.size());
        rows.put(m.group(1), marks);
      }
    }
    return rows;
  }

  /** Registers the foreign NGO {@code ngo-<code>} (the party of the cooperation, with its own column) once. */
  private void ensureNgo(String code) {
    boolean registered = false;
    for (JsonNode ngo : check(get(ADMIN, "/api/ngos"), 200).json()) {
      registered |= ngo.get("groupId").asText().equals("ngo-" + code);
    }
    if (!registered) {
      check(post(ADMIN, "/api/ngos", Map.of("code", code, "name", "Matrix Relief " + code, "country", "Norwegia",
          "legalDocuments", "Stiftelse 998877", "contactName", "Ola Nordmann", "contactEmail", "ola@matrix.example",
          "localOffice", "Jl. Raya Kuta No. 1, Badung")), 201);
    }
  }

  private String lifecycleInstance(String key) {
    return check(get(ADMIN, "/engine-rest/process-instance?businessKey=" + key
        + "&processDefinitionKey=cooperation-lifecycle"), 200).json().get(0).get("id").asText();
  }

  private String lifecycleJobDefinition() {
    return check(get(ADMIN, "/engine-rest/job-definition?processDefinitionKey=cooperation-lifecycle"), 200).json()
        .get(0).get("id").asText();
  }

  private String firstTask(String key) {
    awaitFollowUps(key);
    return check(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + key), 200).json().get(0).get("id")
        .asText();
  }

  private Map<String, Object> migrationPlan(String lifecycle) {
    String definition = check(get(ADMIN, "/engine-rest/process-instance/" + lifecycle), 200).json()
        .get("definitionId").asText();
    return Map.of("sourceProcessDefinitionId", definition, "targetProcessDefinitionId", definition,
        "instructions", List.of(Map.of("sourceActivityIds", List.of("CallActivity_CentralApproval"),
            "targetActivityIds", List.of("CallActivity_CentralApproval"))));
  }

  private int deploy(String user) {
    return deployProcess(user, "matrix-check").status();
  }
}
