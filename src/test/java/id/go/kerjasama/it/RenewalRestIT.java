package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kerjasama.platform.forms.IndonesianFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Renewal and termination over REST on PostgreSQL: a cooperation over two
 * terms (extended once, then not extended), and termination messages sent
 * with {@code POST /engine-rest/message} by the roles allowed to and refused
 * to everybody else. Timers are executed by the administrator
 * ({@code POST /engine-rest/job/{id}/execute}, LifecycleWalkingTest).
 */
class RenewalRestIT extends LifecycleWalkingTest {

  @Test
  void aCooperationRunsTwoTermsExtendedOnceThenNotExtended() {
    String key = propose("province-36", "LUAR_NEGERI", "province-36", "36");
    LocalDate end1 = TODAY.plusMonths(24);
    LocalDate end2 = end1.plusMonths(12);
    int[] renewals = {0};
    List<Step> steps = walk(key, (task, year) -> switch (task) {
      case "UserTask_DecideRenewal" -> renewals[0]++ == 0
          ? Map.of("decision", value("EXTEND"))
          : Map.of("decision", value("END"), "notes", value("Dua masa berlaku cukup"));
      case "UserTask_RecordLoiSigning" -> signing("LOI-1/" + key, TODAY, end1);
      case "UserTask_RaiseLoiToMou" -> signing("MOU-1/" + key, TODAY, end1);
      case "UserTask_RecordMouSigning" -> signing("MOU-2/" + key, end1, end2);
      case "UserTask_EvaluateCooperation" -> scores(3);
      default -> answer(task, year);
    });

    int years1 = end1.getYear() - TODAY.getYear() + 1;
    int years2 = end2.getYear() - end1.getYear();
    Cycle cycle = new Cycle("province-36", List.of(new Step("UserTask_DraftWorkPlan", "province-36"),
        new Step("UserTask_VerifyWorkPlan", "fasker")),
        List.of(new Step("UserTask_SubmitProgressReport", "province-36"),
            new Step("UserTask_ReviewProgressReport", "fasker")));
    List<Step> expected = new ArrayList<>();
    expected.add(new Step("UserTask_RecordDprdApproval", "province-36"));
    expected.add(new Step("UserTask_ConsultKemlu", "ministry-kemlu"));
    expected.add(new Step("UserTask_ReviewByFasker", "fasker"));
    expected.add(new Step("UserTask_DecideCentralApproval", "fasker"));
    expected.add(new Step("UserTask_RecordLoiSigning", "province-36"));
    expected.add(new Step("UserTask_RaiseLoiToMou", "province-36"));
    expected.addAll(cycle.years(TODAY.getYear(), end1.getYear()));
    expected.add(new Step("timer:TimerEvent_RenewalDue", ADMIN));
    expected.add(new Step("UserTask_DecideRenewal", "fasker"));
    // the extension renews the MoU directly
    expected.add(new Step("UserTask_RecordMouSigning", "province-36"));
    expected.addAll(cycle.years(end1.getYear() + 1, end2.getYear()));
    expected.add(new Step("timer:TimerEvent_RenewalDue", ADMIN));
    expected.add(new Step("UserTask_DecideRenewal", "fasker"));
    expected.add(new Step("timer:TimerEvent_AgreementEnds", ADMIN));
    expected.add(new Step("UserTask_SubmitFinalReport", "province-36"));
    assertThat(steps).containsExactlyElementsOf(expected);

    JsonNode agreement = check(get(userOf("province-36"), "/api/agreements/" + agreementId(key)), 200).json();
    assertThat(agreement.at("/agreement/term").asInt()).isEqualTo(2);
    assertThat(agreement.at("/agreement/documentNumber").asText()).isEqualTo("MOU-2/" + key);
    assertThat(agreement.at("/agreement/status").asText()).isEqualTo("CLOSED");
    assertThat(agreement.at("/agreement/statusReason").asText()).contains(IndonesianFormat.date(end2));
    JsonNode evaluations = agreement.get("evaluations");
    assertThat(evaluations).hasSize(years1 + years2);
    List<String> terms = new ArrayList<>();
    evaluations.forEach(e -> terms.add(e.get("term").asText() + "/" + e.get("kind").asText()));
    assertThat(terms.get(years1 - 1)).isEqualTo("1/END_OF_TERM");
    assertThat(terms.get(terms.size() - 1)).isEqualTo("2/END_OF_TERM");
    assertThat(evaluations.get(0).get("rating").asText()).isEqualTo("BAIK");
    assertThat(evaluations.get(0).get("criteria")).hasSize(7);
    assertThat(evaluations.get(0).get("criteria").get(0).get("selfScore").asInt()).isEqualTo(4);
    assertThat(evaluations.get(0).get("criteria").get(0).get("score").asInt()).isEqualTo(3);
    assertThat(evaluations.get(0).at("/successStories/0/title").asText()).isEqualTo("Guru penggerak");
    assertThat(agreement.get("timeline").findValuesAsText("outcome")).contains("EXTEND", "END", "ARCHIVED");
    assertThat(agreement.at("/details/terms")).hasSize(2);
    assertThat(agreement.at("/details/terms/1/endDate").asText()).isEqualTo(end2.toString());
    assertThat(agreement.at("/details/closeOut/finalReport").asText()).startsWith("Laporan akhir");
    assertThat(agreement.at("/details/closeOut/documentsArchivedAt").isMissingNode()).isFalse();
  }

  @Test
  void faskerTerminatesAnyCooperationByMessageAndAProvinceCannot() {
    String key = propose("province-34", "LUAR_NEGERI", "province-34", "34");
    String other = propose("province-31", "LUAR_NEGERI", "province-31", "31");

    // a province terminates neither its own nor another province's agreement
    assertThat(post(userOf("province-34"), "/engine-rest/message", termination("Message_EarlyTermination", key))
        .status()).isEqualTo(403);
    assertThat(post(userOf("province-34"), "/engine-rest/message", termination("Message_EarlyTermination", other))
        .status()).isEqualTo(403);
    // the TPOA coordinator only foreign-NGO agreements
    assertThat(post(userOf("tpoa-kemlu"), "/engine-rest/message", termination("Message_PermitRevoked", key))
        .status()).isEqualTo(403);

    check(post(userOf("fasker"), "/engine-rest/message", termination("Message_EarlyTermination", key)), 204);
    awaitFollowUps(key); // the close-out is called in a job
    JsonNode agreement = check(get(userOf("province-34"), "/api/agreements/" + agreementId(key)), 200).json();
    assertThat(agreement.at("/agreement/status").asText()).isEqualTo("TERMINATED");
    assertThat(agreement.at("/agreement/phase").asText()).isEqualTo("CLOSED");
    assertThat(agreement.at("/agreement/statusReason").asText())
        .isEqualTo("Diakhiri sebelum tanggal berakhir: Surat pengakhiran nomor 12/2026");
    assertThat(agreement.get("timeline").findValuesAsText("actor")).contains("it-fasker");
    // once closed, nothing is left to terminate
    assertThat(post(userOf("fasker"), "/engine-rest/message", termination("Message_EarlyTermination", key))
        .status()).isEqualTo(400);
    assertThat(check(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + other), 200).json()).hasSize(1);
  }

  @Test
  void theTpoaCoordinatorRevokesAForeignNgoPermitDuringImplementation() {
    String key = propose("ministry-kemenkes", "ORMAS_ASING", "ministry-kemenkes", "52");
    List<Step> steps = walkUntil(key, "UserTask_ReviewWorkPlanProvince", LifecycleWalkingTest::answer);
    assertThat(steps.subList(steps.size() - 5, steps.size())).containsExactly(
        new Step("UserTask_DecidePrinciplePermit", "tpoa-kemlu"),
        new Step("UserTask_DraftMsp", "ministry-kemenkes"),
        new Step("UserTask_ReviewMspDraft", "ministry-kemenkes"),
        new Step("UserTask_RecordMspSigning", "ministry-kemenkes"),
        new Step("UserTask_DraftWorkPlan", "ministry-kemenkes"));

    check(post(userOf("tpoa-kemlu"), "/engine-rest/message", termination("Message_PermitRevoked", key)), 204);
    awaitFollowUps(key); // the close-out is called in a job
    JsonNode open = check(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + key), 200).json();
    assertThat(open.findValuesAsText("taskDefinitionKey")).containsExactly("UserTask_SubmitFinalReport");
    List<Step> rest = walk(key, LifecycleWalkingTest::answer);
    assertThat(rest).containsExactly(new Step("UserTask_SubmitFinalReport", "ministry-kemenkes"));
    JsonNode agreement = check(get(userOf("ministry-kemenkes"), "/api/agreements/" + agreementId(key)), 200).json();
    assertThat(agreement.at("/agreement/status").asText()).isEqualTo("TERMINATED");
    assertThat(agreement.at("/agreement/statusReason").asText()).startsWith("Izin dicabut: ");
  }

  static Map<String, Object> termination(String message, String key) {
    Map<String, Object> body = new HashMap<>();
    body.put("messageName", message);
    body.put("businessKey", key);
    body.put("processVariables", Map.of("terminationReason",
        Map.of("value", "Surat pengakhiran nomor 12/2026", "type", "String")));
    return body;
  }
}
