package id.go.kerjasama.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 13's walk for a domestic cooperation (DALAM_NEGERI) of Jawa Tengah
 * (33) with a regency, in Chromium (id-ID, 1366×768), as the users of each
 * role: the province's officer proposes in Tasklist's start form (start day
 * first, the estimated budget with dots); Kemendagri's domestic division
 * (fasker-kdn) reads the proposal in the tab "Berkas kerja sama" and
 * approves it in the form; the officer records the Nota Kesepahaman's
 * signing with its upload through the form's link (no second password);
 * after the PKS, the officer drafts the work plan and Fasker verifies it in
 * the browser; the officer files the first progress report. The registry's
 * API then holds what was typed and the decisions in the timeline. Earlier
 * reviews of the route (before the central decision) and the PKS are
 * completed over REST. Every step leaves a screenshot and is checked for
 * English ({@link BrowserTest#ENGLISH}).
 */
class DomesticWalkBrowserIT extends BrowserTest {

  static final String PROVINCE = "province-33";
  static final String REVIEWER = "fasker-kdn";

  @Test
  void aDomesticCooperationIsWalkedInTheBrowserFromProposalToFirstReport() {
    driver.manage().window().setSize(new Dimension(1366, 768));
    String officer = userOf(PROVINCE);
    String title = "Pengembangan desa wisata Jawa Tengah bersama Kabupaten Sleman " + System.nanoTime() % 1_000_000;
    LocalDate proposedStart = IndonesianDataEntryBrowserIT.unambiguous(TODAY.plusMonths(2).withDayOfMonth(15));

    // --- 1. the province's officer proposes; 2. Kemendagri's domestic division decides
    String key = proposeInTheBrowser(officer, title, proposedStart, "");
    long agreementId = check(get(officer, "/api/agreements?q=" + key), 200).json().get("items").get(0).get("id")
        .asLong();
    String decisionNotes = "Usulan sesuai kewenangan daerah; lanjutkan ke Nota Kesepahaman";
    decideInTheBrowser(key, title, proposedStart, decisionNotes, "");
    String nkTask = waitForTask(key, "UserTask_RecordNkSigning");
    screenshot("05-central-decision-sent");

    // --- 3. the officer records the Nota Kesepahaman's signing, uploading it through the form's link
    LocalDate signedOn = IndonesianDataEntryBrowserIT.unambiguous(TODAY.minusDays(12));
    LocalDate start = IndonesianDataEntryBrowserIT.unambiguous(TODAY.minusDays(10));
    LocalDate end = IndonesianDataEntryBrowserIT.unambiguous(start.plusYears(2));
    driver.manage().deleteAllCookies();
    login("tasklist", officer, PASSWORD);
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + nkTask));
    waitFor(By.cssSelector(".fjs-form"));
    wait.until(d -> allText(By.cssSelector(".fjs-form")).contains(key));
    claim();
    type("input[id$='-Field_04']", "NK/33/" + TODAY.getYear() + "/007");
    type("input[id$='-Field_05']", "Gubernur Jawa Tengah, Bupati Sleman");
    uploadThroughTheFormsLink(agreementId, "NK", "06-nk-uploaded-in-a-new-tab");
    assertThat(reveal(By.cssSelector("input[id$='-Field_04']")).getAttribute("value"))
        .isEqualTo("NK/33/" + TODAY.getYear() + "/007");
    typeDate("Field_06", signedOn);
    typeDate("Field_07", start);
    typeDate("Field_08", end);
    screenshot("07-nk-signing-typed");
    complete();
    wait.until(d -> !openTasks(key).contains("UserTask_RecordNkSigning"));
    JsonNode signed = check(get(officer, "/api/agreements/" + agreementId), 200).json();
    assertThat(signed.findValue("signedOn").asText()).isEqualTo(signedOn.toString());
    assertThat(signed.findValue("startDate").asText()).isEqualTo(start.toString());
    assertThat(signed.findValue("endDate").asText()).isEqualTo(end.toString());

    // the PKS that follows the NK, over REST
    wait.until(d -> openTasks(key).contains("UserTask_RecordPksSigning"));
    check(upload(officer, "/api/agreements/" + agreementId + "/documents?kind=PKS", "pks-jateng.pdf",
        pdf("PKS ditandatangani")), 201);
    completeOverRest(key, "UserTask_RecordPksSigning", PROVINCE, Map.of(
        "documentNumber", value("PKS/33/" + TODAY.getYear() + "/007"),
        "signatories", value("Kepala Dinas Pariwisata Jawa Tengah, Kepala Dinas Pariwisata Sleman"),
        "signedOn", value(start.toString()), "startDate", value(start.toString()), "endDate", value(end.toString())));
    String draftTask = waitForTask(key, "UserTask_DraftWorkPlan");

    // --- 4. the officer drafts this year's work plan, reporting per semester
    driver.navigate().refresh();
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + draftTask));
    waitFor(By.cssSelector(".fjs-form"));
    wait.until(d -> allText(By.cssSelector(".fjs-form")).contains(key));
    claim();
    type("textarea[id$='-Field_06']", "Meningkatkan kunjungan ke desa wisata Jawa Tengah dan Sleman");
    type("textarea[id$='-Field_07']", "20 desa wisata terdampingi");
    type("textarea[id$='-Field_08']", "Pelatihan pengelola desa wisata dan promosi bersama");
    type("input[id$='-Field_10']", "1.250.500.000");
    reveal(By.cssSelector("textarea[id$='-Field_14']")).click();
    LocalDate planStart = IndonesianDataEntryBrowserIT.unambiguous(TODAY);
    LocalDate planEnd = LocalDate.of(TODAY.getYear(), 12, 31);
    typeDate("Field_12", planStart);
    typeDate("Field_13", planEnd);
    type("textarea[id$='-Field_14']", "Triwulan I sampai IV");
    reveal(By.cssSelector("input[id$='-Field_17-1']")).click();
    assertThat(driver.findElements(By.cssSelector(".fjs-form .ks-field-error"))).isEmpty();
    reveal(By.cssSelector("input[id$='-Field_10']"));
    screenshot("08-work-plan-typed");
    complete();
    String verifyTask = reviewWorkPlanUntilVerification(key);
    JsonNode plan = check(get(officer, "/api/agreements/" + agreementId + "/work-plans"), 200).json().get(0);
    JsonNode content = plan.findValue("content");
    assertThat(content.get("budgetAmount").decimalValue()).isEqualByComparingTo("1250500000");
    assertThat(content.get("startDate").asText()).isEqualTo(planStart.toString());
    assertThat(content.get("endDate").asText()).isEqualTo(planEnd.toString());

    // --- 5. Fasker verifies the plan, reading it in the tab first
    driver.manage().deleteAllCookies();
    login("tasklist", userOf("fasker"), PASSWORD);
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + verifyTask + "&detailsTab=kerjasama-dossier"));
    assertThat(waitFor(By.cssSelector(".ks-dossier .ks-dossier-title")).getText()).isEqualTo(title);
    assertThat(reveal(By.cssSelector("[data-table='work-plan']")).getText()).contains("Rp 1.250.500.000");
    assertThat(reveal(By.cssSelector("[data-table='documents']")).getText()).contains("nk-", "pks-jateng.pdf");
    screenshot("09-plan-in-the-dossier-tab");
    driver.findElement(By.linkText("Formulir")).click();
    waitFor(By.cssSelector(".fjs-form"));
    claim();
    reveal(By.cssSelector("input[id$='-Field_03-0']")).click();
    String verifyNotes = "Rencana kerja sesuai Nota Kesepahaman";
    type("textarea[id$='-Field_04']", verifyNotes);
    screenshot("10-plan-verified");
    complete();
    String reportTask = waitForTask(key, "UserTask_SubmitProgressReport");

    // --- 6. the officer files the first progress report
    driver.manage().deleteAllCookies();
    login("tasklist", officer, PASSWORD);
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + reportTask));
    waitFor(By.cssSelector(".fjs-form"));
    wait.until(d -> allText(By.cssSelector(".fjs-form")).contains(key));
    claim();
    type("textarea[id$='-Field_05']", "Lima desa wisata menyusun paket wisata bersama");
    type("textarea[id$='-Field_06']", "Akses jalan ke dua desa belum memadai");
    type("textarea[id$='-Field_07']", "Musim hujan menggeser jadwal pelatihan");
    type("textarea[id$='-Field_08']", "Kunjungan wisatawan naik 15%");
    type("input[id$='-Field_09']", "310.000.000");
    reveal(By.cssSelector("textarea[id$='-Field_11']")).click();
    screenshot("11-report-typed");
    complete();
    waitForTask(key, "UserTask_ReviewProgressReport");
    screenshot("12-report-sent");

    // --- read back: the report as typed, the decisions in the timeline
    JsonNode report = check(get(officer, "/api/agreements/" + agreementId + "/reports"), 200).json().get(0)
        .get("report");
    assertThat(report.get("content").get("budgetRealised").decimalValue()).isEqualByComparingTo("310000000");
    assertThat(report.get("submittedBy").asText()).isEqualTo(officer);
    JsonNode timeline = check(get(officer, "/api/agreements/" + agreementId), 200).json().get("timeline");
    JsonNode decided = entry(timeline, "UserTask_DecideCentralApproval");
    assertThat(decided).as(timeline.toString()).isNotNull();
    assertThat(decided.get("actor").asText()).isEqualTo(userOf(REVIEWER));
    assertThat(decided.get("notes").asText()).isEqualTo(decisionNotes);
    JsonNode verified = entry(timeline, "UserTask_VerifyWorkPlan");
    assertThat(verified).as(timeline.toString()).isNotNull();
    assertThat(verified.get("actor").asText()).isEqualTo(userOf("fasker"));
    assertThat(verified.get("notes").asText()).isEqualTo(verifyNotes);
  }

  /**
   * The proposal and the central decision on a phone (390×844): the same
   * start form opened from Tasklist's collapsed header, the same tab and
   * decision; the registry holds what was typed and the decision by its
   * reviewer.
   */
  @Test
  void theProposalAndTheCentralDecisionWorkOnAPhone() {
    driver.manage().window().setSize(new Dimension(390, 844));
    String officer = userOf(PROVINCE);
    String title = "Pertukaran pemandu wisata Jawa Tengah dan Sleman " + System.nanoTime() % 1_000_000;
    LocalDate proposedStart = IndonesianDataEntryBrowserIT.unambiguous(TODAY.plusMonths(3).withDayOfMonth(20));
    String key = proposeInTheBrowser(officer, title, proposedStart, "phone-");
    String notes = "Disetujui dari ponsel";
    decideInTheBrowser(key, title, proposedStart, notes, "phone-");
    waitForTask(key, "UserTask_RecordNkSigning");
    long agreementId = check(get(officer, "/api/agreements?q=" + key), 200).json().get("items").get(0).get("id")
        .asLong();
    JsonNode decided = entry(check(get(officer, "/api/agreements/" + agreementId), 200).json().get("timeline"),
        "UserTask_DecideCentralApproval");
    assertThat(decided).isNotNull();
    assertThat(decided.get("actor").asText()).isEqualTo(userOf(REVIEWER));
    assertThat(decided.get("notes").asText()).isEqualTo(notes);
  }

  /**
   * The province's officer proposes in Tasklist's start form (the start day first, the budget with dots) and
   * reads the registration number; the registry holds exactly what was typed. Screenshots prefixed {@code size}.
   */
  private String proposeInTheBrowser(String officer, String title, LocalDate proposedStart, String size) {
    login("tasklist", officer, PASSWORD);
    waitFor(By.cssSelector("[cam-widget-header]"));
    By startLink = By.cssSelector(".start-process-action a");
    if (!driver.findElement(startLink).isDisplayed()) {
      waitFor(By.cssSelector("[cam-widget-header] .navbar-toggle")).click();
    }
    waitFor(startLink).click();
    waitFor(By.partialLinkText("Siklus hidup kerja sama")).click();
    waitFor(By.cssSelector(".modal .fjs-form"));
    wait.until(d -> "Provinsi Jawa Tengah".equals(d.findElement(By.cssSelector(".modal input[id$='-Field_06']"))
        .getDomProperty("value")));
    reveal(By.cssSelector(".modal input[id$='-Field_03']")).sendKeys(title);
    choose("Field_02", "Kerja sama dalam negeri Kemendagri (Nota Kesepahaman/Nota Kesepakatan)");
    reveal(By.cssSelector(".modal input[id$='-Field_04']")).sendKeys("Pemerintah Kabupaten Sleman");
    reveal(By.cssSelector(".modal input[id$='-Field_05']")).sendKeys("Indonesia");
    pickInStartForm("Field_07", "Jawa Tengah");
    reveal(By.xpath("//div[contains(@class,'modal')]//label[contains(., 'Pariwisata')]")).click();
    reveal(By.cssSelector(".modal input[id$='-Field_09-date']"))
        .sendKeys(proposedStart.format(TasklistBrowserIT.TYPED_DATE), Keys.TAB);
    reveal(By.cssSelector(".modal input[id$='-Field_10']")).sendKeys("24", Keys.TAB);
    WebElement budget = reveal(By.cssSelector(".modal input[id$='-Field_10a']"));
    budget.sendKeys("2.750.000.000", Keys.TAB);
    assertThat(budget.getDomProperty("value")).isEqualTo("2.750.000.000");
    screenshot(size + "01-proposal-typed");
    reveal(By.cssSelector(".modal .modal-footer button.btn-primary")).click();
    String key = waitFor(By.cssSelector(".ks-started-notice .ks-registration-number")).getText();
    screenshot(size + "02-registration-number");

    JsonNode found = check(get(officer, "/api/agreements?q=" + key), 200).json().get("items");
    assertThat(found).hasSize(1);
    long agreementId = found.get(0).get("id").asLong();
    JsonNode proposal = check(get(officer, "/api/agreements/" + agreementId), 200).json().get("agreement");
    assertThat(proposal.get("type").asText()).isEqualTo("DALAM_NEGERI");
    assertThat(proposal.get("title").asText()).isEqualTo(title);
    assertThat(proposal.get("proposedStart").asText()).isEqualTo(proposedStart.toString());
    assertThat(proposal.get("estimatedBudget").decimalValue()).isEqualByComparingTo("2750000000");
    return key;
  }

  /**
   * The route's earlier reviews over REST; then Kemendagri's domestic division (fasker-kdn) reads the proposal
   * in the tab "Berkas kerja sama" and approves it in the form with {@code notes}.
   */
  private void decideInTheBrowser(String key, String title, LocalDate proposedStart, String notes, String size) {
    approveUntil(key, "UserTask_DecideCentralApproval");
    String decideTask = waitForTask(key, "UserTask_DecideCentralApproval");
    driver.manage().deleteAllCookies();
    login("tasklist", userOf(REVIEWER), PASSWORD);
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + decideTask + "&detailsTab=kerjasama-dossier"));
    assertThat(waitFor(By.cssSelector(".ks-dossier .ks-dossier-title")).getText()).isEqualTo(title);
    assertThat(reveal(By.cssSelector(".ks-dossier dd[data-fact='proposer']")).getText())
        .isEqualTo("Provinsi Jawa Tengah");
    assertThat(reveal(By.cssSelector(".ks-dossier dd[data-fact='proposedStart']")).getText())
        .startsWith(proposedStart.format(TasklistBrowserIT.TYPED_DATE));
    assertThat(reveal(By.cssSelector(".ks-dossier dd[data-fact='estimatedBudget']")).getText())
        .isEqualTo("Rp 2.750.000.000 (usulan)");
    assertThat(allText(By.cssSelector(".ks-dossier"))).contains("Pemerintah Kabupaten Sleman", "24 bulan");
    screenshot(size + "03-reviewer-reads-the-proposal");
    reveal(By.linkText("Formulir")).click();
    waitFor(By.cssSelector(".fjs-form"));
    assertThat(allText(By.cssSelector(".fjs-form"))).contains(key);
    claim();
    reveal(By.cssSelector("input[id$='-Field_03-0']")).click();
    type("textarea[id$='-Field_04']", notes);
    screenshot(size + "04-central-decision");
    // every choice can be read whole, on a phone too: no label runs past the form's right edge
    assertThat((Long) ((JavascriptExecutor) driver).executeScript(
        "const form = document.querySelector('.fjs-form').getBoundingClientRect();"
            + "return Array.from(document.querySelectorAll('.fjs-form .fjs-form-field-radio label'))"
            + ".filter(l => l.getBoundingClientRect().right > form.right + 1 || l.scrollWidth > l.clientWidth + 1)"
            + ".length;")).as("radio labels cut off").isZero();
    complete();

  }

  private static JsonNode entry(JsonNode timeline, String activity) {
    for (JsonNode e : timeline) {
      if (activity.equals(e.path("activity").asText())) {
        return e;
      }
    }
    return null;
  }

  private void claim() {
    reveal(By.cssSelector("button.claim")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
  }

  private void typeDate(String field, LocalDate date) {
    WebElement input = reveal(By.cssSelector("input[id$='-" + field + "-date']"));
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(date.format(TasklistBrowserIT.TYPED_DATE), Keys.TAB);
    ((JavascriptExecutor) driver).executeScript("document.activeElement && document.activeElement.blur()");
  }

  private void complete() {
    ((JavascriptExecutor) driver).executeScript("document.activeElement && document.activeElement.blur()");
    WebElement button = reveal(By.cssSelector("button.btn-primary[ng-click='complete()']"));
    wait.until(ExpectedConditions.elementToBeClickable(button));
    button.click();
  }
}
