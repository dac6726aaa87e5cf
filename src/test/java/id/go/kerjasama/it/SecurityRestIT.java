package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kerjasama.roles.IdentitySeeder;
import id.go.kerjasama.platform.tasklist.TasklistFilters;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Authentication and authorization of the REST APIs as real users: 401
 * without credentials, 403 without rights, a province sees only its own
 * cooperation, supervisors look but cannot change, only administrators deploy.
 */
class SecurityRestIT extends IntegrationTest {

  @Test
  void everyApiNeedsCredentials() {
    assertThat(get(null, "/engine-rest/task").status()).isEqualTo(401);
    assertThat(get(null, "/engine-rest/process-definition").status()).isEqualTo(401);
    assertThat(get(null, "/api/agreements/1").status()).isEqualTo(401);
    assertThat(exchange("nobody", "GET", "/engine-rest/task", null).status()).isEqualTo(401);
  }

  @Test
  void aChangedPasswordOrADeletedUserStopsWorkingAtOnceThoughPasswordsAreRemembered() {
    String user = "it-credential-memory";
    check(post(ADMIN, "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", user, "firstName", "IT", "lastName", "Credential", "email", user + "@kerjasama.test"),
        "credentials", Map.of("password", PASSWORD))), 204);
    check(put(ADMIN, "/engine-rest/group/province-95/members/" + user, null), 204);
    String own = start("province-95", "LUAR_NEGERI", "95");
    // the same credentials again and again: verified once, then from memory
    for (int i = 0; i < 3; i++) {
      assertThat(as(user, PASSWORD, "/engine-rest/user/" + user + "/profile").status()).isEqualTo(200);
    }
    assertThat(as(user, "Salah-Sandi-1", "/engine-rest/user/" + user + "/profile").status())
        .as("a wrong password is never answered from memory").isEqualTo(401);
    assertThat(as(user, PASSWORD, "/engine-rest/user/" + user + "/profile").status()).isEqualTo(200);

    String changed = "Sandi-Baru-2026!";
    check(put(ADMIN, "/engine-rest/user/" + user + "/credentials",
        Map.of("password", changed, "authenticatedUserPassword", ADMIN_PASSWORD)), 204);
    assertThat(as(user, PASSWORD, "/engine-rest/user/" + user + "/profile").status())
        .as("the old password stops working at once").isEqualTo(401);
    assertThat(as(user, changed, "/engine-rest/user/" + user + "/profile").status()).isEqualTo(200);
    assertThat(as(user, changed, "/engine-rest/user/" + user + "/profile").status()).isEqualTo(200);

    // groups are remembered with the password, and forgotten when a membership changes: province 95's
    // cooperation is visible through the group, and no longer once the user left it
    String ofOwn = "/engine-rest/process-instance?businessKey=" + own;
    assertThat(check(as(user, changed, ofOwn), 200).json()).isNotEmpty();
    check(exchange(ADMIN, "DELETE", "/engine-rest/group/province-95/members/" + user, null), 204);
    assertThat(check(as(user, changed, ofOwn), 200).json()).as("the old membership is not remembered").isEmpty();

    check(exchange(ADMIN, "DELETE", "/engine-rest/user/" + user, null), 204);
    assertThat(as(user, changed, "/engine-rest/task?maxResults=1").status())
        .as("a deleted user is not let in from memory").isEqualTo(401);
  }

  private Response as(String user, String password, String path) {
    return client(user, password).get().uri(path).accept(org.springframework.http.MediaType.APPLICATION_JSON)
        .exchange((req, res) -> new Response(res.getStatusCode().value(),
            new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), json));
  }

  @Test
  void aProvinceSeesOnlyItsOwnCooperation() {
    String own = start("province-61", "LUAR_NEGERI", "61");
    String other = start("province-62", "LUAR_NEGERI", "62");
    String located = startAs("ministry-kemendagri", "DALAM_NEGERI", "ministry-kemendagri", "61");

    String province61 = userOf("province-61");
    JsonNode instances = check(get(province61, "/engine-rest/process-instance?processDefinitionKey=cooperation-lifecycle"), 200).json();
    assertThat(instances.findValuesAsText("businessKey")).contains(own, located).doesNotContain(other);
    JsonNode phases = check(get(province61, "/engine-rest/process-instance?businessKey=" + own), 200).json();
    assertThat(phases.findValuesAsText("definitionId")).anyMatch(d -> d.startsWith("central-approval:"));

    String otherInstance = check(get(userOf("fasker"), "/engine-rest/process-instance?businessKey=" + other
        + "&processDefinitionKey=cooperation-lifecycle"), 200).json().get(0).get("id").asText();
    assertThat(get(province61, "/engine-rest/process-instance/" + otherInstance).status()).isIn(403, 404);
    long otherAgreement = agreementId(other);
    JsonNode forbidden = check(get(province61, "/api/agreements/" + otherAgreement), 403).json();
    assertThat(forbidden.get("message").asText()).contains("tidak berhak").contains(other);
    check(get(province61, "/api/agreements/" + agreementId(located)), 200);

    // the ministry that proposed sees its own, a ministry not involved does not
    assertThat(check(get(userOf("ministry-kemendagri"), "/engine-rest/process-instance?businessKey=" + located), 200)
        .json()).isNotEmpty();
    assertThat(check(get(userOf("ministry-kemenkes"), "/engine-rest/process-instance?businessKey=" + located), 200)
        .json()).isEmpty();
    check(get(userOf("ministry-kemenkes"), "/api/agreements/" + agreementId(located)), 403);
    // Fasker sees all
    assertThat(check(get(userOf("fasker"), "/engine-rest/process-instance?processDefinitionKey=cooperation-lifecycle"), 200)
        .json().findValuesAsText("businessKey")).contains(own, other, located);
  }

  @Test
  void aProvinceCannotStartInTheNameOfAnother() {
    Map<String, Object> vars = proposal("LUAR_NEGERI", "province-31", "31");
    JsonNode error = post(userOf("province-32"), "/engine-rest/process-definition/key/cooperation-lifecycle/submit-form",
        Map.of("variables", vars)).json();
    assertThat(error.get("message").asText()).contains("Anda bukan anggota unit pengusul Provinsi Daerah Khusus Ibukota Jakarta");
  }

  @Test
  void aSupervisorReadsEverythingButChangesNothing() {
    String key = start("province-63", "LUAR_NEGERI", "63");
    String supervisor = userOf("supervisor");
    JsonNode instance = check(get(supervisor, "/engine-rest/process-instance?businessKey=" + key
        + "&processDefinitionKey=cooperation-lifecycle"), 200).json().get(0);
    String instanceId = instance.get("id").asText();
    check(get(supervisor, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key), 200);
    check(get(supervisor, "/api/agreements/" + agreementId(key)), 200);

    assertThat(put(supervisor, "/engine-rest/process-instance/" + instanceId + "/suspended", Map.of("suspended", true))
        .status()).isEqualTo(403);
    assertThat(exchange(supervisor, "DELETE", "/engine-rest/process-instance/" + instanceId, null).status())
        .isEqualTo(403);
    String taskId = check(get(supervisor, "/engine-rest/task?processInstanceBusinessKey=" + key), 200).json()
        .get(0).get("id").asText();
    assertThat(post(supervisor, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", supervisor)).status())
        .isEqualTo(403);
    assertThat(post(supervisor, "/engine-rest/process-definition/key/cooperation-lifecycle/submit-form",
        Map.of("variables", proposal("LUAR_NEGERI", "province-63", "63"))).status()).isEqualTo(403);
    assertThat(deploy(supervisor).status()).isEqualTo(403);
  }

  @Test
  void onlyAdministratorsDeploy() {
    assertThat(deploy(userOf("province-32")).status()).isEqualTo(403);
    assertThat(deploy(userOf("fasker")).status()).isEqualTo(403);
    Response deployed = deploy(ADMIN);
    assertThat(deployed.status()).isEqualTo(200);
    assertThat(deployed.json().get("deployedProcessDefinitions").toString()).contains("modeler-check");
  }

  @Test
  void everyStaffMemberGetsTheTasklistFilters() {
    JsonNode filters = check(get(userOf("province-64"), "/engine-rest/filter?resourceType=Task"), 200).json();
    assertThat(filters.findValuesAsText("name")).contains(TasklistFilters.MY_TASKS, TasklistFilters.GROUP_TASKS,
        TasklistFilters.OVERDUE, TasklistFilters.DUE_THIS_WEEK);

    // Kemendagri's own domestic cooperation located in province 64: Fasker decides first
    String key = startAs("ministry-kemendagri", "DALAM_NEGERI", "ministry-kemendagri", "64");
    String groupFilter = filters.findParents("name").stream()
        .filter(f -> f.get("name").asText().equals(TasklistFilters.GROUP_TASKS)).findFirst().orElseThrow()
        .get("id").asText();
    JsonNode faskerTasks = check(get(userOf("fasker"), "/engine-rest/filter/" + groupFilter + "/list"), 200).json();
    assertThat(faskerTasks.findValuesAsText("name")).contains("Putuskan persetujuan pusat");
    JsonNode provinceTasks = check(get(userOf("province-64"), "/engine-rest/filter/" + groupFilter + "/list"), 200).json();
    assertThat(provinceTasks).isEmpty();
    assertThat(key).isNotBlank();
    // every filter's expressions evaluate for a real user
    for (JsonNode filter : filters) {
      check(get(userOf("province-64"), "/engine-rest/filter/" + filter.get("id").asText() + "/list"), 200);
      check(get(userOf("fasker"), "/engine-rest/filter/" + filter.get("id").asText() + "/count"), 200);
    }
  }

  @Test
  void healthIsOpenMetricsOnlyForMonitoringAndAdministrators() {
    assertThat(check(get(null, "/actuator/health"), 200).json().get("status").asText()).isEqualTo("UP");
    check(get(null, "/actuator/health/liveness"), 200);
    check(get(null, "/actuator/health/readiness"), 200);

    assertThat(get(null, "/actuator/prometheus").status()).isEqualTo(401);
    assertThat(get(null, "/actuator/metrics").status()).isEqualTo(401);
    assertThat(get(null, "/actuator/metrics/jvm.memory.used").status()).isEqualTo(401);
    String province = userOf("province-64");
    JsonNode forbidden = check(get(province, "/actuator/prometheus"), 403).json();
    assertThat(forbidden.get("message").asText()).contains("tidak berhak membaca metrik");
    check(get(province, "/actuator/metrics/jvm.memory.used"), 403);

    String monitoring = userOf(IdentitySeeder.MONITORING_GROUP);
    String metrics = client(monitoring, PASSWORD).get().uri("/actuator/prometheus").retrieve().body(String.class);
    assertThat(metrics).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    check(get(monitoring, "/actuator/metrics/jvm.memory.used"), 200);
    check(get(ADMIN, "/actuator/metrics"), 200);
    // the monitoring group has no engine permissions at all
    assertThat(get(monitoring, "/engine-rest/process-definition").json()).isEmpty();
    assertThat(get(monitoring, "/engine-rest/process-definition/key/cooperation-lifecycle").status()).isIn(403, 404);
  }

  private Response deploy(String user) {
    return deployProcess(user, "modeler-check");
  }

  private String start(String group, String type, String province) {
    return startAs(group, type, group, province);
  }

  private String startAs(String group, String type, String proposer, String province) {
    return started(check(post(userOf(group), "/engine-rest/process-definition/key/cooperation-lifecycle/submit-form",
        Map.of("variables", proposal(type, proposer, province))), 200).json()).get("businessKey").asText();
  }

  private Map<String, Object> proposal(String type, String proposer, String province) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("cooperationType", value(type));
    vars.put("title", value("Kerja sama uji keamanan"));
    vars.put("partnerName", value("Mitra uji"));
    vars.put("partnerCountry", value("Indonesia"));
    vars.put("proposerUnit", value(proposer));
    vars.put("locationProvinces", json("[\"" + province + "\"]"));
    vars.put("sectors", json("[\"EKONOMI\"]"));
    vars.put("proposedStart", value(LifecycleRestIT.TODAY.plusDays(7).toString()));
    vars.put("durationMonths", Map.of("value", 12, "type", "Long"));
    return vars;
  }

  private long agreementId(String businessKey) {
    String instanceId = check(get(userOf("fasker"), "/engine-rest/process-instance?businessKey=" + businessKey
        + "&processDefinitionKey=cooperation-lifecycle"), 200).json().get(0).get("id").asText();
    return check(get(userOf("fasker"), "/engine-rest/process-instance/" + instanceId + "/variables/agreementId"), 200)
        .json().get("value").asLong();
  }
}
