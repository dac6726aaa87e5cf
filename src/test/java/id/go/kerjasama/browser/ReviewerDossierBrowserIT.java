package id.go.kerjasama.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reviewer's view inside the task (Tasklist tab "Berkas kerja sama",
 * app/tasklist/scripts/kerjasama-dossier.js), at 1366×768 in Bahasa
 * Indonesia: Fasker opens "Verifikasi rencana kerja tahunan" of a province's
 * foreign cooperation (Sulawesi Barat, 76) in its second year — last year's
 * approved plan is in the registry — and sees in the tab, without leaving
 * Tasklist: the proposal's title, its dates day first, the plan's budget as
 * {@code Rp 1.500.000.000} beside last year's, the signed LoI and MoU with
 * download links, and the timeline with people's names instead of user ids.
 * Fasker uploads a new version of the MoU right there; the documents API
 * answers that version, with Fasker as uploader and the file's checksum.
 * No text on the page is raw JSON, an ISO time stamp or a user id.
 */
class ReviewerDossierBrowserIT extends BrowserTest {

  static final String PROVINCE = "province-76";
  static final String TITLE = "Peningkatan kapasitas aparatur Sulawesi Barat bersama Prefektur Mitra";
  static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  /** A JSON object or array as text: {"key": or [{" — what a person must never be shown. */
  static final Pattern RAW_JSON = Pattern.compile("[\\{\\[]\\s*\"[^\"]*\"\\s*:|\\[\\s*\\{");
  static final Pattern ISO_MOMENT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aReviewerReadsTheDossierInTheTaskAndUploadsANewVersionThere() throws Exception {
    String key = propose(PROVINCE, "LUAR_NEGERI", PROVINCE, "76", TITLE);
    approveUntil(key, "UserTask_RecordLoiSigning");
    long agreementId = agreementIdOf(key);
    LocalDate start = TODAY.minusDays(10);
    LocalDate end = start.plusYears(3);
    String province = userOf(PROVINCE);
    signLoiAndMou(key, agreementId, PROVINCE, "76", "sulbar", 
        "Gubernur Sulawesi Barat, Perwakilan Mitra", start, end);

    int year = cycleYear(key, "UserTask_DraftWorkPlan");
    // the second year of the cooperation: last year's plan was approved (as the registry would hold it)
    jdbc.update("""
        INSERT INTO work_plan (agreement_id, budget_year, version, status, objectives, targets, activities,
          location_provinces, budget_amount, budget_currency, start_date, end_date, schedule, report_frequency,
          master_plan_reference, notes, submitted_by, submitted_at, decided_at)
        VALUES (?, ?, 1, 'APPROVED', 'Pemetaan kebutuhan pelatihan', '40 aparatur terlatih', 'Lokakarya awal',
          'province-76', 1200000000, 'IDR', ?, ?, 'Triwulan III dan IV', 'SEMESTER', ?, 'Rencana kerja tahun pertama',
          ?, ?, ?)""", agreementId, year - 1, java.sql.Date.valueOf(LocalDate.of(year - 1, 7, 1)),
        java.sql.Date.valueOf(LocalDate.of(year - 1, 12, 31)), "RIK-01/" + (year - 1), province,
        java.sql.Timestamp.valueOf(LocalDate.of(year - 1, 6, 2).atTime(9, 0)),
        java.sql.Timestamp.valueOf(LocalDate.of(year - 1, 6, 20).atTime(14, 0)));

    LocalDate planStart = LocalDate.of(year, 1, 15);
    LocalDate planEnd = LocalDate.of(year, 12, 20);
    completeOverRest(key, "UserTask_DraftWorkPlan", PROVINCE, Map.ofEntries(
        Map.entry("objectives", value("Meningkatkan kapasitas aparatur Sulawesi Barat")),
        Map.entry("targets", value("100 aparatur terlatih di 6 kabupaten")),
        Map.entry("activities", value("Pelatihan dan pendampingan teknis")),
        Map.entry("budgetAmount", Map.of("value", 1500000000L, "type", "Long")),
        Map.entry("budgetCurrency", value("IDR")),
        Map.entry("planStart", value(planStart.toString())),
        Map.entry("planEnd", value(planEnd.toString())),
        Map.entry("schedule", value("Triwulan I sampai IV")),
        Map.entry("reportFrequency", value("SEMESTER")),
        Map.entry("masterPlanReference", value("RIK-01/" + year)),
        Map.entry("notes", value("Rencana kerja tahun kedua"))));
    String verifyTask = reviewWorkPlanUntilVerification(key);

    // --- Fasker opens the task; the tab is beside the form
    driver.manage().window().setSize(new Dimension(1366, 768));
    login("tasklist", userOf("fasker"), PASSWORD);
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + verifyTask));
    waitFor(By.cssSelector(".fjs-form"));
    String form = allText(By.cssSelector(".fjs-form"));
    assertThat(form).contains(key, "Berkas kerja sama");
    assertThat(driver.findElements(By.cssSelector(".fjs-form a[href^='/api/agreements/']")))
        .as("no link from the form to the registry's JSON").isEmpty();
    WebElement tab = waitFor(By.linkText("Berkas kerja sama"));
    screenshot("01-task-with-tab");
    tab.click();
    WebElement dossier = waitFor(By.cssSelector(".ks-dossier .ks-dossier-title"));
    assertThat(dossier.getText()).isEqualTo(TITLE);
    String text = allText(By.cssSelector(".ks-dossier"));
    assertThat(text).contains(key, "Kerja sama luar negeri", "Mitra uji peramban", "Jepang", "24 bulan");
    assertThat(fact("proposer")).isEqualTo("Provinsi Sulawesi Barat");
    // the proposed start, day first and with its Indonesian month name
    LocalDate proposedStart = TODAY.plusMonths(1);
    assertThat(fact("proposedStart")).isEqualTo(proposedStart.format(DAY_FIRST) + " (" + proposedStart.getDayOfMonth()
        + " " + IndonesianDataEntryBrowserIT.monthName(proposedStart) + " " + proposedStart.getYear() + ")");
    assertThat(fact("validity")).isEqualTo(start.format(DAY_FIRST) + " s.d. " + end.format(DAY_FIRST));
    assertThat(fact("budget")).isEqualTo("Rp 1.500.000.000 (rencana kerja tahun " + year + ")");
    // the plan under review beside last year's
    WebElement plan = reveal(By.cssSelector("[data-table='work-plan']"));
    String planText = plan.getText();
    assertThat(planText).contains("Tahun " + (year - 1), "Tahun " + year + " (ditinjau)", "Rp 1.500.000.000",
        "Rp 1.200.000.000", planStart.format(DAY_FIRST) + " s.d. " + planEnd.format(DAY_FIRST),
        "Pemetaan kebutuhan pelatihan", "Meningkatkan kapasitas aparatur Sulawesi Barat", "Disetujui", "Diajukan");
    screenshot("02-plan-beside-last-year");
    // the dossier: both signed documents, downloadable, uploaded by a person with a name
    WebElement documents = reveal(By.cssSelector("[data-table='documents']"));
    assertThat(documents.getText()).contains("Letter of Intent (LoI)", "Memorandum of Understanding (MoU)",
        "loi-sulbar.pdf", "mou-sulbar.pdf", "IT " + PROVINCE);
    WebElement download = documents.findElement(By.linkText("mou-sulbar.pdf"));
    assertThat(download.getAttribute("href")).endsWith("/api/agreements/" + agreementId + "/documents/"
        + documentId(agreementId, "MOU") + "/versions/1/content");
    // the timeline: names, Indonesian outcomes, Jakarta time
    WebElement timeline = reveal(By.cssSelector("[data-section='timeline']"));
    assertThat(timeline.getText()).contains("Riwayat keputusan", "IT " + PROVINCE, "Diunggah", "WIB");
    screenshot("03-documents-and-timeline");
    assertNothingRaw(text + "\n" + pageText(), agreementId);

    // --- a file that is not a PDF, JPEG or PNG: the server's reason in the tab, nothing stored
    Path notPdf = Files.createTempFile("mou-", ".pdf");
    Files.writeString(notPdf, "bukan PDF, hanya teks");
    WebElement refused = reveal(By.cssSelector("form[data-upload]"));
    new Select(refused.findElement(By.name("kind"))).selectByValue("MOU");
    refused.findElement(By.name("file")).sendKeys(notPdf.toAbsolutePath().toString());
    refused.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(d -> d.findElement(By.cssSelector(".ks-dossier-result")).getText().startsWith("Gagal: "));
    assertThat(driver.findElement(By.cssSelector(".ks-dossier-result")).getText())
        .contains("Jenis berkas tidak diterima; unggah PDF, JPEG atau PNG");
    screenshot("04-not-a-pdf-refused");
    assertThat(check(get(userOf("fasker"), "/api/agreements/" + agreementId + "/documents"), 200).json()
        .findValues("versionNo")).hasSize(2);

    // --- a new version of the MoU, uploaded right in the tab
    byte[] newVersion = pdf("MoU ditandatangani, halaman lampiran diperbaiki");
    Path file = Files.createTempFile("mou-sulbar-perbaikan-", ".pdf");
    Files.write(file, newVersion);
    WebElement uploadForm = reveal(By.cssSelector("form[data-upload]"));
    new Select(uploadForm.findElement(By.name("kind"))).selectByValue("MOU");
    uploadForm.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
    assertThat(uploadForm.findElement(By.cssSelector(".ks-dossier-chosen")).getText())
        .isEqualTo(file.getFileName().toString());
    uploadForm.findElement(By.cssSelector("button[type=submit]")).click();
    WebElement notice = waitFor(By.cssSelector(".ks-dossier-notice"));
    assertThat(notice.getText()).isEqualTo("Tersimpan: Memorandum of Understanding (MoU) versi 2 ("
        + file.getFileName() + ").");
    WebElement newRow = reveal(By.cssSelector("[data-table='documents'] tr[data-document='MOU'][data-version='2']"));
    assertThat(newRow.getText()).contains("Versi 2 (terbaru)", file.getFileName().toString(), "IT fasker");
    screenshot("05-new-version-uploaded");

    // read back from the documents API: the version the reviewer uploaded, by the reviewer, byte for byte
    JsonNode docs = check(get(userOf("fasker"), "/api/agreements/" + agreementId + "/documents"), 200).json();
    JsonNode mou = null;
    for (JsonNode d : docs) {
      if (d.get("kind").asText().equals("MOU")) {
        mou = d;
      }
    }
    assertThat(mou).isNotNull();
    assertThat(mou.get("versions")).hasSize(2);
    JsonNode latest = mou.get("versions").get(1);
    assertThat(latest.get("versionNo").asInt()).isEqualTo(2);
    assertThat(latest.get("fileName").asText()).isEqualTo(file.getFileName().toString());
    assertThat(latest.get("uploadedBy").asText()).isEqualTo(userOf("fasker"));
    assertThat(latest.get("sha256").asText()).isEqualTo(sha256(newVersion));
    assertNothingRaw(allText(By.cssSelector(".ks-dossier")) + "\n" + pageText(), agreementId);
    // the task itself is untouched: still open for Fasker's decision
    assertThat(openTasks(key)).containsExactly("UserTask_VerifyWorkPlan");
  }

  /**
   * The decision the issue started from, "Putuskan persetujuan pusat": no
   * plan and no document yet, but the proposal's content, the parties by
   * name and every earlier review of the route with its reviewer's name and
   * checklist, in the tab beside the form; the agreement view's names
   * section says who those reviewers are.
   */
  @Test
  void theCentralApprovalDecisionShowsTheProposalAndEveryEarlierReviewByName() {
    String title = "Pertukaran pelajar Sulawesi Barat dengan Prefektur Mitra";
    String key = propose(PROVINCE, "LUAR_NEGERI", PROVINCE, "76", title);
    approveUntil(key, "UserTask_DecideCentralApproval");
    long agreementId = agreementIdOf(key);
    String taskId = check(get(userOf("fasker"), "/engine-rest/task?processInstanceBusinessKey=" + key
        + "&taskDefinitionKey=UserTask_DecideCentralApproval"), 200).json().get(0).get("id").asText();
    JsonNode names = check(get(userOf("fasker"), "/api/agreements/" + agreementId), 200).json().get("names");
    assertThat(names.at("/people/it-" + PROVINCE).asText()).isEqualTo("IT " + PROVINCE);
    assertThat(names.at("/units/" + PROVINCE).asText()).isEqualTo("Provinsi Sulawesi Barat");
    assertThat(names.at("/sectors/PENDIDIKAN").asText()).isEqualTo("Pendidikan");
    assertThat(names.get("documentKinds").findValuesAsText("kind")).containsExactlyInAnyOrder("LOI", "MOU");

    driver.manage().window().setSize(new Dimension(1366, 768));
    login("tasklist", userOf("fasker"), PASSWORD);
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + taskId + "&detailsTab=kerjasama-dossier"));
    assertThat(waitFor(By.cssSelector(".ks-dossier .ks-dossier-title")).getText()).isEqualTo(title);
    LocalDate proposedStart = TODAY.plusMonths(1);
    assertThat(fact("proposedStart")).startsWith(proposedStart.format(DAY_FIRST));
    assertThat(fact("proposer")).isEqualTo("Provinsi Sulawesi Barat");
    assertThat(fact("locations")).isEqualTo("Provinsi Sulawesi Barat");
    assertThat(fact("sectors")).isEqualTo("Pendidikan");
    assertThat(fact("budget")).isEqualTo("Belum ada rencana kerja dengan anggaran");
    assertThat(fact("createdAt")).endsWith("oleh IT " + PROVINCE).contains("WIB");
    String text = allText(By.cssSelector(".ks-dossier"));
    assertThat(text).contains("Belum ada dokumen dalam berkas ini.", "Riwayat keputusan", "Usulan diajukan",
        "Disetujui");
    assertThat(driver.findElements(By.cssSelector("[data-section='work-plan'], [data-section='report']"))).isEmpty();
    reveal(By.cssSelector("[data-section='timeline']"));
    screenshot("10-central-approval-timeline");
    assertNothingRaw(text + "\n" + pageText(), agreementId);

    // on a phone: the same tab, nothing wider than the screen inside it
    driver.manage().window().setSize(new Dimension(390, 844));
    driver.navigate().refresh();
    assertThat(reveal(By.cssSelector(".ks-dossier .ks-dossier-title")).getText()).isEqualTo(title);
    reveal(By.cssSelector("form[data-upload]"));
    Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "const d = document.querySelector('.ks-dossier'); return d.scrollWidth - d.clientWidth;");
    assertThat(((Number) overflow).intValue()).as("horizontal overflow of the tab").isLessThanOrEqualTo(1);
    screenshot("11-phone");
  }

  /** No raw JSON, no ISO time stamps, no user ids or cooperation codes where a person reads. */
  private void assertNothingRaw(String visible, long agreementId) {
    assertThat(RAW_JSON.matcher(visible).find()).as("raw JSON in:\n" + visible).isFalse();
    assertThat(ISO_MOMENT.matcher(visible).find()).as("ISO time stamp in:\n" + visible).isFalse();
    assertThat(visible).doesNotContain("it-" + PROVINCE, "it-fasker", "LUAR_NEGERI", "undefined",
        "null", "NaN", "[object Object]", "/api/agreements/" + agreementId);
  }

  private String fact(String name) {
    return reveal(By.cssSelector(".ks-dossier dd[data-fact='" + name + "']")).getText();
  }

  /** Completes the reviews before Fasker's verification (as their groups); the verification's task id. */
  private int cycleYear(String key, String taskKey) {
    String taskId = check(get(userOf("fasker"), "/engine-rest/task?processInstanceBusinessKey=" + key
        + "&taskDefinitionKey=" + taskKey), 200).json().get(0).get("id").asText();
    return check(get(ADMIN, "/engine-rest/task/" + taskId + "/variables/cycleYear"), 200).json().get("value").asInt();
  }

  private long documentId(long agreementId, String kind) {
    for (JsonNode d : check(get(userOf("fasker"), "/api/agreements/" + agreementId + "/documents"), 200).json()) {
      if (d.get("kind").asText().equals(kind)) {
        return d.get("id").asLong();
      }
    }
    throw new AssertionError("no " + kind + " document");
  }




  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
