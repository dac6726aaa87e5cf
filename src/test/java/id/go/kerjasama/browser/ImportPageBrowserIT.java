package id.go.kerjasama.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administrator's import page (legacyimport/ImportPage): the administrator finds it on the Cockpit
 * dashboard's administration card, uploads a small CSV with one bad row, watches the progress bar reach
 * 100 %, sees the refused row with its line number and Indonesian reason, finds the import again after a
 * reload; the imported agreements are then read back from the registry. A supervisor sees no link and is
 * refused the page.
 */
class ImportPageBrowserIT extends BrowserTest {

  static final int GOOD_ROWS = 12;

  @Test
  void anAdministratorUploadsACsvAndWatchesTheBarReachAHundredPercent() throws Exception {
    String tag = "hal" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    List<String> lines = new ArrayList<>();
    lines.add("legacy_number,cooperation_type,title,partner_name,partner_country,proposer_unit,location_provinces,"
        + "sectors,document_kind,document_number,signatories,signed_on,start_date,end_date");
    for (int i = 1; i <= GOOD_ROWS; i++) {
      lines.add(String.join(",", tag + "/" + i, "DALAM_NEGERI", "Kerja sama unggah halaman " + tag + " nomor " + i,
          "Pemerintah Daerah Mitra " + i, "Indonesia", "province-52", "52", "EKONOMI", "PKS", "PKS/" + tag + "/" + i,
          "", TODAY.minusMonths(2).toString(), TODAY.minusMonths(2).toString(), TODAY.plusYears(2).toString()));
    }
    // line GOOD_ROWS + 2: ends before it starts
    lines.add(String.join(",", tag + "/salah", "DALAM_NEGERI", "Kerja sama dengan tanggal terbalik " + tag,
        "Pemerintah Daerah Mitra", "Indonesia", "province-52", "52", "EKONOMI", "PKS", "PKS/" + tag + "/salah", "",
        TODAY.minusMonths(2).toString(), TODAY.minusMonths(2).toString(), TODAY.minusMonths(3).toString()));
    Path file = Files.createTempFile("impor-" + tag, ".csv");
    Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);

    login("cockpit", ADMIN, ADMIN_PASSWORD);
    driver.get(url("/camunda/app/cockpit/default/#/kerjasama"));
    waitFor(By.cssSelector("#kerjasama-dashboard[data-loaded='true']"));
    WebElement link = reveal(By.cssSelector("a[data-link='legacy-import']"));
    assertThat(link.getText()).isEqualTo("Impor data kerja sama lama (CSV)");
    screenshot("01-dashboard-link");
    link.click();

    waitFor(By.id("import"));
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");
    assertThat(pageText()).contains("Impor data kerja sama lama", "Berkas CSV", "Impor terakhir");
    screenshot("02-page");
    driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    driver.findElement(By.id("submit")).click();

    WebElement accepted = waitFor(By.cssSelector("#message.ok"));
    assertThat(accepted.getText()).contains("diterima sebagai impor #").contains("berjalan di latar belakang");
    String importId = waitFor(By.cssSelector("#current[data-import-id]")).getAttribute("data-import-id");

    // the bar as the administrator sees it, until it is done
    Set<String> seen = new LinkedHashSet<>();
    new WebDriverWait(driver, Duration.ofSeconds(180)).pollingEvery(Duration.ofMillis(200)).until(d -> {
      // the page sets status and bar in one script step: the status first, so the bar read after it is as new
      String status = d.findElement(By.id("current")).getAttribute("data-status");
      seen.add(d.findElement(By.id("percent")).getText());
      return "FINISHED".equals(status);
    });
    screenshot("03-done");
    assertThat(driver.findElement(By.id("percent")).getText()).isEqualTo("100 %");
    assertThat(driver.findElement(By.id("bar")).getAttribute("aria-valuenow")).isEqualTo("100");
    assertThat(seen).as("what the bar showed").last().isEqualTo("100 %");
    assertThat(driver.findElement(By.id("counts")).getText()).isEqualTo(GOOD_ROWS + " dari " + (GOOD_ROWS + 1)
        + " baris diimpor · sudah ada sebelumnya: 0 · ditolak: 1 · menunggu: 0");
    assertThat(driver.findElement(By.id("state")).getText()).startsWith("Selesai ")
        .contains(GOOD_ROWS + " baris diimpor, 1 baris ditolak");
    WebElement refused = waitFor(By.cssSelector("#rejected tr[data-line='" + (GOOD_ROWS + 2) + "']"));
    assertThat(refused.getText()).contains(tag + "/salah", "Tanggal berakhir harus sesudah tanggal mulai");

    // read back from the registry: the agreements of the file are there, with their titles
    JsonNode found = check(get(userOf("fasker"), "/api/agreements?size=50&q=" + tag), 200).json();
    assertThat(found.get("totalItems").asInt()).isEqualTo(GOOD_ROWS);
    assertThat(found.findValuesAsText("title")).contains("Kerja sama unggah halaman " + tag + " nomor 1",
        "Kerja sama unggah halaman " + tag + " nomor " + GOOD_ROWS)
        .doesNotContain("Kerja sama dengan tanggal terbalik " + tag);

    // a reload lists the import with its state and shows it again
    driver.navigate().refresh();
    // the list is drawn again when the page's first poll answers: each look finds the row anew
    By listed = By.cssSelector("#import-list tr[data-import-id='" + importId + "']");
    String fileName = file.getFileName().toString();
    new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
        .withMessage("the reloaded page lists import #" + importId + " of " + fileName + " as Selesai")
        .until(d -> {
          String row = d.findElement(listed).getText();
          return row.contains("Selesai") && row.contains(fileName);
        });
    wait.until(d -> importId.equals(d.findElement(By.id("current")).getAttribute("data-import-id"))
        && "100 %".equals(d.findElement(By.id("percent")).getText()));
    screenshot("04-after-reload");
    Files.deleteIfExists(file);
  }

  @Test
  void aSupervisorSeesNoLinkAndIsRefusedThePage() {
    login("cockpit", userOf("supervisor"), PASSWORD);
    driver.get(url("/camunda/app/cockpit/default/#/kerjasama"));
    waitFor(By.cssSelector("#kerjasama-dashboard[data-loaded='true']"));
    assertThat(driver.findElements(By.cssSelector("a[data-link='legacy-import']"))).isEmpty();

    driver.get(url("/api/admin/imports/page"));
    WebElement refused = waitFor(By.id("refused"));
    screenshot("05-refused");
    assertThat(refused.getText()).startsWith("Halaman ini hanya untuk administrator.")
        .contains(userOf("supervisor"), "tidak berhak mengimpor");
    assertThat(driver.findElements(By.id("import"))).isEmpty();
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");
  }
}
