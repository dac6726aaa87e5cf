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
    assertThat(steps).containsExactlyElementsOf(concat(List.of(
        new Step("UserTask_ReviewByFasker", "fasker"),
        new Step("UserTask_ConsultKemlu", "ministry-kemlu"),
        new Step("UserTask_RecordDprdApproval", "province-35"),
        new Step("UserTask_DecideCentralApproval", "fasker"),
        new Step("UserTask_RecordSigning", "province-35"),
        // a province does not review its own plan; no partner ministry for a region's cooperation
        new Step("UserTask_DraftWorkPlan", "province-35"),
        new Step("UserTask_VerifyWorkPlan", "fasker")),
        // one report per remaining semester, the last being the annual report
        perSemester(new Step("UserTask_SubmitProgressReport", "province-35"),
            new Step("UserTask_ReviewProgressReport", "fasker")),
        List.of(new Step("UserTask_EvaluateCooperation", "fasker"),
            new Step("UserTask_DecideRenewal", "fasker"))));
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
    assertThat(steps.subList(8, steps.size())).containsExactlyElementsOf(concat(List.of(
        new Step("UserTask_DecidePrinciplePermit", "tpoa-kemlu"),
        new Step("UserTask_RecordSigning", "ministry-kemensos"),
        new Step("UserTask_DraftWorkPlan", "ministry-kemensos"),
        new Step("UserTask_ReviewWorkPlanProvince", "province-53"),
        new Step("UserTask_ReviewWorkPlanPartnerMinistry", "ministry-kemensos"),
        new Step("UserTask_VerifyWorkPlan", "fasker")),
        perSemester(new Step("UserTask_SubmitProgressReport", "ministry-kemensos"),
            new Step("UserTask_ReviewProgressReport", "fasker")),
        List.of(new Step("UserTask_EvaluateCooperation", "fasker"),
            new Step("UserTask_DecideRenewal", "ministry-kemensos"))));
    assertClosed(key, "ministry-kemensos");
  }

  @Test
  void domesticCooperationOfACityRunsToClosure() {
    String key = propose("regency-3578", "DALAM_NEGERI", "regency-3578", "35");
    List<Step> steps = walk(key);
    assertThat(steps).containsExactlyElementsOf(concat(List.of(
        new Step("UserTask_ReviewByProvince", "province-35"),
        new Step("UserTask_DecideCentralApproval", "fasker"),
        new Step("UserTask_RecordSigning", "regency-3578"),
        new Step("UserTask_DraftWorkPlan", "regency-3578"),
        new Step("UserTask_ReviewWorkPlanProvince", "province-35"),
        new Step("UserTask_VerifyWorkPlan", "fasker")),
        // a city's reports go through its province
        perSemester(new Step("UserTask_SubmitProgressReport", "regency-3578"),
            new Step("UserTask_VerifyProgressReport", "province-35"),
            new Step("UserTask_ReviewProgressReport", "fasker")),
        List.of(new Step("UserTask_EvaluateCooperation", "fasker"),
            new Step("UserTask_DecideRenewal", "fasker"))));
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
      case "UserTask_VerifyWorkPlan", "UserTask_ReviewWorkPlanProvince",
           "UserTask_ReviewWorkPlanPartnerMinistry" -> decision("APPROVED");
      case "UserTask_VerifyProgressReport" -> decision("VERIFIED");
      case "UserTask_ReviewProgressReport" -> decision("ACCEPTED");
      case "UserTask_EvaluateCooperation" -> decision("CONTINUE");
      case "UserTask_DecideRenewal" -> Map.of("decision", value("END"), "notes", value("Program selesai"));
      case "UserTask_DraftWorkPlan" -> Map.ofEntries(
          Map.entry("objectives", value("Meningkatkan kapasitas aparatur")),
          Map.entry("targets", value("100 aparatur terlatih")),
          Map.entry("activities", value("Pelatihan dan pendampingan")),
          Map.entry("budgetAmount", Map.of("value", 750000000, "type", "Long")),
          Map.entry("budgetCurrency", value("IDR")),
          // from today: every reporting period still ahead, so no report timer is already due
          Map.entry("planStart", value(TODAY.toString())),
          Map.entry("planEnd", value(TODAY.getYear() + "-12-31")),
          Map.entry("schedule", value("Sepanjang tahun anggaran")),
          Map.entry("reportFrequency", value("SEMESTER")),
          Map.entry("masterPlanReference", value("RIK-01/" + TODAY.getYear())),
          Map.entry("notes", value("Rencana kerja tahun pertama")));
      case "UserTask_SubmitProgressReport" -> Map.of(
          "achievements", value("Capaian sesuai target"),
          "obstacles", value("Tidak ada"),
          "challenges", value("Koordinasi"),
          "benefits", value("Pelayanan lebih cepat"),
          "budgetRealised", Map.of("value", 1250000.5, "type", "Double"),
          "budgetCurrency", value("IDR"),
          "notes", value("Capaian semester pertama"));
      case "UserTask_RecordSigning" -> Map.of(
          "documentNumber", value("DOK-" + taskKey.hashCode()),
          "signatories", value("Kepala Daerah, Perwakilan Mitra"),
          "signedOn", value(TODAY.toString()),
          "startDate", value(TODAY.toString()),
          "endDate", value(TODAY.plusMonths(24).toString()));
      default -> throw new AssertionError("No answer scripted for task " + taskKey);
    };
  }

  /**
   * The report steps of the current budget year: the plan runs from today, so
   * there is one report per semester not yet ended (the last is the annual report).
   */
  static List<Step> perSemester(Step... steps) {
    int semesters = TODAY.getMonthValue() <= 6 ? 2 : 1;
    List<Step> all = new ArrayList<>();
    for (int i = 0; i < semesters; i++) {
      all.addAll(List.of(steps));
    }
    return all;
  }

  @SafeVarargs
  static List<Step> concat(List<Step>... parts) {
    List<Step> all = new ArrayList<>();
    for (List<Step> part : parts) {
      all.addAll(part);
    }
    return all;
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

    // the registry keeps the approved work plan and every report of the year
    JsonNode plans = check(get(userOf(viewerGroup), "/api/agreements/" + agreementId + "/work-plans"), 200).json();
    assertThat(plans).hasSize(1);
    assertThat(plans.at("/0/plan/status").asText()).isEqualTo("APPROVED");
    assertThat(plans.at("/0/plan/content/reportFrequency").asText()).isEqualTo("SEMESTER");
    assertThat(plans.at("/0/plan/content/budgetAmount").decimalValue()).isEqualByComparingTo("750000000");
    JsonNode reports = check(get(userOf(viewerGroup), "/api/agreements/" + agreementId + "/reports"), 200).json();
    assertThat(reports.findValuesAsText("statusLabel")).isNotEmpty().allMatch("Diterima"::equals);
    assertThat(reports.get(reports.size() - 1).at("/report/annual").asBoolean()).isTrue();
  }
}
