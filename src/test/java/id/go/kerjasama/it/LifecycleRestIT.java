package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cooperation of each type walked from proposal to closure on PostgreSQL,
 * through the engine's REST API as the users of the right roles: each task
 * is found in the list of a member of its candidate group, claimed and
 * submitted by that user; timers are executed by the administrator
 * (LifecycleWalkingTest). The 24-month term runs three budget years; renewal
 * is not extended.
 */
class LifecycleRestIT extends LifecycleWalkingTest {

  /** This year and the next two: a 24-month term from today touches three budget years. */
  static final int YEARS = 3;

  @Test
  void regionalForeignCooperationOfAProvinceRunsToClosure() {
    String key = propose("province-35", "LUAR_NEGERI", "province-35", "35");
    assertThat(key).startsWith("KS-LN-");
    List<Step> steps = walk(key, LifecycleWalkingTest::answer);
    assertThat(steps).containsExactlyElementsOf(expected(List.of(
        new Step("UserTask_RecordDprdApproval", "province-35"),
        new Step("UserTask_ConsultKemlu", "ministry-kemlu"),
        new Step("UserTask_ReviewByFasker", "fasker"),
        new Step("UserTask_DecideCentralApproval", "fasker")),
        // a province does not review its own plan; no partner ministry for a region's cooperation
        new Cycle("province-35", List.of(new Step("UserTask_DraftWorkPlan", "province-35"),
            new Step("UserTask_VerifyWorkPlan", "fasker")),
            List.of(new Step("UserTask_SubmitProgressReport", "province-35"),
                new Step("UserTask_ReviewProgressReport", "fasker"))), false,
        // a LoI first, then the region's follow-up task raises it to an MoU
        List.of(new Step("UserTask_RecordLoiSigning", "province-35"), new Step("UserTask_RaiseLoiToMou", "province-35"))));
    assertClosed(key, "province-35");
  }

  @Test
  void foreignNgoCooperationRunsToClosure() {
    String key = propose("ministry-kemensos", "ORMAS_ASING", "ministry-kemensos", "53");
    List<Step> steps = walk(key, LifecycleWalkingTest::answer);
    // every TPOA seat recommends in parallel, in no particular order
    assertThat(steps.subList(1, 8)).extracting(Step::group).containsExactlyInAnyOrder("tpoa-kemlu", "tpoa-kemhan",
        "tpoa-kemendagri", "tpoa-kemenkeu", "tpoa-kemensetneg", "tpoa-polri", "tpoa-teknis");
    assertThat(steps.subList(1, 8)).extracting(Step::task).containsOnly("UserTask_RecommendPermit");
    assertThat(steps.subList(0, 1)).containsExactly(new Step("UserTask_CheckFileComplete", "ministry-kemensos"));
    assertThat(steps.subList(8, steps.size())).containsExactlyElementsOf(expected(List.of(
        new Step("UserTask_DecidePrinciplePermit", "tpoa-kemlu")),
        new Cycle("ministry-kemensos", List.of(new Step("UserTask_DraftWorkPlan", "ministry-kemensos"),
            new Step("UserTask_ReviewWorkPlanProvince", "province-53"),
            new Step("UserTask_ReviewWorkPlanPartnerMinistry", "ministry-kemensos"),
            new Step("UserTask_VerifyWorkPlan", "fasker")),
            List.of(new Step("UserTask_SubmitProgressReport", "ministry-kemensos"),
                new Step("UserTask_ReviewProgressReport", "fasker"))), true,
        // the MSP is drafted, reviewed by the ministry's legal bureau, signed
        List.of(new Step("UserTask_DraftMsp", "ministry-kemensos"), new Step("UserTask_ReviewMspDraft", "ministry-kemensos"),
            new Step("UserTask_RecordMspSigning", "ministry-kemensos"))));
    assertClosed(key, "ministry-kemensos");
  }

  @Test
  void domesticCooperationOfACityRunsToClosure() {
    String key = propose("regency-3578", "DALAM_NEGERI", "regency-3578", "35");
    List<Step> steps = walk(key, LifecycleWalkingTest::answer);
    assertThat(steps).containsExactlyElementsOf(expected(List.of(
        new Step("UserTask_ReviewByProvince", "province-35"),
        new Step("UserTask_DecideCentralApproval", "fasker")),
        // a city's plan and reports go through its province
        new Cycle("regency-3578", List.of(new Step("UserTask_DraftWorkPlan", "regency-3578"),
            new Step("UserTask_ReviewWorkPlanProvince", "province-35"),
            new Step("UserTask_VerifyWorkPlan", "fasker")),
            List.of(new Step("UserTask_SubmitProgressReport", "regency-3578"),
                new Step("UserTask_VerifyProgressReport", "province-35"),
                new Step("UserTask_ReviewProgressReport", "fasker"))), false,
        List.of(new Step("UserTask_RecordNkSigning", "regency-3578"), new Step("UserTask_RecordPksSigning", "regency-3578"))));
    // the city's province follows it too
    assertClosed(key, "province-35");
  }

  /** The steps after {@code approval}: signing, three budget years, renewal (not extended), close-out. */
  static List<Step> expected(List<Step> approval, Cycle cycle, boolean foreignNgo, List<Step> signing) {
    String implementer = cycle.implementer();
    List<Step> steps = new ArrayList<>(approval);
    steps.addAll(signing);
    steps.addAll(cycle.years(TODAY.getYear(), TODAY.getYear() + YEARS - 1));
    steps.add(new Step("timer:TimerEvent_RenewalDue", ADMIN));
    if (foreignNgo) {
      steps.add(new Step("UserTask_GiveTpoaInput", "tpoa-kemlu"));
    }
    steps.add(new Step("UserTask_DecideRenewal", foreignNgo ? implementer : "fasker"));
    steps.add(new Step("timer:TimerEvent_AgreementEnds", ADMIN));
    steps.add(new Step("UserTask_SubmitFinalReport", implementer));
    return steps;
  }

  void assertClosed(String key, String viewerGroup) {
    JsonNode finished = check(get(userOf("supervisor"),
        "/engine-rest/history/process-instance?processDefinitionKey=cooperation-lifecycle&processInstanceBusinessKey=" + key),
        200).json();
    assertThat(finished).hasSize(1);
    assertThat(finished.get(0).get("state").asText()).isEqualTo("COMPLETED");

    JsonNode agreement = check(get(userOf(viewerGroup), "/api/agreements/" + agreementId(key)), 200).json();
    assertThat(agreement.at("/agreement/registrationNumber").asText()).isEqualTo(key);
    assertThat(agreement.at("/agreement/phase").asText()).isEqualTo("CLOSED");
    assertThat(agreement.at("/agreement/status").asText()).isEqualTo("CLOSED");
    assertThat(agreement.get("statusLabel").asText()).isEqualTo("Ditutup");
    assertThat(agreement.get("timeline").findValuesAsText("actor")).allMatch(a -> a.startsWith("it-"));
    assertThat(agreement.get("timeline")).hasSizeGreaterThanOrEqualTo(9);
    // every signed document is kept, with its signing in the history
    assertThat(agreement.get("documents")).isNotEmpty();
    assertThat(agreement.get("documents").findValuesAsText("versionNo")).containsOnly("1");
    assertThat(agreement.get("signings").findValuesAsText("source")).containsOnly("TASK");
    JsonNode evaluations = agreement.get("evaluations");
    assertThat(evaluations).hasSize(YEARS);
    assertThat(evaluations.findValuesAsText("budgetYear"))
        .containsExactly(String.valueOf(TODAY.getYear()), String.valueOf(TODAY.getYear() + 1),
            String.valueOf(TODAY.getYear() + 2));
    assertThat(evaluations.findValuesAsText("rating")).containsOnly("SANGAT_BAIK");
    assertThat(evaluations.get(YEARS - 1).get("kind").asText()).isEqualTo("END_OF_TERM");
  }
}
