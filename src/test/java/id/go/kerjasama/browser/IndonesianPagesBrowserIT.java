package id.go.kerjasama.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.http.MediaType;

/**
 * What an officer reads outside the forms (issue 13, "English at the moments
 * that matter"): the error pages of the application are Indonesian for
 * browsers (and JSON for JSON clients), the webapps' pages declare
 * {@code lang="id"}, and Camunda's "migrate to Camunda 8" banner is hidden.
 */
class IndonesianPagesBrowserIT extends BrowserTest {

  @Test
  void aProvinceOfficerWhoOpensCockpitSeesAnIndonesianPageWithTheWayBack() {
    login("tasklist", userOf("province-32"), PASSWORD);
    driver.get(url("/camunda/app/cockpit/default/"));
    WebElement back = waitFor(By.linkText("Kembali ke Tasklist"));
    screenshot("01-forbidden");
    assertThat(lang()).isEqualTo("id");
    assertThat(pageText()).contains("Akses ditolak", "Anda tidak berhak membuka halaman ini")
        .doesNotContain("Whitelabel", "Exception", "Forbidden", "status=");

    back.click();
    wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
    waitFor(By.cssSelector("[cam-widget-header]"));
  }

  @Test
  void anUnknownAddressShowsAnIndonesianPageToBrowsersAndJsonToJsonClients() {
    driver.get(url("/camunda-tidak-ada"));
    waitFor(By.linkText("Kembali ke Tasklist"));
    screenshot("02-not-found");
    assertThat(lang()).isEqualTo("id");
    assertThat(pageText()).contains("Halaman tidak ditemukan").doesNotContain("Whitelabel", "Not Found");

    // as a browser asks: the same page, with its status
    Response html = client(null, null).get().uri("/camunda-tidak-ada")
        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        .exchange((req, res) -> new Response(res.getStatusCode().value(),
            new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8), json));
    assertThat(html.status()).isEqualTo(404);
    assertThat(html.body()).contains("<html lang=\"id\">", "Halaman tidak ditemukan", "/camunda/app/tasklist/");

    // a JSON client still gets JSON
    Response data = client(null, null).get().uri("/camunda-tidak-ada").accept(MediaType.APPLICATION_JSON)
        .exchange((req, res) -> new Response(res.getStatusCode().value(),
            new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8), json));
    assertThat(data.status()).isEqualTo(404);
    assertThat(data.json().get("status").asInt()).isEqualTo(404);
    assertThat(data.body()).doesNotContain("<html");
  }

  @Test
  void theWebappsDeclareIndonesianAndHideTheCamunda8Banner() {
    login("tasklist", userOf("province-32"), PASSWORD);
    WebElement banner = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ce-eol-banner")));
    screenshot("03-tasklist");
    assertThat(lang()).isEqualTo("id");
    assertThat(banner.isDisplayed()).isFalse();
    assertThat(pageText()).doesNotContain("Camunda 8");

    driver.manage().deleteAllCookies();
    login("cockpit", ADMIN, ADMIN_PASSWORD);
    banner = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ce-eol-banner")));
    screenshot("04-cockpit");
    assertThat(lang()).isEqualTo("id");
    assertThat(banner.isDisplayed()).isFalse();
    assertThat(pageText()).doesNotContain("Camunda 8");

    // English pinned: the page says so
    driver.get(url("/camunda/app/admin/default/?lang=en"));
    try {
      waitFor(By.cssSelector("[cam-widget-header]"));
    } catch (org.openqa.selenium.TimeoutException e) {
      // the page's own nonces beside the console: a CSP nonce refused here was seen once in CI (session 8)
      java.util.regex.Matcher nonces = java.util.regex.Pattern.compile("nonce=\"[^\"]*\"").matcher(
          driver.getPageSource());
      java.util.List<String> pageNonces = new java.util.ArrayList<>();
      while (nonces.find()) {
        pageNonces.add(nonces.group());
      }
      throw new AssertionError("admin ?lang=en: page " + driver.getCurrentUrl() + " with " + pageNonces + "; "
          + driver.manage().logs().get("browser").getAll(), e);
    }
    assertThat(lang()).isEqualTo("en");
    driver.get(url("/camunda/app/admin/default/?lang=auto"));
    waitFor(By.cssSelector("[cam-widget-header]"));
    assertThat(lang()).isEqualTo("id");
  }

  @Test
  void cockpitAdminAndWelcomeNameTheFooterZoneAsOfficersSayIt() {
    // an officer in Jayapura: the browser's zone is Asia/Jayapura, the footers say WIT, not the IANA name
    ((org.openqa.selenium.chrome.ChromeDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride",
        java.util.Map.of("timezoneId", "Asia/Jayapura"));
    login("admin", ADMIN, ADMIN_PASSWORD);
    for (String app : java.util.List.of("admin", "welcome", "cockpit")) {
      driver.get(url("/camunda/app/" + app + "/default/"));
      try {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(90)).until(d ->
            // the whole sentence: "WIT" alone can stand beside Camunda's untranslated key while the labels load
            !d.findElements(By.id("footer-timezone")).isEmpty() && allText(By.id("footer-timezone")).contains("WIT")
                && allText(By.id("footer-timezone")).contains("Tanggal dan waktu"));
      } catch (org.openqa.selenium.TimeoutException e) {
        throw new AssertionError(app + ": " + driver.manage().logs().get("browser").getAll(), e);
      }
      screenshot("05-footer-" + app);
      assertThat(allText(By.id("footer-timezone")).replaceAll("\\s+", " ").trim()).as(app)
          .isEqualTo("Tanggal dan waktu ditampilkan dalam zona waktu lokal: WIT (Waktu Indonesia Timur)");
      assertThat(pageText()).as(app).doesNotContain("Asia/Jayapura");
    }
    // a device set to UTC says it is none of the three, rather than looking like the application's time
    ((org.openqa.selenium.chrome.ChromeDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride",
        java.util.Map.of("timezoneId", "UTC"));
    // (another address than Admin's first load: the same page loaded again in one browser is answered 304
    // and shown with the first load's script nonce, which the new Content-Security-Policy blocks)
    driver.get(url("/camunda/app/admin/default/?lang=auto"));
    try {
      wait.until(d -> !d.findElements(By.id("footer-timezone")).isEmpty()
          && allText(By.id("footer-timezone")).contains("bukan WIB/WITA/WIT"));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("admin in UTC: " + driver.manage().logs().get("browser").getAll(), e);
    }
    assertThat(allText(By.id("footer-timezone"))).contains("UTC (UTC+00.00, bukan WIB/WITA/WIT)");
  }

  private String lang() {
    return (String) ((JavascriptExecutor) driver).executeScript("return document.documentElement.lang;");
  }
}
