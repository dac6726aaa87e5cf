package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A regency's KSDD with another region as partner and a province's KSDPL,
 * walked on PostgreSQL over the engine's REST API as the users of each role
 * (the partner region's officers included), each to its first budget year:
 * the open work plan task (LifecycleWalkingTest); the KSDD still APPROVED between the
 * proposer's PKS record and the partner region's co-signature. Provinces 15, 16, 17.
 */
class RegionalCooperationRestIT extends LifecycleWalkingTest {

  @Test
  void aRegencysCooperationWithAnotherRegionReachesItsFirstBudgetYear() {
    String key = propose("regency-1504", "KSDD", "regency-1504", Map.of(
        "partnerRegion", value("regency-1602"),
        "cooperationNature", value("WAJIB"),
        "governmentAffair", value("Perhubungan"),
        "burdensPublicOrOutsideBudget", Map.of("value", true, "type", "Boolean")), "15");
    assertThat(key).startsWith("KS-DD-");
    List<Step> steps = new ArrayList<>(
        walkUntil(key, "UserTask_ConfirmPksPartner", LifecycleWalkingTest::answer));
    // the PKS the regency recorded is the registry's document, but not in force before the partner co-signs (A32)
    JsonNode recorded = registry(key, "regency-1602");
    assertThat(recorded.path("agreement").path("documentKind").asText()).isEqualTo("PKS");
    assertThat(recorded.path("agreement").path("status").asText()).isEqualTo("APPROVED");
    steps.addAll(walkUntil(key, "UserTask_DraftWorkPlan", LifecycleWalkingTest::answer));
    assertThat(steps).containsExactly(
        new Step("UserTask_ReviewByTkksd", "tkksd-regency-1504"),
        new Step("UserTask_ReviewByProvince", "province-15"),
        new Step("UserTask_SendOffer", "regency-1504"),
        new Step("UserTask_AnswerOfferPartner", "tkksd-regency-1602"),
        new Step("UserTask_DraftKb", "regency-1504"),
        new Step("UserTask_AgreeKbPartner", "tkksd-regency-1602"),
        new Step("UserTask_RecordKbSigning", "regency-1504"),
        new Step("UserTask_ConfirmKbPartner", "regency-1602"),
        new Step("UserTask_RecordDprdApproval", "regency-1504"),
        new Step("UserTask_DraftPks", "regency-1504"),
        new Step("UserTask_AgreePksPartner", "tkksd-regency-1602"),
        new Step("UserTask_RecordPksSigning", "regency-1504"),
        new Step("UserTask_ConfirmPksPartner", "regency-1602"));
    JsonNode agreement = registry(key, "regency-1602");
    assertThat(agreement.path("agreement").path("status").asText()).isEqualTo("ACTIVE");
    assertThat(agreement.path("agreement").path("partnerRegion").asText()).isEqualTo("regency-1602");
    assertThat(agreement.path("agreement").path("documentKind").asText()).isEqualTo("PKS");
  }

  @Test
  void aProvincesCooperationWithAForeignRegionReachesItsFirstBudgetYear() {
    String key = propose("province-17", "KSDPL", "province-17", Map.of(
        "cooperationNature", value("SUKARELA"),
        "governmentAffair", value("Pariwisata")), "17");
    assertThat(key).startsWith("KS-PL-");
    List<Step> steps = walkUntil(key, "UserTask_DraftWorkPlan", LifecycleWalkingTest::answer);
    assertThat(steps).containsExactly(
        new Step("UserTask_ReviewByTkksd", "tkksd-province-17"),
        new Step("UserTask_RecordLoi", "province-17"),
        new Step("UserTask_DraftCooperationPlan", "province-17"),
        new Step("UserTask_RecordDprdApproval", "province-17"),
        new Step("UserTask_ConsultKemlu", "ministry-kemlu"),
        new Step("UserTask_ReviewByFasker", "fasker"),
        new Step("UserTask_DraftMou", "province-17"),
        new Step("UserTask_ReviewMouDraft", "fasker"),
        new Step("UserTask_RecordMinisterApproval", "fasker"),
        new Step("UserTask_RecordFullPower", "ministry-kemlu"),
        new Step("UserTask_RecordMouSigning", "province-17"));
    JsonNode agreement = registry(key, "province-17");
    assertThat(agreement.path("agreement").path("status").asText()).isEqualTo("ACTIVE");
    assertThat(agreement.path("agreement").path("documentKind").asText()).isEqualTo("MOU");
  }

  /** The agreement as a member of {@code group} reads it in the registry API. */
  JsonNode registry(String key, String group) {
    JsonNode found = check(get(userOf(group), "/api/agreements?q=" + key), 200).json();
    long id = found.at("/items/0/id").asLong();
    return check(get(userOf(group), "/api/agreements/" + id), 200).json();
  }
}
