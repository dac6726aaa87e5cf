package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kerjasama.approval.ApprovalWalk;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Walks an agreement's lifecycle over REST as the users of each role: every
 * open task is found in the list of a member of its candidate group, claimed
 * and submitted by that user. When no task is open, time passes: the earliest
 * timer job of the agreement's instances (renewal start, end date) is
 * executed as the administrator with {@code POST /engine-rest/job/{id}/execute}
 * (their due dates lie months ahead, so the job executor leaves them alone).
 */
abstract class LifecycleWalkingTest extends IntegrationTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
  static final String[] CRITERIA = {"ProcedureEthics", "TransparencyAccountability", "ParticipationInclusiveness",
      "Relevance", "GovernanceObjectives", "OutputOutcomeQuality", "Sustainability"};

  record Step(String task, String group) {
  }

  /** Submits the start form as the test user of {@code asGroup}; returns the business key. */
  String propose(String asGroup, String type, String proposer, String... provinces) {
    return propose(asGroup, type, proposer, Map.of(), provinces);
  }

  /** A proposal naming the registered foreign NGO {@code ngoGroup} as the party (null: none). */
  String proposeWith(String asGroup, String type, String proposer, String ngoGroup, String... provinces) {
    return propose(asGroup, type, proposer, ngoGroup == null ? Map.of() : Map.of("ngo", value(ngoGroup)), provinces);
  }

  /** As {@link #propose(String, String, String, String...)} with more start-form values (nature, urusan, partner, NGO). */
  String propose(String asGroup, String type, String proposer, Map<String, Object> more, String... provinces) {
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
    vars.putAll(more);
    JsonNode started = check(post(userOf(asGroup), "/engine-rest/process-definition/key/cooperation-lifecycle/submit-form",
        Map.of("variables", vars)), 200).json();
    String key = started.get("businessKey").asText();
    awaitFollowUps(key); // the central approval is called in a job of its own
    return key;
  }

  /** How a task is answered: from its key and the budget year of its cycle (null outside a cycle). */
  interface Answer extends BiFunction<String, Integer, Map<String, Object>> {
  }

  /**
   * Works every open task with {@code answer}, letting timers fire when none
   * is open, until the lifecycle ends.
   */
  List<Step> walk(String key, Answer answer) {
    return walkUntil(key, null, answer);
  }

  /** As {@link #walk}, but stops when the next open task is {@code stopAt} (left open). */
  List<Step> walkUntil(String key, String stopAt, Answer answer) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      awaitFollowUps(key);
      JsonNode tasks = check(get(userOf("fasker"),
          "/engine-rest/task?processInstanceBusinessKey=" + key + "&sortBy=created&sortOrder=asc"), 200).json();
      if (!tasks.isEmpty() && tasks.get(0).get("taskDefinitionKey").asText().equals(stopAt)) {
        return steps;
      }
      if (tasks.isEmpty()) {
        String timer = fireNextTimer(key);
        if (timer == null) {
          return steps;
        }
        steps.add(new Step(timer, ADMIN));
        continue;
      }
      JsonNode task = tasks.get(0);
      String taskId = task.get("id").asText();
      String taskKey = task.get("taskDefinitionKey").asText();
      JsonNode links = check(get(ADMIN, "/engine-rest/task/" + taskId + "/identity-links?type=candidate"), 200).json();
      List<String> groups = links.findValuesAsText("groupId");
      // a central task is offered to Fasker and the division of its route (fasker,${faskerGroup}): Fasker works it
      String group = groups.size() == 2 && groups.contains("fasker")
          && groups.stream().anyMatch(g -> g.startsWith("fasker-")) ? "fasker" : null;
      if (group == null) {
        assertThat(groups).as("candidate groups of " + taskKey).hasSize(1);
        group = groups.get(0);
      }
      String user = userOf(group);

      JsonNode visible = check(get(user, "/engine-rest/task?processInstanceBusinessKey=" + key), 200).json();
      assertThat(visible.findValuesAsText("id")).as(user + " sees " + taskKey).contains(taskId);
      Response year = get(ADMIN, "/engine-rest/task/" + taskId + "/variables/cycleYear");
      Integer cycleYear = year.status() == 200 ? year.json().get("value").asInt() : null;
      check(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)), 204);
      uploadDocumentOf(taskKey, taskId, user);
      check(post(user, "/engine-rest/task/" + taskId + "/submit-form",
          Map.of("variables", answer.apply(taskKey, cycleYear))), 204);
      steps.add(new Step(taskKey, group));
    }
    throw new AssertionError("The lifecycle of " + key + " did not end in 100 steps: " + steps);
  }

  /** The document each signing task requires before it can be completed, by task key. */
  static final Map<String, String> DOCUMENT_OF_TASK = Map.ofEntries(
      Map.entry("UserTask_DraftMsp", "MSP_DRAFT"),
      Map.entry("UserTask_RecordMspSigning", "MSP"),
      Map.entry("UserTask_RecordLoiSigning", "LOI"),
      Map.entry("UserTask_RaiseLoiToMou", "MOU"),
      Map.entry("UserTask_RecordMouSigning", "MOU"),
      Map.entry("UserTask_RecordNkSigning", "NK"),
      Map.entry("UserTask_RecordPksSigning", "PKS"),
      // the GR 28/2018 routes: documents uploaded inside the step that needs them
      Map.entry("UserTask_RecordLoi", "LOI"),
      Map.entry("UserTask_DraftCooperationPlan", "COOPERATION_PLAN"),
      Map.entry("UserTask_SendOffer", "OFFER_LETTER"),
      Map.entry("UserTask_DraftKb", "KB_DRAFT"),
      Map.entry("UserTask_DraftPks", "PKS_DRAFT"),
      Map.entry("UserTask_RecordKbSigning", "KB"),
      Map.entry("UserTask_DraftMou", "MOU_DRAFT"),
      Map.entry("UserTask_RecordFullPower", "FULL_POWER"),
      Map.entry("UserTask_DraftNotaKesepakatan", "NKSP_DRAFT"),
      Map.entry("UserTask_RecordNotaKesepakatanSigning", "NOTA_KESEPAKATAN"));

  /** A signing task's user uploads its signed document through the registry API first (as from the form's link). */
  void uploadDocumentOf(String taskKey, String taskId, String user) {
    String kind = DOCUMENT_OF_TASK.get(taskKey);
    if (kind == null) {
      return;
    }
    long agreementId = check(get(user, "/engine-rest/task/" + taskId + "/variables/agreementId"), 200).json()
        .get("value").asLong();
    byte[] pdf = ("%PDF-1.4\n% " + kind + " ditandatangani, tugas " + taskId + "\n%%EOF\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    check(upload(user, "/api/agreements/" + agreementId + "/documents?kind=" + kind, kind.toLowerCase() + ".pdf", pdf),
        201);
  }

  /** Executes the earliest timer job of the agreement's running instances; its activity id, or null if none. */
  String fireNextTimer(String key) {
    JsonNode instances = check(get(ADMIN, "/engine-rest/process-instance?businessKey=" + key), 200).json();
    List<JsonNode> timers = new ArrayList<>();
    for (JsonNode instance : instances) {
      check(get(ADMIN, "/engine-rest/job?timers=true&processInstanceId=" + instance.get("id").asText()), 200).json()
          .forEach(timers::add);
    }
    if (timers.isEmpty()) {
      return null;
    }
    JsonNode next = timers.stream().min(Comparator.comparing(j -> j.get("dueDate").asText())).orElseThrow();
    check(post(ADMIN, "/engine-rest/job/" + next.get("id").asText() + "/execute", null), 204);
    JsonNode definition = check(get(ADMIN, "/engine-rest/job-definition/" + next.get("jobDefinitionId").asText()),
        200).json();
    return "timer:" + definition.get("activityId").asText();
  }

  /** The usual answer of each task; renewal not extended. */
  static Map<String, Object> answer(String taskKey, Integer cycleYear) {
    if (ApprovalWalk.TASKS.contains(taskKey)) {
      // central approval along its route, as the process tests approve it
      return ApprovalWalk.approving(taskKey).entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() instanceof Number n
              ? Map.of("value", n.longValue(), "type", "Long") : value(e.getValue().toString())));
    }
    return switch (taskKey) {
      case "UserTask_VerifyWorkPlan", "UserTask_ReviewWorkPlanProvince",
           "UserTask_ReviewWorkPlanPartnerMinistry" -> decision("APPROVED");
      case "UserTask_VerifyProgressReport" -> decision("VERIFIED");
      case "UserTask_ReviewProgressReport" -> decision("ACCEPTED");
      case "UserTask_SelfEvaluate" -> selfEvaluation(4);
      case "UserTask_EvaluateCooperation" -> scores(4);
      case "UserTask_GiveTpoaInput" -> decision("SUPPORT");
      case "UserTask_DecideRenewal" -> Map.of("decision", value("END"), "notes", value("Program selesai"));
      case "UserTask_DraftWorkPlan" -> workPlan(cycleYear);
      case "UserTask_SubmitProgressReport" -> Map.of(
          "achievements", value("Capaian sesuai target"),
          "obstacles", value("Tidak ada"),
          "challenges", value("Koordinasi"),
          "benefits", value("Pelayanan lebih cepat"),
          "budgetRealised", Map.of("value", 1250000.5, "type", "Double"),
          "budgetCurrency", value("IDR"),
          "notes", value("Capaian periode pelaporan"));
      case "UserTask_SubmitFinalReport" -> Map.of("finalReport", value("Laporan akhir: semua kegiatan selesai."));
      case "UserTask_DraftMsp" -> Map.of("notes", value("Rancangan MSP bersama ormas asing"));
      case "UserTask_ReviewMspDraft" -> decision("APPROVED");
      case "UserTask_ConfirmPksPartner", "UserTask_ConfirmNotaKesepakatanPartner" -> decision("CONFIRMED");
      case "UserTask_RecordFullPower" -> Map.of("documentNumber", value("FP-" + taskKey.hashCode()),
          "signatories", value("Menteri Luar Negeri kepada kepala daerah"), "signedOn", value(TODAY.toString()));
      case "UserTask_RecordMspSigning", "UserTask_RecordLoiSigning", "UserTask_RaiseLoiToMou",
           "UserTask_RecordMouSigning", "UserTask_RecordNkSigning", "UserTask_RecordPksSigning",
           "UserTask_RecordNotaKesepakatanSigning" ->
          signing("DOK-" + taskKey.hashCode(), TODAY, TODAY.plusMonths(24));
      default -> throw new AssertionError("No answer scripted for task " + taskKey);
    };
  }

  /**
   * The work plan of a budget year: this year's from today (every reporting
   * period still ahead, so no report timer is already due), later years' for
   * the whole year.
   */
  static Map<String, Object> workPlan(int year) {
    LocalDate start = year == TODAY.getYear() ? TODAY : LocalDate.of(year, 1, 1);
    return Map.ofEntries(
        Map.entry("objectives", value("Meningkatkan kapasitas aparatur")),
        Map.entry("targets", value("100 aparatur terlatih")),
        Map.entry("activities", value("Pelatihan dan pendampingan")),
        Map.entry("budgetAmount", Map.of("value", 750000000, "type", "Long")),
        Map.entry("budgetCurrency", value("IDR")),
        Map.entry("planStart", value(start.toString())),
        Map.entry("planEnd", value(year + "-12-31")),
        Map.entry("schedule", value("Sepanjang tahun anggaran")),
        Map.entry("reportFrequency", value("SEMESTER")),
        Map.entry("masterPlanReference", value("RIK-01/" + year)),
        Map.entry("notes", value("Rencana kerja tahun " + year)));
  }

  static Map<String, Object> signing(String number, LocalDate start, LocalDate end) {
    return Map.of(
        "documentNumber", value(number),
        "signatories", value("Kepala Daerah, Perwakilan Mitra"),
        "signedOn", value(TODAY.toString()),
        "startDate", value(start.toString()),
        "endDate", value(end.toString()));
  }

  static Map<String, Object> scores(int score) {
    Map<String, Object> v = new HashMap<>();
    for (String c : CRITERIA) {
      v.put("score" + c, value(String.valueOf(score)));
      v.put("justification" + c, value("Alasan penilaian " + c));
    }
    return v;
  }

  static Map<String, Object> selfEvaluation(int score) {
    Map<String, Object> v = scores(score);
    v.put("indicators", json("[{\"name\": \"Sekolah mitra\", \"unit\": \"sekolah\", \"target\": 20, \"achieved\": 18}]"));
    v.put("successStories", json("[{\"title\": \"Guru penggerak\", \"story\": \"Guru terlatih melatih rekan di "
        + "sekolah sekitarnya; pola ini dapat direplikasi di kabupaten lain.\"}]"));
    return v;
  }

  static Map<String, Object> decision(String code) {
    return Map.of("decision", value(code));
  }

  /**
   * How one cooperation's budget year goes: the work plan's steps, one
   * report's steps (per semester), then the two evaluations.
   */
  record Cycle(String implementer, List<Step> workPlan, List<Step> report) {

    /** The steps of the budget years {@code first..last}. */
    List<Step> years(int first, int last) {
      List<Step> steps = new ArrayList<>();
      for (int year = first; year <= last; year++) {
        steps.addAll(workPlan);
        // this year's plan runs from today: only the semesters still ahead are reported
        int semesters = year == TODAY.getYear() && TODAY.getMonthValue() > 6 ? 1 : 2;
        for (int i = 0; i < semesters; i++) {
          steps.addAll(report);
        }
        steps.add(new Step("UserTask_SelfEvaluate", implementer));
        steps.add(new Step("UserTask_EvaluateCooperation", "fasker"));
      }
      return steps;
    }
  }

  long agreementId(String key) {
    JsonNode instance = check(get(userOf("supervisor"),
        "/engine-rest/history/process-instance?processDefinitionKey=cooperation-lifecycle&processInstanceBusinessKey="
            + key), 200).json();
    JsonNode variable = check(get(userOf("supervisor"), "/engine-rest/history/variable-instance?variableName=agreementId"
        + "&processInstanceId=" + instance.get(0).get("id").asText()), 200).json();
    return variable.get(0).get("value").asLong();
  }
}
