package id.go.kerjasama.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monitoring phase in Tasklist (issue 13): a province's foreign
 * cooperation (Kalimantan Barat, 61) is brought over REST through approval,
 * signing (LoI and MoU with their uploads) and an approved work plan that
 * reports per semester, so its first progress report is due. In Chromium
 * (id-ID, 1366×768) the province's officer opens "Sampaikan laporan
 * kemajuan", types the report with the realised budget the Indonesian way
 * ({@code 1.250.000}) and sends it; Fasker opens "Tinjau laporan kemajuan",
 * reads the report in the tab "Berkas kerja sama" (amount as
 * {@code Rp 1.250.000}, the officer by name, the due moment in WIB) beside
 * last year's report of the same period (as the registry would hold it in a
 * second year: an accepted report, {@code Rp 980.000}) and accepts it with a
 * note. The registry's {@code /api/agreements/{id}/reports}
 * then holds exactly what was typed — the texts and 1250000 — with the status
 * "Diterima" and Fasker's review.
 */
class ProgressReportBrowserIT extends BrowserTest {

  static final String PROVINCE = "province-61";
  static final String TITLE = "Pendampingan UMKM Kalimantan Barat bersama Prefektur Mitra";
  static final List<String> DAYS = List.of("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu");

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theProvinceReportsItsSemesterAndFaskerAcceptsTheReport() {
    String key = propose(PROVINCE, "LUAR_NEGERI", PROVINCE, "61", TITLE);
    approveUntil(key, "UserTask_RecordLoiSigning");
    long agreementId = agreementIdOf(key);
    signAndPlan(key, agreementId);
    String submitTask = waitForTask(key, "UserTask_SubmitProgressReport");
    int year = TODAY.getYear();
    // last year's accepted report of the same period, as the registry holds it in a cooperation's second year
    // (inserted before this year's is sent, so this year's is the latest one)
    String period = check(get(ADMIN, "/engine-rest/task/" + submitTask + "/variables/reportPeriod"), 200).json()
        .get("value").asText();
    String lastYearsAchievements = "30 pelaku UMKM di Pontianak dilatih pengemasan produk";
    jdbc.update("""
        INSERT INTO progress_report (agreement_id, budget_year, period, annual, version, status, reporting_unit,
          achievements, obstacles, challenges, benefits, budget_realised, budget_currency, notes, due_at, late,
          submitted_by, submitted_at, decided_at)
        VALUES (?, ?, ?, false, 1, 'ACCEPTED', ?, ?, 'Pelatih mitra terlambat datang', 'Bahan baku mahal',
          'Kemasan produk peserta lebih menarik', 980000, 'IDR', 'Laporan tahun pertama', ?, false, ?, ?, ?)""",
        agreementId, year - 1, period, PROVINCE, lastYearsAchievements,
        java.sql.Timestamp.valueOf(LocalDate.of(year - 1, 7, 10).atTime(9, 0)), userOf(PROVINCE),
        java.sql.Timestamp.valueOf(LocalDate.of(year - 1, 7, 3).atTime(10, 0)),
        java.sql.Timestamp.valueOf(LocalDate.of(year - 1, 7, 20).atTime(14, 0)));

    // --- the province's officer files the report in Tasklist's form
    driver.manage().window().setSize(new Dimension(1366, 768));
    login("tasklist", userOf(PROVINCE), PASSWORD);
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + submitTask));
    waitFor(By.cssSelector(".fjs-form"));
    wait.until(d -> allText(By.cssSelector(".fjs-form")).contains(key));
    // the due date in words and in Jakarta time, as the engine holds it
    ZonedDateTime due = dueOf(submitTask);
    assertThat(allText(By.cssSelector(".fjs-form"))).contains("Sampaikan laporan kemajuan", "Berkas kerja sama",
        "Batas waktu: " + DAYS.get(due.getDayOfWeek().getValue() - 1) + ", " + due.getDayOfMonth() + " "
            + IndonesianDataEntryBrowserIT.monthName(due.toLocalDate()) + " " + due.getYear() + " pukul "
            + due.format(DateTimeFormatter.ofPattern("HH.mm")) + " WIB");
    screenshot("01-report-task-opened");
    reveal(By.cssSelector("button.claim")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));

    Map<String, String> typed = new java.util.LinkedHashMap<>();
    typed.put("achievements", "45 pelaku UMKM di Pontianak dan Singkawang dilatih pemasaran daring");
    typed.put("obstacles", "Jaringan internet di Kapuas Hulu belum stabil");
    typed.put("challenges", "Jadwal pelatih mitra bergeser satu minggu");
    typed.put("benefits", "Penjualan daring peserta naik 20% dalam tiga bulan");
    typed.put("notes", "Laporan periode berjalan tahun " + year);
    Map<String, String> fields = Map.of("achievements", "Field_05", "obstacles", "Field_06",
        "challenges", "Field_07", "benefits", "Field_08", "notes", "Field_11");
    typed.forEach((name, text) -> type("textarea[id$='-" + fields.get(name) + "']", text));
    // the realised budget with dots between the thousands, in an amount field that reads it the Indonesian way
    WebElement amount = reveal(By.cssSelector("input[id$='-Field_09']"));
    assertThat(amount.getAttribute("class")).contains("ks-amount");
    type("input[id$='-Field_09']", "1.250.000");
    reveal(By.cssSelector("textarea[id$='-Field_11']")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.btn-primary[ng-click='complete()']")));
    assertThat(amount.getAttribute("value")).isEqualTo("1.250.000");
    assertThat(driver.findElements(By.cssSelector(".fjs-form .ks-field-error"))).isEmpty();
    // the currency comes from the approved work plan
    assertThat(allText(By.cssSelector(".fjs-form"))).contains("IDR").doesNotContain("Wajib diisi.");
    screenshot("02-report-typed");
    // the day it was sent, in Jakarta: the run may cross midnight WIB (17:00 UTC) while it is being sent
    java.time.LocalDate sentFrom = java.time.LocalDate.now(ZoneId.of("Asia/Jakarta"));
    complete();
    String reviewTask = waitForTask(key, "UserTask_ReviewProgressReport");
    List<String> sentOn = java.util.stream.Stream.of(sentFrom, java.time.LocalDate.now(ZoneId.of("Asia/Jakarta")))
        .distinct().map(day -> "IT " + PROVINCE + ", " + day.format(DateTimeFormatter.ofPattern(
            "dd/MM/yyyy"))).toList();
    screenshot("03-report-sent");

    // --- Fasker reviews it, reading the report in the tab beside the form
    driver.manage().deleteAllCookies();
    login("tasklist", userOf("fasker"), PASSWORD);
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + reviewTask + "&detailsTab=kerjasama-dossier"));
    assertThat(waitFor(By.cssSelector(".ks-dossier .ks-dossier-title")).getText()).isEqualTo(TITLE);
    WebElement report = reveal(By.cssSelector("[data-table='report']"));
    String reportText = report.getText();
    // the amount as Rupiah, the due moment and the day it was sent day first, the officer by name,
    // each beside last year's report of the same period
    assertThat(reportText).contains(year + " (ditinjau)", "Versi 1 · Diterima Versi 1 · Disampaikan",
        "Realisasi anggaran Rp 980.000 Rp 1.250.000", due.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH.mm"))
        + " WIB").doesNotContain("(tidak ada)", "980000");
    assertThat(report.findElement(By.xpath(".//thead/tr/th[2]")).getText()).endsWith(" " + (year - 1));
    assertThat(report.findElement(By.xpath(".//tr[th[text()='Capaian']]")).getText())
        .isEqualTo("Capaian " + lastYearsAchievements + " " + typed.get("achievements"));
    assertThat(sentOn).as(reportText).anyMatch(reportText::contains);
    typed.values().forEach(text -> assertThat(reportText).contains(text));
    assertThat(reportText).doesNotContain("1250000", "it-" + PROVINCE, "undefined", "null", "NaN");
    screenshot("04-report-in-the-dossier-tab");

    driver.findElement(By.linkText("Formulir")).click();
    waitFor(By.cssSelector(".fjs-form"));
    assertThat(allText(By.cssSelector(".fjs-form"))).contains("Tinjau laporan kemajuan", key);
    reveal(By.cssSelector("button.claim")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    reveal(By.cssSelector("input[id$='-Field_03-0']")).click();
    String reviewNotes = "Capaian sesuai rencana kerja; lanjutkan pendampingan di Kapuas Hulu";
    type("textarea[id$='-Field_04']", reviewNotes);
    screenshot("05-review-decided");
    complete();
    wait.until(d -> !openTasks(key).contains("UserTask_ReviewProgressReport"));
    screenshot("06-review-sent");

    // --- read back from the registry: what was typed, and Fasker's decision
    JsonNode reports = check(get(userOf("fasker"), "/api/agreements/" + agreementId + "/reports"), 200).json();
    assertThat(reports).hasSize(2);
    JsonNode view = null;
    for (JsonNode r : reports) {
      if (r.get("report").get("budgetYear").asInt() == year) {
        view = r;
      }
    }
    assertThat(view).as("this year's report").isNotNull();
    JsonNode stored = view.get("report");
    JsonNode content = stored.get("content");
    typed.forEach((name, text) -> assertThat(content.get(name).asText()).as(name).isEqualTo(text));
    assertThat(content.get("budgetRealised").decimalValue()).isEqualByComparingTo("1250000");
    assertThat(content.get("budgetCurrency").asText()).isEqualTo("IDR");
    assertThat(stored.get("budgetYear").asInt()).isEqualTo(year);
    assertThat(stored.get("version").asInt()).isEqualTo(1);
    assertThat(stored.get("submittedBy").asText()).isEqualTo(userOf(PROVINCE));
    assertThat(stored.get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(view.get("statusLabel").asText()).isEqualTo("Diterima");
    assertThat(view.get("reviews")).hasSize(1);
    JsonNode review = view.get("reviews").get(0);
    assertThat(review.get("step").asText()).isEqualTo("FASKER");
    assertThat(review.get("reviewer").asText()).isEqualTo(userOf("fasker"));
    assertThat(review.get("decision").asText()).isEqualTo("ACCEPTED");
    assertThat(review.get("notes").asText()).isEqualTo(reviewNotes);
  }

  /**
   * The LoI and the MoU signed with their uploads, and this year's work plan
   * (from today, reporting per semester, so no reporting timer is due yet)
   * drafted by the province and approved by its reviewers, over REST.
   */
  private void signAndPlan(String key, long agreementId) {
    LocalDate start = TODAY.minusDays(10);
    LocalDate end = start.plusYears(2);
    signLoiAndMou(key, agreementId, PROVINCE, "61", "kalbar", 
        "Gubernur Kalimantan Barat, Perwakilan Mitra", start, end);
    completeOverRest(key, "UserTask_DraftWorkPlan", PROVINCE, Map.ofEntries(
        Map.entry("objectives", value("Meningkatkan daya saing UMKM Kalimantan Barat")),
        Map.entry("targets", value("100 pelaku UMKM terlatih")),
        Map.entry("activities", value("Pelatihan pemasaran daring dan pendampingan")),
        Map.entry("budgetAmount", Map.of("value", 750000000L, "type", "Long")),
        Map.entry("budgetCurrency", value("IDR")),
        Map.entry("planStart", value(TODAY.toString())),
        Map.entry("planEnd", value(TODAY.getYear() + "-12-31")),
        Map.entry("schedule", value("Sepanjang tahun anggaran")),
        Map.entry("reportFrequency", value("SEMESTER")),
        Map.entry("masterPlanReference", value("RIK-01/" + TODAY.getYear())),
        Map.entry("notes", value("Rencana kerja tahun pertama"))));
    // the plan's reviews, each by its candidate group, until the first report is due
    for (int i = 0; i < 20 && !openTasks(key).contains("UserTask_SubmitProgressReport"); i++) {
      JsonNode tasks = check(get(userOf("fasker"), "/engine-rest/task?processInstanceBusinessKey=" + key), 200).json();
      for (JsonNode task : tasks) {
        String taskKey = task.get("taskDefinitionKey").asText();
        if (taskKey.startsWith("UserTask_ReviewWorkPlan") || taskKey.equals("UserTask_VerifyWorkPlan")) {
          String taskId = task.get("id").asText();
          JsonNode links = check(get(ADMIN, "/engine-rest/task/" + taskId + "/identity-links?type=candidate"), 200)
              .json();
          String user = userOf(links.findValuesAsText("groupId").contains("fasker") ? "fasker"
              : links.get(0).get("groupId").asText());
          check(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)), 204);
          check(post(user, "/engine-rest/task/" + taskId + "/submit-form",
              Map.of("variables", Map.of("decision", value("APPROVED")))), 204);
        }
      }
      pause();
    }
  }

  /** The task's due moment in Jakarta time, as the engine's REST API answers it. */
  private ZonedDateTime dueOf(String taskId) {
    String due = check(get(ADMIN, "/engine-rest/task/" + taskId), 200).json().get("due").asText();
    return OffsetDateTime.parse(due, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
        .atZoneSameInstant(ZoneId.of("Asia/Jakarta"));
  }

  private void complete() {
    ((JavascriptExecutor) driver).executeScript("document.activeElement && document.activeElement.blur()");
    WebElement button = reveal(By.cssSelector("button.btn-primary[ng-click='complete()']"));
    wait.until(ExpectedConditions.elementToBeClickable(button));
    button.click();
  }




  private static void pause() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
