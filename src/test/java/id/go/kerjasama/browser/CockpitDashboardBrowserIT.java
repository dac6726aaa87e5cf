package id.go.kerjasama.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The supervisors' dashboard in Cockpit: a supervisor opens it from the
 * menu, finds an agreement in the table by number, province, status and end
 * date, opens its timeline, downloads the CSV, sees the portfolio charts and
 * the history of a finished cooperation and no write button; an
 * administrator redeploys the models from it. At 1366×768 and on a phone
 * (390×844) the last section is reached by scrolling with the mouse wheel,
 * as a user would (a script's scrollIntoView would also scroll a container
 * that hides its overflow, so it proves nothing).
 */
class CockpitDashboardBrowserIT extends BrowserTest {

  static final Dimension LAPTOP = new Dimension(1366, 768);
  static final Dimension PHONE = new Dimension(390, 844);

  @Test
  void aSupervisorSeesThePortfolioChartsAndAFinishedCooperationsHistory() {
    propose("province-21", "LUAR_NEGERI", "province-21", "21");
    String refused = propose("province-19", "LUAR_NEGERI", "province-19", "19");
    approveUntil(refused, "UserTask_ReviewByFasker");
    completeOverRest(refused, "UserTask_ReviewByFasker", "fasker",
        Map.of("decision", value("REFUSED"), "notes", value("Belum ada persetujuan DPRD")));

    driver.manage().window().setSize(new Dimension(1400, 2600));
    login("cockpit", userOf("supervisor"), PASSWORD);
    waitFor(By.id("kerjasama-dashboard-link")).click();
    waitFor(By.cssSelector("#kerjasama-dashboard[data-loaded='true']"));
    screenshot("01-dashboard");

    String text = allText(By.id("kerjasama-dashboard"));
    assertThat(text).contains("Dasbor Kerja Sama", "Cari kerja sama", "Kerja sama per fase dan jenis",
        "Kerja sama berjalan per provinsi", "Tugas terlambat per provinsi", "Kerja sama yang akan berakhir",
        "Hasil evaluasi", "Kerja sama yang sudah selesai", "Kepulauan Riau");
    assertThat(driver.findElements(By.cssSelector("svg[data-chart='phase-type'] rect.ks-bar"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("svg[data-chart='province'] rect.ks-bar"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("[data-chart='overdue']"))).hasSize(1);
    assertThat(driver.findElements(By.cssSelector("[data-chart='ratings']"))).hasSize(1);

    reveal(By.xpath("//table[@data-table='finished']//tr[td[text()='" + refused + "']]//button")).click();
    reveal(By.cssSelector("table[data-table='timeline']"));
    screenshot("02-history");
    assertThat(allText(By.cssSelector("[data-history]")))
        .contains("Riwayat " + refused, "Ditolak", "Verifikasi usulan kerja sama (Kemendagri)", "REFUSED",
            "Belum ada persetujuan DPRD", "IT fasker")
        .as("people by name, not by user id").doesNotContain("it-fasker");
    assertThat(driver.findElement(By.cssSelector("[data-history] table[data-table='timeline'] [data-user='"
        + userOf("fasker") + "']")).getAttribute("title")).isEqualTo(userOf("fasker"));
  }

  @Test
  void aSupervisorFindsAnAgreementInTheTableOpensItsTimelineAndDownloadsTheCsv() {
    String key = propose("province-82", "LUAR_NEGERI", "province-82", "82");
    String refused = propose("province-82", "LUAR_NEGERI", "province-82", "82");
    approveUntil(refused, "UserTask_ReviewByFasker");
    completeOverRest(refused, "UserTask_ReviewByFasker", "fasker",
        Map.of("decision", value("REFUSED"), "notes", value("Dokumen belum lengkap")));

    driver.manage().window().setSize(LAPTOP);
    login("cockpit", userOf("supervisor"), PASSWORD);
    driver.get(url("/camunda/app/cockpit/default/#/kerjasama"));
    waitFor(By.cssSelector("#kerjasama-dashboard[data-loaded='true']"));
    searchLoaded();

    // by number
    typeFilter("q", key);
    waitFor(By.cssSelector("[data-action='search']")).click();
    searchLoaded();
    List<WebElement> rows = driver.findElements(By.cssSelector("table[data-table='agreements'] tbody tr"));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getText()).contains(key, "Kerja sama uji peramban 82", "Maluku Utara",
        "Kerja sama luar negeri");
    assertThat(allText(By.cssSelector("[data-search-message]"))).isEqualTo("Menampilkan 1–1 dari 1 kerja sama.");
    screenshot("04-search-by-number");

    // by part of the title, in another case, with its type and phase; another phase does not find it
    JsonNode stored = check(get(userOf("fasker"), "/api/agreements/" + agreementIdOf(key)), 200).json();
    typeFilter("q", "UJI PERAMBAN 82");
    new Select(driver.findElement(By.cssSelector("select[data-filter='type']")))
        .selectByVisibleText(stored.get("typeLabel").asText());
    Select phase = new Select(driver.findElement(By.cssSelector("select[data-filter='phase']")));
    phase.selectByVisibleText(stored.get("phaseLabel").asText());
    driver.findElement(By.cssSelector("[data-action='search']")).click();
    searchLoaded();
    assertThat(allText(By.cssSelector("table[data-table='agreements'] tbody"))).contains(key);
    String otherPhase = phase.getOptions().stream().map(WebElement::getText)
        .filter(label -> !label.equals("Semua") && !label.equals(stored.get("phaseLabel").asText()))
        .findFirst().orElseThrow();
    phase.selectByVisibleText(otherPhase);
    driver.findElement(By.cssSelector("[data-action='search']")).click();
    searchLoaded();
    assertThat(driver.findElements(By.cssSelector("table[data-table='agreements'] tbody tr")).stream()
        .map(WebElement::getText)).noneMatch(row -> row.contains(key));
    new Select(driver.findElement(By.cssSelector("select[data-filter='type']"))).selectByVisibleText("Semua");
    phase.selectByVisibleText("Semua");

    // by province and status: only the refused one of province 82
    typeFilter("q", "");
    new Select(driver.findElement(By.cssSelector("select[data-filter='province']"))).selectByVisibleText("Maluku Utara");
    new Select(driver.findElement(By.cssSelector("select[data-filter='status']"))).selectByVisibleText("Ditolak");
    driver.findElement(By.cssSelector("[data-action='search']")).click();
    searchLoaded();
    String table = allText(By.cssSelector("table[data-table='agreements'] tbody"));
    assertThat(table).contains(refused, "Ditolak").doesNotContain(key);
    screenshot("05-search-by-province-and-status");

    // an end date typed the Indonesian way; an impossible one is refused with a message
    typeFilter("endBefore", "31/02/2027");
    driver.findElement(By.cssSelector("[data-action='search']")).click();
    assertThat(waitFor(By.cssSelector("[data-search-message].ks-error")).getText())
        .contains("Tanggal \"31/02/2027\" tidak dikenali", "hari/bulan/tahun");
    typeFilter("endBefore", "01/01/2000");
    driver.findElement(By.cssSelector("[data-action='search']")).click();
    searchLoaded();
    assertThat(allText(By.cssSelector("[data-search-message]")))
        .isEqualTo("Tidak ada kerja sama yang cocok dengan saringan ini.");
    typeFilter("endBefore", "");

    // the CSV link carries the same filters and downloads with the Cockpit session
    driver.findElement(By.cssSelector("[data-action='search']")).click();
    searchLoaded();
    String csvHref = driver.findElement(By.cssSelector("[data-action='csv']")).getAttribute("href");
    assertThat(csvHref).contains("/api/agreements.csv?", "province=province-82", "status=REFUSED");
    String csv = (String) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('ERROR ' + e));",
        csvHref);
    assertThat(csv).contains("registration_number", refused).doesNotContain(key);

    // the row opens the agreement's timeline, with a link to its process instance in Cockpit;
    // who acted is shown by name (the user id only as the name's title), not as a user id
    reveal(By.cssSelector("[data-timeline-of='" + refused + "']")).click();
    WebElement timeline = reveal(By.cssSelector("table[data-table='agreement-timeline']"));
    screenshot("06-agreement-timeline");
    assertThat(allText(By.cssSelector("[data-agreement-history]")))
        .contains("Riwayat " + refused, "Ditolak", "Dokumen belum lengkap", "IT fasker", "IT province-82",
            "Usulan diajukan")
        .doesNotContain("REFUSED", "SUBMITTED", userOf("fasker"), userOf("province-82"));
    assertThat(timeline.findElement(By.xpath(".//span[text()='IT fasker']")).getAttribute("title"))
        .isEqualTo(userOf("fasker"));
    assertThat(timeline.getText()).matches("(?s).*\\d{2}/\\d{2}/\\d{4} \\d{2}\\.\\d{2}.*");
    assertThat(driver.findElement(By.cssSelector("[data-process-instance]")).getAttribute("href"))
        .contains("#/process-instance/");

    // read-only: no write button, and the server refuses the redeploy anyway
    assertThat(driver.findElement(By.id("kerjasama-dashboard")).getAttribute("data-role")).isEqualTo("read-only");
    assertThat(driver.findElements(By.cssSelector("[data-action='redeploy']"))).isEmpty();
    assertThat(postAsSession("/camunda/api/cockpit/plugin/kerjasama/default/dashboard/redeploy"))
        .startsWith("403").contains("Hanya administrator");

    scrollToTheLastSection("Kerja sama yang sudah selesai", "07-supervisor-last-section-1366x768");
    driver.manage().window().setSize(PHONE);
    driver.navigate().refresh();
    waitFor(By.cssSelector("#kerjasama-dashboard[data-loaded='true']"));
    scrollToTheLastSection("Kerja sama yang sudah selesai", "08-supervisor-last-section-390x844");
  }

  @Test
  void anAdministratorReachesTheRedeployButtonByScrollingAndRedeploysTheModels() {
    driver.manage().window().setSize(PHONE);
    login("cockpit", ADMIN, ADMIN_PASSWORD);
    driver.get(url("/camunda/app/cockpit/default/#/kerjasama"));
    waitFor(By.cssSelector("#kerjasama-dashboard[data-loaded='true']"));
    assertThat(driver.findElement(By.id("kerjasama-dashboard")).getAttribute("data-role")).isEqualTo("admin");
    scrollToTheLastSection("Administrasi", "09-admin-last-section-390x844");

    driver.manage().window().setSize(LAPTOP);
    driver.navigate().refresh();
    waitFor(By.cssSelector("#kerjasama-dashboard[data-loaded='true']"));
    WebElement last = scrollToTheLastSection("Administrasi", "10-admin-last-section-1366x768");
    WebElement redeploy = last.findElement(By.cssSelector("[data-action='redeploy']"));
    assertThat(endVisible(redeploy)).as("the redeploy button is on screen").isTrue();
    redeploy.click();
    WebElement message = waitFor(By.cssSelector("[data-redeploy-result] .ks-message"));
    screenshot("03-redeploy");
    // the packaged models are deployed already
    assertThat(message.getText()).startsWith("Tidak ada perubahan").contains("berkas sudah terpasang");
  }

  /**
   * Scrolls the dashboard with the mouse wheel until its last section is on
   * screen, asserts it is that section and that a user can see it (the
   * element at its middle is part of it, not clipped or covered by the
   * footer), saves a screenshot and returns it.
   */
  private WebElement scrollToTheLastSection(String title, String screenshot) {
    WebElement dashboard = driver.findElement(By.id("kerjasama-dashboard"));
    List<WebElement> sections = dashboard.findElements(By.cssSelector("section.ks-card"));
    WebElement last = sections.get(sections.size() - 1);
    assertThat(last.findElement(By.tagName("h3")).getText()).isEqualTo(title);
    for (int i = 0; i < 80 && !endVisible(last); i++) {
      new Actions(driver).scrollFromOrigin(WheelInput.ScrollOrigin.fromViewport(12, 300), 0, 300).perform();
    }
    assertThat(endVisible(last)).as("the end of the last section '%s' can be scrolled into view", title).isTrue();
    assertThat(((JavascriptExecutor) driver).executeScript(
        "const r = arguments[0]; return r.scrollWidth <= r.clientWidth;", dashboard))
        .as("nothing makes the dashboard wider than the window").isEqualTo(true);
    screenshot(screenshot);
    return last;
  }

  /** The element's bottom edge is inside the window and is what a click there would hit (not clipped or covered). */
  private boolean endVisible(WebElement element) {
    return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
        "const e = arguments[0], r = e.getBoundingClientRect();"
            + "const x = Math.min(r.left + 8, window.innerWidth - 1), y = r.bottom - 4;"
            + "if (y < 0 || y > window.innerHeight) return false;"
            + "const hit = document.elementFromPoint(x, y);"
            + "return !!hit && e.contains(hit);",
        element));
  }

  private void searchLoaded() {
    wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("[data-search-results][data-loaded='true']")));
  }

  private void typeFilter(String filter, String text) {
    WebElement field = driver.findElement(By.cssSelector("input[data-filter='" + filter + "']"));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
    field.clear();
    field.sendKeys(text);
  }

  /** POSTs with the browser's session and Cockpit's CSRF token; answers "status body". */
  private String postAsSession(String path) {
    return (String) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "const token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || '';"
            + "fetch(arguments[0], {method: 'POST', credentials: 'same-origin',"
            + " headers: {'X-XSRF-TOKEN': token, Accept: 'application/json'}})"
            + ".then(r => r.text().then(t => done(r.status + ' ' + t)), e => done('ERROR ' + e));",
        path);
  }
}
