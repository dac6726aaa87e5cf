package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A foreign NGO over REST on PostgreSQL, as its own user: registered by
 * Fasker, it applies for its principle permit (file check by the TPOA
 * coordinator, the seats in parallel, the Foreign Minister's decision), then
 * Kemensos proposes a cooperation with it in Lampung (18) that reuses the
 * permit, signs the MSP (the operational permit); the NGO drafts the RKT
 * for Lampung, which the province first rejects and then co-signs, the Mitra
 * Utama and Fasker follow, and the NGO files its first annual report with its
 * financial report. Another NGO's user and a province where it does not work
 * (65) see none of it; the NGO may change nothing it should not.
 */
class NgoRestIT extends LifecycleWalkingTest {

  static final List<String> SEATS = List.of("tpoa-kemlu", "tpoa-kemhan", "tpoa-kemendagri", "tpoa-kemenkeu",
      "tpoa-kemensetneg", "tpoa-polri", "tpoa-teknis");

  JsonNode tasksOf(String instanceId, String taskKey) {
    return check(get(ADMIN, "/engine-rest/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + taskKey),
        200).json();
  }

  /** The candidate group's user finds the task in its list, claims and submits it. */
  void work(JsonNode task, Map<String, Object> variables) {
    String taskId = task.get("id").asText();
    String group = check(get(ADMIN, "/engine-rest/task/" + taskId + "/identity-links?type=candidate"), 200).json()
        .get(0).get("groupId").asText();
    String user = userOf(group);
    assertThat(check(get(user, "/engine-rest/task?processInstanceId=" + task.get("processInstanceId").asText()),
        200).json().findValuesAsText("id")).contains(taskId);
    check(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)), 204);
    check(post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables)), 204);
    awaitFollowUpsOfInstance(task.get("processInstanceId").asText());
  }

  @Test
  void anNgoAppliesGetsItsPermitAndItsCooperationReusesItWhileOthersSeeNothing() {
    String code = "rest-" + System.nanoTime() % 1_000_000_000;
    String group = "ngo-" + code;
    long ngoId = registerNgo(code, "Fondation Uji REST");
    String otherGroup = "ngo-" + code + "-lain";
    long otherId = registerNgo(code + "-lain", "Uji REST Lain");
    String ngoUser = userOf(group);
    String otherUser = userOf(otherGroup);

    // the group is of type NGO; a province may not register NGOs
    assertThat(check(get(ADMIN, "/engine-rest/group/" + group), 200).json().get("type").asText()).isEqualTo("NGO");
    assertThat(post(userOf("province-18"), "/api/ngos", Map.of("code", "x")).status()).isEqualTo(403);
    // bad input: every problem, in Bahasa Indonesia
    Response bad = post(userOf("fasker"), "/api/ngos", Map.of("code", code, "name", "Dup"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("problems").toString()).contains("Negara asal wajib diisi");

    // the NGO applies for its principle permit itself
    JsonNode started = check(post(ngoUser, "/engine-rest/process-definition/key/ngo-permit/submit-form",
        Map.of("variables", Map.of("ngo", value(group), "request", value("NEW"),
            "notes", value("Maternal health programme in Lampung")))), 200).json();
    String permitInstance = started.get("id").asText();
    // but not in another NGO's name, and not with a variable its form does not declare
    assertThat(post(otherUser, "/engine-rest/process-definition/key/ngo-permit/submit-form",
        Map.of("variables", Map.of("ngo", value(group), "request", value("NEW")))).status()).isEqualTo(400);
    assertThat(post(ngoUser, "/engine-rest/process-definition/key/ngo-permit/submit-form",
        Map.of("variables", Map.of("ngo", value(group), "request", value("NEW"), "ngoId", Map.of("value", otherId,
            "type", "Long")))).status()).isIn(400, 403);

    work(tasksOf(permitInstance, "UserTask_CheckNgoFile").get(0), Map.of("decision", value("COMPLETE")));
    JsonNode seats = tasksOf(permitInstance, "UserTask_RecommendNgoPermit");
    assertThat(seats).hasSize(SEATS.size());
    for (JsonNode seat : seats) {
      work(seat, Map.of("decision", value("NO_OBJECTION")));
    }
    work(tasksOf(permitInstance, "UserTask_DecideNgoPermit").get(0), Map.of("decision", value("GRANTED"),
        "validUntil", value(TODAY.plusYears(3).toString())));

    JsonNode ngo = check(get(ngoUser, "/api/ngos/" + ngoId), 200).json();
    assertThat(ngo.get("ngo").get("status").asText()).isEqualTo("LICENSED");
    assertThat(ngo.get("permits").get(0).get("kind").asText()).isEqualTo("PRINCIPLE");
    assertThat(ngo.get("permits").get(0).get("validUntil").asText()).isEqualTo(TODAY.plusYears(3).toString());

    // Kemensos proposes a cooperation with the licensed NGO in Lampung: no new TPOA round, then the MSP
    String key = proposeWith("ministry-kemensos", "ORMAS_ASING", "ministry-kemensos", group, "18");
    // the Mitra Utama grants the operational permit the MSP signing requested (ngo-operational-permit), whether
    // the walk meets its task before the first RKT or it is still open afterwards
    List<Step> steps = walkUntil(key, "UserTask_DraftRegionalRkt", (task, year) ->
        task.equals("UserTask_DecideOperationalPermit") ? decision("GRANTED") : answer(task, year));
    JsonNode permitTask = check(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + key
        + "&taskDefinitionKey=UserTask_DecideOperationalPermit"), 200).json();
    if (!permitTask.isEmpty()) {
      work(permitTask.get(0), decision("GRANTED"));
    }
    assertThat(steps).extracting(Step::task).filteredOn(t -> !t.equals("UserTask_DecideOperationalPermit"))
        .containsExactly("UserTask_CheckFileComplete", "UserTask_DraftMsp", "UserTask_ReviewMspDraft",
            "UserTask_RecordMspSigning");

    ngo = check(get(ngoUser, "/api/ngos/" + ngoId), 200).json();
    assertThat(ngo.get("permits").findValuesAsText("kind")).containsExactly("PRINCIPLE", "OPERATIONAL");
    assertThat(ngo.get("permits").findValuesAsText("state")).containsExactly("ACTIVE", "ACTIVE");
    assertThat(ngo.get("permits").get(1).get("validUntil").asText()).isEqualTo(TODAY.plusMonths(24).toString());
    assertThat(ngo.get("cooperations").findValuesAsText("registrationNumber")).containsExactly(key);
    long agreementId = ngo.get("cooperations").get(0).get("id").asLong();

    // the NGO's user reads its cooperation and finds it by NGO
    assertThat(check(get(ngoUser, "/api/agreements/" + agreementId), 200).json().get("agreement").get("ngoGroup")
        .asText()).isEqualTo(group);
    assertThat(check(get(ngoUser, "/api/agreements?ngo=" + group), 200).json().get("items")
        .findValuesAsText("registrationNumber")).containsExactly(key);
    assertThat(check(get(ngoUser, "/engine-rest/process-instance?businessKey=" + key), 200).json()).isNotEmpty();
    // but may not end it
    assertThat(post(ngoUser, "/engine-rest/message", RenewalRestIT.termination("Message_EarlyTermination", key))
        .status()).isIn(403, 404);

    // another NGO's user and a province where the NGO does not work see nothing
    for (String outsider : List.of(otherUser, userOf("province-65"))) {
      assertThat(get(outsider, "/api/ngos/" + ngoId).status()).as(outsider).isEqualTo(404);
      assertThat(get(outsider, "/api/ngos").status()).as(outsider).isEqualTo(403);
      assertThat(get(outsider, "/api/agreements/" + agreementId).status()).as(outsider).isEqualTo(403);
      assertThat(check(get(outsider, "/api/agreements?ngo=" + group), 200).json().get("totalItems").asLong())
          .as(outsider).isZero();
      assertThat(check(get(outsider, "/engine-rest/process-instance?businessKey=" + key), 200).json())
          .as(outsider).isEmpty();
      assertThat(check(get(outsider, "/engine-rest/history/process-instance?processInstanceId=" + permitInstance),
          200).json()).as(outsider).isEmpty();
      assertThat(check(get(outsider, "/engine-rest/task?processInstanceBusinessKey=" + key), 200).json())
          .as(outsider).isEmpty();
    }
    // the location province (18) follows the cooperation, not the NGO's register entry
    assertThat(get(userOf("province-18"), "/api/agreements/" + agreementId).status()).isEqualTo(200);
    assertThat(get(userOf("province-18"), "/api/ngos/" + ngoId).status()).isEqualTo(404);

    // the NGO drafts the RKT for its location region; Lampung rejects it once, then co-signs it
    JsonNode draft = taskOf(key, "UserTask_DraftRegionalRkt");
    assertThat(candidateGroup(draft)).isEqualTo(group);
    int year = check(get(ngoUser, "/engine-rest/task/" + draft.get("id").asText() + "/variables/cycleYear"), 200)
        .json().get("value").asInt();
    work(draft, workPlan(year));
    JsonNode regionReview = taskOf(key, "UserTask_ReviewRegionalRkt");
    assertThat(candidateGroup(regionReview)).isEqualTo("province-18");
    // the NGO cannot decide for the region
    assertThat(post(ngoUser, "/engine-rest/task/" + regionReview.get("id").asText() + "/claim",
        Map.of("userId", ngoUser)).status()).isIn(403, 404);
    work(regionReview, Map.of("decision", value("REJECTED"), "notes", value("Lokasi kecamatan belum dirinci")));
    JsonNode redraft = taskOf(key, "UserTask_DraftRegionalRkt");
    assertThat(check(get(ngoUser, "/engine-rest/task/" + redraft.get("id").asText() + "/variables/returnNotes"), 200)
        .json().get("value").asText()).contains("Lokasi kecamatan belum dirinci");
    work(redraft, workPlan(year));
    work(taskOf(key, "UserTask_ReviewRegionalRkt"), decision("APPROVED"));
    work(taskOf(key, "UserTask_ReviewWorkPlanPartnerMinistry"), decision("APPROVED"));
    work(taskOf(key, "UserTask_VerifyWorkPlan"), decision("APPROVED"));
    JsonNode plans = check(get(userOf("ministry-kemensos"), "/api/agreements/" + agreementId + "/work-plans"), 200)
        .json();
    assertThat(plans.findValuesAsText("regionGroup")).containsExactly("province-18", "province-18");
    assertThat(plans.findValuesAsText("status")).containsExactly("RETURNED", "APPROVED");
    assertThat(plans.findValuesAsText("submittedBy")).containsOnly(ngoUser);

    // the NGO files its reports; the last of the year is the annual report, with the financial report
    JsonNode report = taskOf(key, "UserTask_SubmitProgressReport");
    assertThat(candidateGroup(report)).isEqualTo(group);
    while (report != null) {
      String taskId = report.get("id").asText();
      boolean annual = check(get(ngoUser, "/engine-rest/task/" + taskId + "/variables/financialReportRequired"), 200)
          .json().get("value").asBoolean();
      Map<String, Object> filed = new HashMap<>(answer("UserTask_SubmitProgressReport", year));
      if (annual) {
        Response missing = submitAs(ngoUser, report, filed);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("Laporan keuangan (sumber, jumlah dan penggunaan dana) wajib diisi");
        filed.put("financialReport", value("Grant of the Swiss foundation CHF 80,000: training 60%, staff 40%"));
        check(post(ngoUser, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", filed)), 204);
      } else {
        work(report, filed);
      }
      work(taskOf(key, "UserTask_ReviewProgressReport"), decision("ACCEPTED"));
      report = openTaskOf(key, "UserTask_SubmitProgressReport");
    }
    JsonNode reports = check(get(userOf("province-18"), "/api/agreements/" + agreementId + "/reports"), 200).json();
    JsonNode annualReport = reports.get(reports.size() - 1).get("report");
    assertThat(annualReport.get("annual").asBoolean()).isTrue();
    assertThat(annualReport.get("reportingUnit").asText()).isEqualTo(group);
    assertThat(annualReport.get("submittedBy").asText()).isEqualTo(ngoUser);
    assertThat(annualReport.get("content").get("financialReport").asText()).startsWith("Grant of the Swiss");
    walkUntil(key, "UserTask_SelfEvaluate", LifecycleWalkingTest::answer);
    assertThat(candidateGroup(taskOf(key, "UserTask_SelfEvaluate"))).isEqualTo("ministry-kemensos");

    // still nothing of it for another NGO or another province
    for (String outsider : List.of(otherUser, userOf("province-65"))) {
      assertThat(get(outsider, "/api/agreements/" + agreementId + "/reports").status()).as(outsider).isEqualTo(403);
      assertThat(get(outsider, "/api/agreements/" + agreementId + "/work-plans").status()).as(outsider)
          .isEqualTo(403);
      assertThat(check(get(outsider, "/engine-rest/history/task?processInstanceBusinessKey=" + key), 200).json())
          .as(outsider).isEmpty();
    }
  }

  @Test
  void anNgoDeclaresItsFundingAndWorkLocationsWhichOnlyItsReadersSee() {
    String code = "empat-" + System.nanoTime() % 1_000_000_000;
    long ngoId = registerNgo(code, "Yayasan Empat Dana");
    long otherId = registerNgo(code + "-lain", "Yayasan Empat Lain");
    String ngoUser = userOf("ngo-" + code);

    Map<String, Object> funding = new HashMap<>(Map.of("source", "Swiss Agency for Development", "country", "Swiss",
        "amount", "1.250.000", "currency", "chf", "budgetYear", 2026));
    JsonNode stored = check(post(ngoUser, "/api/ngos/" + ngoId + "/funding", funding), 201).json();
    assertThat(stored.get("amount").decimalValue()).isEqualByComparingTo("1250000");
    assertThat(stored.get("currency").asText()).isEqualTo("CHF");
    Response bad = post(ngoUser, "/api/ngos/" + ngoId + "/funding", Map.of("source", "X", "amount", "0,5",
        "currency", "XYZ", "budgetYear", 1990));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("problems").toString()).contains("Sumber dana", "Negara asal dana wajib diisi",
        "Mata uang: kode mata uang 'XYZ' tidak dikenal", "Tahun anggaran harus bilangan bulat 2000 sampai 2100",
        "Jumlah dana ditulis dalam satuan utuh");

    check(post(ngoUser, "/api/ngos/" + ngoId + "/locations", Map.of("province", "18", "regency", "1871",
        "address", "Jl. Wolter Monginsidi No. 3, Bandar Lampung")), 201);
    Response outside = post(ngoUser, "/api/ngos/" + ngoId + "/locations", Map.of("province", "18",
        "regency", "3273", "address", "Jl. Asia Afrika No. 1"));
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.json().get("problems").toString()).contains("Kota Bandung tidak berada di provinsi lokasi");
    assertThat(post(ngoUser, "/api/ngos/" + otherId + "/locations", Map.of("province", "18", "address",
        "Jl. Lain No. 1")).status()).isEqualTo(404);
    assertThat(post(userOf("fasker"), "/api/ngos/" + ngoId + "/funding", funding).status()).isEqualTo(403);

    for (String reader : List.of(ngoUser, userOf("fasker"), userOf("tpoa-kemlu"))) {
      assertThat(check(get(reader, "/api/ngos/" + ngoId + "/funding"), 200).json().findValuesAsText("source"))
          .as(reader).containsExactly("Swiss Agency for Development");
      assertThat(check(get(reader, "/api/ngos/" + ngoId + "/locations"), 200).json()
          .findValuesAsText("regencyGroup")).as(reader).containsExactly("regency-1871");
    }
    JsonNode view = check(get(ngoUser, "/api/ngos/" + ngoId), 200).json();
    assertThat(view.get("funding")).hasSize(1);
    assertThat(view.get("locations").get(0).get("provinceGroup").asText()).isEqualTo("province-18");
    assertThat(view.get("timeline").findValuesAsText("activity")).contains("Funding_Declared", "Location_Declared");
    for (String outsider : List.of(userOf("ngo-" + code + "-lain"), userOf("province-18"))) {
      assertThat(get(outsider, "/api/ngos/" + ngoId + "/funding").status()).as(outsider).isEqualTo(404);
      assertThat(get(outsider, "/api/ngos/" + ngoId + "/locations").status()).as(outsider).isEqualTo(404);
    }
  }

  JsonNode taskOf(String key, String taskKey) {
    JsonNode task = openTaskOf(key, taskKey);
    assertThat(task).as("open task " + taskKey).isNotNull();
    return task;
  }

  JsonNode openTaskOf(String key, String taskKey) {
    awaitFollowUps(key);
    JsonNode tasks = check(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + key + "&taskDefinitionKey="
        + taskKey), 200).json();
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  String candidateGroup(JsonNode task) {
    return check(get(ADMIN, "/engine-rest/task/" + task.get("id").asText() + "/identity-links?type=candidate"), 200)
        .json().get(0).get("groupId").asText();
  }

  /** Claims and submits as {@code user}; the answer as it came. */
  Response submitAs(String user, JsonNode task, Map<String, Object> variables) {
    String taskId = task.get("id").asText();
    check(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)), 204);
    return post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
  }
}
