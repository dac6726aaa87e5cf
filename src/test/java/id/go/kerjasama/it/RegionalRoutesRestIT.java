package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The regional and Kemendagri routes RegionalCooperationRestIT does not walk,
 * on PostgreSQL over the engine's REST API as the users of each role, each to
 * its first budget year (the open work plan task): a province's KSDPK with a
 * third party, a regency's KSDLL with a foreign institution, Kemendagri's own
 * Nota Kesepahaman with a third party (NK → PKS) and Kemendagri's own foreign
 * technical cooperation (LoI → MoU), and a regency's Nota Kesepakatan with a
 * ministry (GR 28/2018 art. 46). Province 19 and its regencies, regency 9303
 * with KemenPPPA, titles "Regional Empat" (RG4): no other test uses them.
 */
class RegionalRoutesRestIT extends LifecycleWalkingTest {

  static final String TITLE = "RG4 Kerja sama Regional Empat ";

  @Test
  void aProvincesCooperationWithAThirdPartyReachesItsFirstBudgetYear() {
    String key = propose("province-19", "KSDPK", "province-19", Map.of(
        "title", value(TITLE + "KSDPK pengelolaan air minum"),
        "partnerName", value("PT Air Bersih Regional Empat"),
        "partnerCountry", value("Indonesia"),
        "cooperationNature", value("SUKARELA"),
        "governmentAffair", value("Pekerjaan Umum dan Penataan Ruang"),
        "burdensPublicOrOutsideBudget", Map.of("value", true, "type", "Boolean")), "19");
    assertThat(key).startsWith("KS-PK-");
    List<Step> steps = walkUntil(key, "UserTask_DraftWorkPlan", LifecycleWalkingTest::answer);
    // no central approval: the province's TKKSD, the offer and the third party's answer, the KB, the DPRD
    // (burdens the region), the PKS drafted and signed
    assertThat(steps).containsExactly(
        new Step("UserTask_ReviewByTkksd", "tkksd-province-19"),
        new Step("UserTask_SendOffer", "province-19"),
        new Step("UserTask_RecordOfferAnswer", "province-19"),
        new Step("UserTask_DraftKb", "province-19"),
        new Step("UserTask_RecordKbSigning", "province-19"),
        new Step("UserTask_RecordDprdApproval", "province-19"),
        new Step("UserTask_DraftPks", "province-19"),
        new Step("UserTask_RecordPksSigning", "province-19"));
    JsonNode agreement = registry(key, "province-19");
    assertThat(agreement.path("agreement").path("status").asText()).isEqualTo("ACTIVE");
    assertThat(agreement.path("agreement").path("type").asText()).isEqualTo("KSDPK");
    assertThat(agreement.path("agreement").path("partnerName").asText()).isEqualTo("PT Air Bersih Regional Empat");
    assertThat(agreement.path("agreement").path("documentKind").asText()).isEqualTo("PKS");
    // the offer letter and the DPRD's decision with the seven items of the request (a-g) are stored, typed
    JsonNode approval = agreement.path("details").path("centralApproval");
    JsonNode offer = approval.path("offerLetters").get(0);
    assertThat(approval.path("offerLetters")).hasSize(1);
    assertThat(offer.path("letterNumber").asText()).isEqualTo("130/7/PEM/" + TODAY.getYear());
    assertThat(offer.path("letterDate").asText()).isEqualTo(TODAY.toString());
    JsonNode dprd = approval.path("dprdApprovals").get(0);
    assertThat(dprd.path("regionGroup").asText()).isEqualTo("province-19");
    assertThat(dprd.path("decision").asText()).isEqualTo("APPROVED");
    JsonNode plan = dprd.path("plan");
    assertThat(plan.path("purpose").asText()).isEqualTo("Meningkatkan pelayanan publik bersama");
    assertThat(plan.path("object").asText()).isEqualTo("Pengelolaan layanan bersama");
    assertThat(plan.path("rightsObligations").asText()).isEqualTo("Daerah menyediakan lahan, mitra mengelola layanan");
    assertThat(plan.path("apbdContribution").isNumber()).isTrue();
    assertThat(plan.path("apbdContribution").decimalValue()).isEqualByComparingTo("1500000000");
    assertThat(plan.path("benefit").asText()).isEqualTo("Jasa layanan bagi warga");
    assertThat(plan.path("termMonths").isInt()).isTrue();
    assertThat(plan.path("termMonths").asInt()).isEqualTo(24);
    assertThat(plan.path("publicBurden").asText()).isEqualTo("Tidak ada");
    // Kemendagri (Fasker's domestic division) is informed and reads it; it decided nothing
    assertThat(timeline(agreement, "activity")).contains("ServiceTask_InformCentral")
        .doesNotContain("UserTask_DecideCentralApproval", "UserTask_ReviewByFasker");
    check(get(userOf("fasker-kdn"), "/api/agreements/" + agreement.path("agreement").path("id").asLong()), 200);
  }

  @Test
  void aRegencysCooperationWithAForeignInstitutionReachesItsFirstBudgetYear() {
    String key = propose("regency-1971", "KSDLL", "regency-1971", Map.of(
        "title", value(TITLE + "KSDLL pelatihan tata kota"),
        "partnerName", value("Japan International Cooperation Agency (Regional Empat)"),
        "cooperationNature", value("SUKARELA"),
        "governmentAffair", value("Pekerjaan Umum dan Penataan Ruang")), "19");
    assertThat(key).startsWith("KS-LL-");
    List<Step> steps = walkUntil(key, "UserTask_DraftWorkPlan", LifecycleWalkingTest::answer);
    // the order of Perda DIY 1/2023 art. 12(2); the regency passes its province; Fasker's OILA division verifies
    assertThat(steps).containsExactly(
        new Step("UserTask_ReviewByTkksd", "tkksd-regency-1971"),
        new Step("UserTask_ReviewByProvince", "province-19"),
        new Step("UserTask_RecordLoi", "regency-1971"),
        new Step("UserTask_DraftCooperationPlan", "regency-1971"),
        new Step("UserTask_RecordDprdApproval", "regency-1971"),
        new Step("UserTask_ConsultKemlu", "ministry-kemlu"),
        new Step("UserTask_ReviewByFasker", "fasker"),
        new Step("UserTask_DraftMou", "regency-1971"),
        new Step("UserTask_ReviewMouDraft", "fasker"),
        new Step("UserTask_RecordMinisterApproval", "fasker"),
        new Step("UserTask_RecordFullPower", "ministry-kemlu"),
        new Step("UserTask_RecordMouSigning", "regency-1971"));
    JsonNode agreement = registry(key, "regency-1971");
    assertThat(agreement.path("agreement").path("status").asText()).isEqualTo("ACTIVE");
    assertThat(agreement.path("agreement").path("type").asText()).isEqualTo("KSDLL");
    assertThat(agreement.path("agreement").path("documentKind").asText()).isEqualTo("MOU");
    // the central tasks were offered to Fasker's OILA division (foreign institutions) besides Fasker
    check(get(userOf("fasker-oila"), "/api/agreements/" + agreement.path("agreement").path("id").asLong()), 200);
  }

  @Test
  void kemendagrisOwnNotaKesepahamanWithAThirdPartyReachesItsFirstBudgetYear() {
    String key = propose("ministry-kemendagri-adwil", "DALAM_NEGERI", "ministry-kemendagri-adwil", Map.of(
        "title", value(TITLE + "Nota Kesepahaman Kemendagri"),
        "partnerName", value("Universitas Regional Empat"),
        "partnerCountry", value("Indonesia")), "19");
    List<Step> steps = walkUntil(key, "UserTask_DraftWorkPlan", LifecycleWalkingTest::answer);
    // Fasker verifies (assumption, docs/regulations.md §2.7), then the NK and its PKS
    assertThat(steps).containsExactly(
        new Step("UserTask_DecideCentralApproval", "fasker"),
        new Step("UserTask_RecordNkSigning", "ministry-kemendagri-adwil"),
        new Step("UserTask_RecordPksSigning", "ministry-kemendagri-adwil"));
    JsonNode agreement = registry(key, "ministry-kemendagri-adwil");
    assertThat(agreement.path("agreement").path("status").asText()).isEqualTo("ACTIVE");
    assertThat(agreement.path("agreement").path("documentKind").asText()).isEqualTo("PKS");
  }

  @Test
  void kemendagrisOwnForeignTechnicalCooperationReachesItsFirstBudgetYear() {
    String key = propose("ministry-kemendagri-bangda", "LUAR_NEGERI", "ministry-kemendagri-bangda", Map.of(
        "title", value(TITLE + "kerja sama teknik luar negeri Kemendagri"),
        "partnerName", value("Japan International Cooperation Agency (RG4)"),
        "partnerCountry", value("Jepang")), "19");
    List<Step> steps = walkUntil(key, "UserTask_DraftWorkPlan", LifecycleWalkingTest::answer);
    // Kemlu's consideration, Fasker's verification and decision (OILA division), then LoI → MoU
    assertThat(steps).containsExactly(
        new Step("UserTask_ConsultKemlu", "ministry-kemlu"),
        new Step("UserTask_ReviewByFasker", "fasker"),
        new Step("UserTask_DecideCentralApproval", "fasker"),
        new Step("UserTask_RecordLoiSigning", "ministry-kemendagri-bangda"),
        new Step("UserTask_RaiseLoiToMou", "ministry-kemendagri-bangda"));
    JsonNode agreement = registry(key, "ministry-kemendagri-bangda");
    assertThat(agreement.path("agreement").path("status").asText()).isEqualTo("ACTIVE");
    assertThat(agreement.path("agreement").path("documentKind").asText()).isEqualTo("MOU");
    check(get(userOf("fasker-oila"), "/api/agreements/" + agreement.path("agreement").path("id").asLong()), 200);
  }

  @Test
  void aRegencysNotaKesepakatanWithAMinistryReachesItsFirstBudgetYear() {
    String key = propose("regency-9303", "DALAM_NEGERI", "regency-9303", Map.of(
        "title", value(TITLE + "Nota Kesepakatan perlindungan anak"),
        "notaKesepakatanPartner", value("ministry-kemenpppa")), "93");
    assertThat(key).startsWith("KS-DN-");
    List<Step> steps = walkUntil(key, "UserTask_DraftWorkPlan", LifecycleWalkingTest::answer);
    // GR 28/2018 art. 46: the regency's TKKSD and province, the Nota Kesepakatan with its Rencana Kerja drafted by
    // the regency and agreed by the ministry, signed by the regency and co-signed by the ministry (A32); no DPRD, no central decision, no PKS (A28, A29)
    assertThat(steps).containsExactly(
        new Step("UserTask_ReviewByTkksd", "tkksd-regency-9303"),
        new Step("UserTask_ReviewByProvince", "province-93"),
        new Step("UserTask_DraftNotaKesepakatan", "regency-9303"),
        new Step("UserTask_AgreeNotaKesepakatanPartner", "ministry-kemenpppa"),
        new Step("UserTask_RecordNotaKesepakatanSigning", "regency-9303"),
        new Step("UserTask_ConfirmNotaKesepakatanPartner", "ministry-kemenpppa"));
    JsonNode agreement = registry(key, "regency-9303");
    assertThat(agreement.path("agreement").path("status").asText()).isEqualTo("ACTIVE");
    assertThat(agreement.path("agreement").path("type").asText()).isEqualTo("DALAM_NEGERI");
    assertThat(agreement.path("agreement").path("partnerMinistry").asText()).isEqualTo("ministry-kemenpppa");
    assertThat(agreement.path("agreement").path("partnerCountry").asText()).isEqualTo("Indonesia");
    assertThat(agreement.path("agreement").path("documentKind").asText()).isEqualTo("NOTA_KESEPAKATAN");
    assertThat(agreement.path("documents").findValuesAsText("kind")).contains("NKSP_DRAFT", "NOTA_KESEPAKATAN");
    assertThat(timeline(agreement, "activity")).contains("ServiceTask_InformCentral")
        .doesNotContain("UserTask_DecideCentralApproval", "UserTask_RecordDprdApproval");
    // the ministry is a party and reads it
    check(get(userOf("ministry-kemenpppa"), "/api/agreements/" + agreement.path("agreement").path("id").asLong()),
        200);
  }

  /** One field of every entry of the agreement's timeline. */
  static List<String> timeline(JsonNode agreement, String field) {
    return agreement.path("timeline").findValuesAsText(field);
  }

  /** The agreement as a member of {@code group} reads it in the registry API. */
  JsonNode registry(String key, String group) {
    JsonNode found = check(get(userOf(group), "/api/agreements?q=" + key), 200).json();
    long id = found.at("/items/0/id").asLong();
    return check(get(userOf(group), "/api/agreements/" + id), 200).json();
  }
}
