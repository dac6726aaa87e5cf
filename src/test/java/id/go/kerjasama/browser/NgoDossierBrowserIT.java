package id.go.kerjasama.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kerjasama.ngo.NgoPermits;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.NewProposal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tab "Berkas kerja sama" of the foreign-NGO tasks (issue 13): the
 * Mitra Utama deciding an operational permit, the NGO answering a sanction
 * and the sanction authority following the answer up read, in Tasklist, the
 * NGO, the cooperation, the permit or sanction, the permits and documents
 * and the timeline, by name and day first, without codes or user ids.
 */
class NgoDossierBrowserIT extends BrowserTest {

  static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final List<String> SEATS = List.of("tpoa-kemlu", "tpoa-kemhan", "tpoa-kemendagri", "tpoa-kemenkeu",
      "tpoa-kemensetneg", "tpoa-polri", "tpoa-teknis");
  static final String SANCTION_GROUP = "tpoa-kemlu";
  static final String MINISTRY = "ministry-kemensos";

  @Autowired
  AgreementService agreements;
  @Autowired
  NgoPermits permits;

  @Test
  void theNgoAndTheSanctionAuthorityReadTheSanctionBesideTheirForms() {
    String code = "dos-" + System.nanoTime() % 1_000_000_000;
    String group = "ngo-" + code;
    registerNgo(code, "Stiftung Berkas Sanksi");
    String reason = "Laporan tenaga kerja asing tahun berjalan tidak disampaikan";
    // the day it was decided, in Jakarta (the run may cross midnight WIB, 17:00 UTC, while it is decided)
    java.time.LocalDate decidedFrom = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
    check(post(userOf(SANCTION_GROUP), "/engine-rest/process-definition/key/ngo-sanction/submit-form",
        Map.of("variables", Map.of("ngo", value(group), "kind", value("WARNING_1"), "reason", value(reason)))), 200);
    JsonNode respond = task("processDefinitionKey=ngo-sanction&candidateGroup=" + group);
    java.util.List<String> decidedOn = java.util.stream.Stream.of(decidedFrom,
            java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"))).distinct()
        .map(day -> day.format(DAY_FIRST) + " oleh IT " + SANCTION_GROUP).toList();

    // the NGO's staff answer it: the sanction, the NGO as registered, its permits and its timeline
    driver.manage().window().setSize(new Dimension(1366, 768));
    String ngoUser = userOf(group);
    login("tasklist", ngoUser, PASSWORD);
    openDossier(respond);
    assertThat(fact("sanctionKind")).isEqualTo("Peringatan tertulis pertama");
    assertThat(fact("sanctionReason")).isEqualTo(reason);
    assertThat(fact("sanctionDecided")).isIn(decidedOn);
    assertThat(fact("respondBy")).matches("\\d{2}/\\d{2}/\\d{4}");
    assertThat(fact("sanctionResponse")).isEqualTo("Belum ada tanggapan");
    assertThat(fact("sanctionState")).isEqualTo("Menunggu tanggapan ormas asing");
    assertThat(driver.findElement(By.cssSelector(".ks-dossier [data-fact='ngoName']")).getText())
        .isEqualTo("Stiftung Berkas Sanksi");
    assertThat(fact("ngoCountry")).isEqualTo("Swiss");
    assertThat(fact("legalDocuments")).isEqualTo("Stiftungsurkunde 2004, Handelsregister Bern");
    assertThat(fact("principlePermit")).isEqualTo("Belum ada");
    String text = allText(By.cssSelector(".ks-dossier"));
    assertThat(text).contains("Kerja sama ormas asing ini", "Izin dan dokumen ormas asing", "Riwayat ormas asing");
    screenshot("01-ngo-answers-sanction");
    assertNothingRaw(text + "\n" + pageText());

    // the answer, then the authority follows it up: the NGO's answer is beside the form
    String answer = "Laporan sudah kami kirim ulang melalui kantor perwakilan";
    check(post(ngoUser, "/engine-rest/task/" + respond.get("id").asText() + "/claim", Map.of("userId", ngoUser)), 204);
    check(post(ngoUser, "/engine-rest/task/" + respond.get("id").asText() + "/submit-form",
        Map.of("variables", Map.of("notes", value(answer)))), 204);
    JsonNode conclude = task("processInstanceId=" + respond.get("processInstanceId").asText()
        + "&taskDefinitionKey=UserTask_ConcludeSanction");
    driver.manage().deleteAllCookies();
    login("tasklist", userOf(SANCTION_GROUP), PASSWORD);
    openDossier(conclude);
    assertThat(fact("sanctionResponse")).isEqualTo(answer);
    assertThat(fact("sanctionState")).isEqualTo("Sudah ditanggapi");
    screenshot("02-authority-reads-answer");
    assertNothingRaw(allText(By.cssSelector(".ks-dossier")) + "\n" + pageText());

    // on a phone: nothing in the tab wider than the screen
    driver.manage().window().setSize(new Dimension(390, 844));
    driver.navigate().refresh();
    reveal(By.cssSelector(".ks-dossier [data-section='sanction']"));
    Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "const d = document.querySelector('.ks-dossier'); return d.scrollWidth - d.clientWidth;");
    assertThat(((Number) overflow).intValue()).as("horizontal overflow of the tab").isLessThanOrEqualTo(1);
    screenshot("03-phone");
  }

  @Test
  void theMitraUtamaReadsTheOperationalPermitTheNgoAndTheCooperationBeforeDeciding() {
    String code = "dop-" + System.nanoTime() % 1_000_000_000;
    String group = "ngo-" + code;
    registerNgo(code, "Fondation Berkas Izin");
    license(group);
    LocalDate signedOn = TODAY.minusDays(3);
    String title = "Program kader kesehatan ibu dan anak di Lampung " + code;
    Agreement agreement = agreements.register(new NewProposal(CooperationType.ORMAS_ASING, title,
        "Fondation Berkas Izin", "Swiss", MINISTRY, null, MINISTRY, List.of("province-18"), List.of("KESEHATAN"),
        signedOn, 24, false, null, null, null, group), userOf(MINISTRY), null);
    agreements.recordSigning(agreement.id(), "MSP", "MSP/" + code, "Menteri Sosial, Country Director", signedOn,
        signedOn, signedOn.plusMonths(24));
    permits.grantOperationalPermit(group, agreement.id(), signedOn, signedOn.plusMonths(24), userOf(MINISTRY));
    String number = agreements.get(agreement.id()).registrationNumber();
    JsonNode decide = task("processDefinitionKey=ngo-operational-permit&processInstanceBusinessKey=" + number);

    driver.manage().window().setSize(new Dimension(1366, 768));
    login("tasklist", userOf(MINISTRY), PASSWORD);
    openDossier(decide);
    assertThat(fact("permitCooperation")).isEqualTo(number + " — " + title);
    assertThat(fact("permitState")).isEqualTo("Menunggu keputusan");
    assertThat(fact("permitValidity")).isEqualTo(signedOn.format(DAY_FIRST) + " s.d. "
        + signedOn.plusMonths(24).format(DAY_FIRST));
    assertThat(fact("principleUntil")).isEqualTo(TODAY.plusYears(3).format(DAY_FIRST));
    assertThat(fact("permitRecorded")).endsWith("oleh IT " + MINISTRY).contains("WIB");
    assertThat(fact("principlePermit")).startsWith("Berlaku, ");
    // the cooperation's own dossier below: the proposal, its documents and timeline
    assertThat(driver.findElement(By.cssSelector(".ks-dossier [data-section='proposal'] .ks-dossier-title")).getText())
        .isEqualTo(title);
    assertThat(fact("documentNumber")).contains("MSP/" + code);
    String text = allText(By.cssSelector(".ks-dossier"));
    assertThat(text).contains("Dokumen", "Riwayat keputusan", "Riwayat ormas asing", "Izin operasional dimohonkan");
    assertThat(fact("partners")).isEqualTo("Fondation Berkas Izin");
    screenshot("04-operational-permit");
    assertNothingRaw(text + "\n" + pageText());
  }

  /** The principle permit over REST: the NGO applies, the file is complete, no TPOA seat objects, granted. */
  private void license(String group) {
    String instance = check(post(userOf(group), "/engine-rest/process-definition/key/ngo-permit/submit-form",
        Map.of("variables", Map.of("ngo", value(group), "request", value("NEW"),
            "notes", value("Program kesehatan ibu dan anak")))), 200).json().get("id").asText();
    work(instance, "UserTask_CheckNgoFile", Map.of("decision", value("COMPLETE")));
    for (int i = 0; i < SEATS.size(); i++) {
      work(instance, "UserTask_RecommendNgoPermit", Map.of("decision", value("NO_OBJECTION")));
    }
    work(instance, "UserTask_DecideNgoPermit", Map.of("decision", value("GRANTED"),
        "validUntil", value(TODAY.plusYears(3).toString())));
  }

  private void work(String instance, String taskKey, Map<String, Object> variables) {
    awaitFollowUpsOfInstance(instance);
    JsonNode task = check(get(ADMIN, "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey="
        + taskKey), 200).json().get(0);
    String taskId = task.get("id").asText();
    String candidate = check(get(ADMIN, "/engine-rest/task/" + taskId + "/identity-links?type=candidate"), 200)
        .json().get(0).get("groupId").asText();
    String user = userOf(candidate);
    check(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)), 204);
    check(post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables)), 204);
  }

  private JsonNode task(String query) {
    for (int i = 0; i < 40; i++) {
      JsonNode tasks = check(get(ADMIN, "/engine-rest/task?" + query), 200).json();
      if (!tasks.isEmpty()) {
        return tasks.get(0);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("No task " + query);
  }

  private void openDossier(JsonNode task) {
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + task.get("id").asText()
        + "&detailsTab=kerjasama-dossier"));
    waitFor(By.cssSelector(".ks-dossier .ks-dossier-title"));
  }

  private String fact(String name) {
    return reveal(By.cssSelector(".ks-dossier dd[data-fact='" + name + "']")).getText();
  }

  /** No raw JSON, ISO moments, user ids or NGO codes where a person reads. */
  private void assertNothingRaw(String text) {
    assertThat(text).doesNotContainPattern("[\\{\\[]\\s*\"[^\"]*\"\\s*:")
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
        .doesNotContain("it-" + SANCTION_GROUP, "it-" + MINISTRY, "WARNING_1", "REQUESTED", "PRINCIPLE",
            "OPERATIONAL", "IN_FORCE", "Requested", "Recorded");
  }
}
