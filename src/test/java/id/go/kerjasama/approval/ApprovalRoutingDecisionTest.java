package id.go.kerjasama.approval;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.ProcessTestSupport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The routing table processes/central-approval-routing.dmn, row by row: each
 * case names the rule it must hit (checked in the decision history) and the
 * route it must give. A table with a row no case covers fails
 * {@link #everyRowHasACase()}.
 */
@ProcessTest
class ApprovalRoutingDecisionTest extends ProcessTestSupport {


  /**
   * type, level, burdens (empty = absent) → rule, track, province, fasker, kemlu, dprd, tkksd, LoI and plan,
   * KB, MoU draft, who decides, Fasker division.
   */
  @ParameterizedTest(name = "{0} by {1}, burdens {2} -> {3}")
  @CsvSource({
      "ORMAS_ASING,  MINISTRY, ,      Rule_OrmasAsing,                  TPOA,     false, false, false, false, false, false, false, false, NONE,     fasker-oila",
      "ORMAS_ASING,  MINISTRY, true,  Rule_OrmasAsing,                  TPOA,     false, false, false, false, false, false, false, false, NONE,     fasker-oila",
      "LUAR_NEGERI,  MINISTRY, ,      Rule_LuarNegeriMinistry,          REGIONAL, false, true,  true,  false, false, false, false, false, FASKER,   fasker-oila",
      "LUAR_NEGERI,  PROVINCE, false, Rule_LuarNegeriProvince,          REGIONAL, false, true,  true,  true,  false, false, false, false, FASKER,   fasker-kan",
      "LUAR_NEGERI,  REGENCY,  false, Rule_LuarNegeriRegency,           REGIONAL, true,  true,  true,  true,  false, false, false, false, FASKER,   fasker-kan",
      "DALAM_NEGERI, MINISTRY, false, Rule_DalamNegeriMinistry,         REGIONAL, false, false, false, false, false, false, false, false, FASKER,   fasker-kdn",
      "DALAM_NEGERI, PROVINCE, true,  Rule_DalamNegeriProvinceWithDprd, REGIONAL, false, false, false, true,  false, false, false, false, FASKER,   fasker-kdn",
      "DALAM_NEGERI, PROVINCE, false, Rule_DalamNegeriProvince,         REGIONAL, false, false, false, false, false, false, false, false, FASKER,   fasker-kdn",
      "DALAM_NEGERI, PROVINCE, ,      Rule_DalamNegeriProvince,         REGIONAL, false, false, false, false, false, false, false, false, FASKER,   fasker-kdn",
      "DALAM_NEGERI, REGENCY,  true,  Rule_DalamNegeriRegencyWithDprd,  REGIONAL, true,  false, false, true,  false, false, false, false, FASKER,   fasker-kdn",
      "DALAM_NEGERI, REGENCY,  false, Rule_DalamNegeriRegency,          REGIONAL, true,  false, false, false, false, false, false, false, FASKER,   fasker-kdn",
      "KSDD,         PROVINCE, true,  Rule_KsdProvinceWithDprd,         REGIONAL, false, false, false, true,  true,  false, true,  false, NONE,     fasker-kdn",
      "KSDPK,        PROVINCE, true,  Rule_KsdProvinceWithDprd,         REGIONAL, false, false, false, true,  true,  false, true,  false, NONE,     fasker-kdn",
      "KSDD,         PROVINCE, false, Rule_KsdProvince,                 REGIONAL, false, false, false, false, true,  false, true,  false, NONE,     fasker-kdn",
      "KSDPK,        PROVINCE, ,      Rule_KsdProvince,                 REGIONAL, false, false, false, false, true,  false, true,  false, NONE,     fasker-kdn",
      "KSDD,         REGENCY,  true,  Rule_KsdRegencyWithDprd,          REGIONAL, true,  false, false, true,  true,  false, true,  false, NONE,     fasker-kdn",
      "KSDPK,        REGENCY,  false, Rule_KsdRegency,                  REGIONAL, true,  false, false, false, true,  false, true,  false, NONE,     fasker-kdn",
      "KSDPL,        PROVINCE, ,      Rule_KsdplProvince,               REGIONAL, false, true,  true,  true,  true,  true,  false, true,  MINISTER, fasker-kan",
      "KSDPL,        REGENCY,  false, Rule_KsdplRegency,                REGIONAL, true,  true,  true,  true,  true,  true,  false, true,  MINISTER, fasker-kan",
      "KSDLL,        PROVINCE, ,      Rule_KsdllProvince,               REGIONAL, false, true,  true,  true,  true,  true,  false, true,  MINISTER, fasker-oila",
      "KSDLL,        REGENCY,  true,  Rule_KsdllRegency,                REGIONAL, true,  true,  true,  true,  true,  true,  false, true,  MINISTER, fasker-oila",
      // level>partner: a partner ministry or region (GR 28/2018 art. 46, Nota Kesepakatan; A28)
      "DALAM_NEGERI, PROVINCE>MINISTRY, true, Rule_NotaKesepakatanProvince, REGIONAL, false, false, false, false, true, false, false, false, PARTIES, fasker-kdn",
      "DALAM_NEGERI, REGENCY>MINISTRY, ,  Rule_NotaKesepakatanRegency,  REGIONAL, true,  false, false, false, true,  false, false, false, PARTIES,  fasker-kdn",
      "DALAM_NEGERI, MINISTRY>REGION, false, Rule_NotaKesepakatanMinistry, REGIONAL, false, false, false, false, false, false, false, false, PARTIES, fasker-kdn",
      // Kemendagri's own Nota Kesepahaman with another ministry stays on its route
      "DALAM_NEGERI, MINISTRY>MINISTRY, , Rule_DalamNegeriMinistry,     REGIONAL, false, false, false, false, false, false, false, false, FASKER,   fasker-kdn",
  })
  void eachRowGivesItsRoute(String type, String level, Boolean burdens, String rule, String track,
                            boolean province, boolean fasker, boolean kemlu, boolean dprd, boolean tkksd,
                            boolean foreignPreparation, boolean kb, boolean mouDraft, String centralDecision,
                            String faskerGroup) {
    List<String> before = historicEvaluations();
    DmnDecisionResult result = evaluate(type, level, burdens);

    assertThat(result).hasSize(1);
    Map<String, Object> route = result.getSingleResult().getEntryMap();
    assertThat(route).containsEntry("reviewTrack", track)
        .containsEntry("provinceReview", province)
        .containsEntry("faskerReview", fasker)
        .containsEntry("kemluConsultation", kemlu)
        .containsEntry("dprdApproval", dprd)
        .containsEntry("tkksdReview", tkksd)
        .containsEntry("foreignPreparation", foreignPreparation)
        .containsEntry("kesepakatanBersama", kb)
        .containsEntry("mouDraftReview", mouDraft)
        .containsEntry("centralDecision", centralDecision)
        .containsEntry("faskerGroup", faskerGroup);
    assertThat(matchedRules(before)).containsOnly(rule);
  }

  @ParameterizedTest(name = "{0} by {1} has no route")
  @CsvSource({"ORMAS_ASING, PROVINCE", "ORMAS_ASING, REGENCY", "KSDD, MINISTRY", "KSDPK, MINISTRY", "KSDPL, MINISTRY",
      "KSDLL, MINISTRY", "UNKNOWN, PROVINCE"})
  void proposalsTheStartFormRefusesHaveNoRoute(String type, String level) {
    assertThat(evaluate(type, level, false)).isEmpty();
  }

  @Test
  void everyRowHasACase() throws NoSuchMethodException {
    String[] cases = getClass().getDeclaredMethod("eachRowGivesItsRoute", String.class, String.class, Boolean.class,
        String.class, String.class, boolean.class, boolean.class, boolean.class, boolean.class, boolean.class,
        boolean.class, boolean.class, boolean.class, String.class, String.class)
        .getAnnotation(CsvSource.class).value();
    DmnModelInstance table = processEngine.getRepositoryService().getDmnModelInstance(
        processEngine.getRepositoryService().createDecisionDefinitionQuery()
            .decisionDefinitionKey(ApprovalProcess.DECISION_ROUTE).latestVersion().singleResult().getId());
    List<String> rules = table.getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
    List<String> covered = java.util.Arrays.stream(cases).map(c -> c.split(",")[3].trim()).distinct().toList();
    assertThat(covered).containsExactlyInAnyOrderElementsOf(rules);
  }

  private DmnDecisionResult evaluate(String type, String level, Boolean burdens) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("cooperationType", type);
    String[] levelAndPartner = level.split(">");
    variables.put("proposerLevel", levelAndPartner[0]);
    // as the lifecycle sets them: both present, null unless the proposal names that partner
    variables.put("partnerMinistryGroup", null);
    variables.put("partnerRegionGroup", null);
    if (levelAndPartner.length > 1) {
      variables.put(levelAndPartner[1].equals("MINISTRY") ? "partnerMinistryGroup" : "partnerRegionGroup",
          levelAndPartner[1].equals("MINISTRY") ? "ministry-kemenkes" : "regency-9171");
    }
    if (burdens != null) {
      variables.put("burdensPublicOrOutsideBudget", burdens);
    }
    return processEngine.getDecisionService().evaluateDecisionByKey(ApprovalProcess.DECISION_ROUTE)
        .variables(variables).evaluate();
  }

  private List<String> historicEvaluations() {
    return processEngine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(ApprovalProcess.DECISION_ROUTE).list().stream()
        .map(HistoricDecisionInstance::getId).toList();
  }

  /** The rules matched by the one evaluation since {@code before}, from the decision history (the clock is fixed). */
  private List<String> matchedRules(List<String> before) {
    List<HistoricDecisionInstance> added = processEngine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(ApprovalProcess.DECISION_ROUTE).includeOutputs().list().stream()
        .filter(d -> !before.contains(d.getId())).toList();
    assertThat(added).hasSize(1);
    return added.get(0).getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId).distinct().toList();
  }
}
