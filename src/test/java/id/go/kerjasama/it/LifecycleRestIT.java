package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kerjasama.approval.ApprovalWalk;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A cooperation of each type walked from proposal to closure on PostgreSQL,
 * through the engine's REST API as the users of the right roles: each task
 * is found in the list of a member of its candidate group, claimed and
 * submitted by that user.
 */
class LifecycleRestIT extends IntegrationTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

  record Step(String task, String group) {
  }

  @Test
  void regionalForeignCooperationOfAProvinceRunsToClosure() {
    String key = propose("province-35", "LUAR_NEGERI", "province-35", "35");
    assertThat(key).startsWith("KS-LN-");
    List<Step> steps = walk(key);
    assertThat(steps).containsExactly(
        new Step("UserTask_ReviewByFasker", "fasker"),
        new Step("UserTask_ConsultKemlu", "ministry-kemlu"),
        new Step("UserTask_RecordDprdApproval", "province-35"),
        new Step("UserTask_DecideCentralApproval", "fasker"),
        new Step("UserTask_RecordSigning", "province-35"),
        new Step("UserTask_DraftWorkPlan", "province-35"),
        new Step("UserTask_VerifyWorkPlan", "fasker"),
        new Step("UserTask_SubmitProgressReport", "province-35"),
        new Step("UserTask_ReviewProgressReport", "fasker"),
        new Step("UserTask_EvaluateCooperation", "fasker"),
        new Step("UserTask_DecideRenewal", "fasker"));
    assertClosed(key, "province-35");
  }

  @Test
  void foreignNgoCooperationRunsToClosure() {
    String key = propose("ministry-kemensos", "ORMAS_ASING", "ministry-kemensos", "53");
    List<Step> steps = walk(key);
    // every TPOA seat recommends in parallel, in no particular order
    assertThat(steps.subList(1, 8)).extracting(Step::group).containsExactlyInAnyOrder("tpoa-kemlu", "tpoa-kemhan",
        "tpoa-kemendagri", "tpoa-kemenkeu", "tpoa-kemensetneg", "tpoa-polri", "tpoa-teknis");
    assertThat(steps.subList(1, 8)).extracting(Step::task).containsOnly("UserTask_RecommendPermit");
    assertThat(steps.subList(0, 1)).containsExactly(new Step("UserTask_CheckFileComplete", "ministry-kemensos"));
    assertThat(steps.subList(8, steps.size())).containsExactly(
        new Step("UserTask_DecidePrinciplePermit", "tpoa-kemlu"),
        new Step("UserTask_RecordSigning", "ministry-kemensos"),
        new Step("UserTask_DraftWorkPlan", "ministry-kemensos"),
        new Step("UserTask_VerifyWorkPlan", "fasker"),
        new Step("UserTask_SubmitProgressReport", "ministry-kemensos"),
        new Step("UserTask_ReviewProgressReport", "fasker"),
        new Step("UserTask_EvaluateCooperation", "fasker"),
        new Step("UserTask_DecideRenewal", "ministry-kemensos"));
    assertClosed(key, "ministry-kemensos");
  }

  @Test
  void domesticCooperationOfACityRunsToClosure() {
    String key = propose("regency-3578", "DALAM_NEGERI", "regency-3578", "35");
    List<Step> steps = walk(key);
    assertThat(steps).containsExactly(
        new Step("UserTask_ReviewByProvince", "province-35"),
        new Step("UserTask_DecideCentralApproval", "fasker"),
        new Step("UserTask_RecordSigning", "regency-3578"),
        new Step("UserTask_DraftWorkPlan", "regency-3578"),
        new Step("UserTask_VerifyWorkPlan", "fasker"),
        new Step("UserTask_SubmitProgressReport", "regency-3578"),
        new Step("UserTask_ReviewProgressReport", "fasker"),
        new Step("UserTask_EvaluateCooperation", "fasker"),
        new Step("UserTask_DecideRenewal", "fasker"));
    // the city's province follows it too
    assertClosed(key, "province-35");
  }

  /** Submits the start form as the test user of {@code asGroup}; returns the business key. */
  String propose(String asGroup, String type, String proposer, String... provinces) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("cooperationType", value(type));
    vars.put("title", value("Kerja sama uji integrasi " + type.toLowerCase()));
    vars.put("partnerName", value("Mitra " + type));
    vars.put("partnerCountry", value(type.equals("DALAM_NEGERI") ? "Indonesia" : "Jepang"));
    vars.put("proposerUnit", value(proposer));
    vars.put("locationProvinces", json("[\"" + String.join("\",\"", provinces) + "\"]"));
    vars.put("sectors", json("[\"PENDIDIKAN\"]"));
    vars.put("proposedStart", value(TODAY.plusMonths(1).toString()));
    vars.put("durationMonths", Map.of("value", 24, "type", "Long"));
    JsonNode started = check(post(userOf(asGroup), "/engine-rest/process-definition/key/cooperation-lifecycle/submit-form",
        Map.of("variables", vars)), 200).json();
    return started.get("businessKey").asText();
  }

  /** Works every open task of the agreement, as a member of the task's candidate group, until none is left. */
  List<Step> walk(String key) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      JsonNode tasks = check(get(userOf("fasker"),
          "/engine-rest/task?processInstanceBusinessKey=" + key + "&sortBy=created&sortOrder=asc"), 200).json();
      if (tasks.isEmpty()) {
        return steps;
      }
      JsonNode task = tasks.get(0);
      String taskId = task.get("id").asText();
      String taskKey = task.get("taskDefinitionKey").asText();
      JsonNode links = check(get(ADMIN, "/engine-rest/task/" + taskId + "/identity-links?type=candidate"), 200).json();
      assertThat(links).as("candidate groups of " + taskKey).hasSize(1);
      String group = links.get(0).get("groupId").asText();
      String user = userOf(group);

      JsonNode visible = check(get(user, "/engine-rest/task?processInstanceBusinessKey=" + key), 200).json();
      assertThat(visible.findValuesAsText("id")).as(user + " sees " + taskKey).contains(taskId);
      check(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)), 204);
      check(post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", answer(taskKey))), 204);
      steps.add(new Step(taskKey, group));
    }
    throw new AssertionError("The lifecycle of " + key + " did not end in 50 tasks: " + steps);
  }

  static Map<String, Object> answer(String taskKey) {
    if (ApprovalWalk.TASKS.contains(taskKey)) {
      // central approval along its route, as the process tests approve it
      return ApprovalWalk.approving(taskKey).entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> value(e.getValue().toString())));
    }
    return switch (taskKey) {
      case "UserTask_VerifyWorkPlan" -> decision("APPROVED");
      case "UserTask_ReviewProgressReport" -> decision("ACCEPTED");
      case "UserTask_EvaluateCooperation" -> decision("CONTINUE");
      case "UserTask_DecideRenewal" -> Map.of("decision", value("END"), "notes", value("Program selesai"));
      case "UserTask_DraftWorkPlan" -> Map.of("notes", value("Rencana kerja tahun pertama"));
      case "UserTask_SubmitProgressReport" -> Map.of("notes", value("Capaian semester pertama"));
      case "UserTask_RecordSigning" -> Map.of(
          "documentNumber", value("DOK-" + taskKey.hashCode()),
          "signatories", value("Kepala Daerah, Perwakilan Mitra"),
          "signedOn", value(TODAY.toString()),
          "startDate", value(TODAY.toString()),
          "endDate", value(TODAY.plusMonths(24).toString()));
      default -> throw new AssertionError("No answer scripted for task " + taskKey);
    };
  }

  static Map<String, Object> decision(String code) {
    return Map.of("decision", value(code));
  }

  void assertClosed(String key, String viewerGroup) {
    JsonNode finished = check(get(userOf("supervisor"),
        "/engine-rest/history/process-instance?processDefinitionKey=cooperation-lifecycle&processInstanceBusinessKey=" + key),
        200).json();
    assertThat(finished).hasSize(1);
    assertThat(finished.get(0).get("state").asText()).isEqualTo("COMPLETED");

    JsonNode variable = check(get(userOf("supervisor"), "/engine-rest/history/variable-instance?variableName=agreementId"
        + "&processInstanceId=" + finished.get(0).get("id").asText()), 200).json();
    long agreementId = variable.get(0).get("value").asLong();
    JsonNode agreement = check(get(userOf(viewerGroup), "/api/agreements/" + agreementId), 200).json();
    assertThat(agreement.at("/agreement/registrationNumber").asText()).isEqualTo(key);
    assertThat(agreement.at("/agreement/phase").asText()).isEqualTo("CLOSED");
    assertThat(agreement.at("/agreement/status").asText()).isEqualTo("CLOSED");
    assertThat(agreement.get("statusLabel").asText()).isEqualTo("Ditutup");
    assertThat(agreement.get("timeline").findValuesAsText("actor")).allMatch(a -> a.startsWith("it-"));
    assertThat(agreement.get("timeline")).hasSizeGreaterThanOrEqualTo(9);
  }
}
