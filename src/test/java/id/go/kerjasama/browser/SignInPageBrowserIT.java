package id.go.kerjasama.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.SessionRepository;

/**
 * Kerjasama's own sign-in page, {@code /masuk} (docs/security.md "Sign-in page"): an officer opens the
 * application's root, signs in there in Bahasa Indonesia at 1366×768 and at 390×844 and reads the task
 * list in Tasklist; and the attacks: a cross-site sign-in without Camunda's CSRF token, a redirect
 * parameter pointing elsewhere, a wrong password, a throttled account, and the page's own policy. After a
 * sign-out in Tasklist or Cockpit, a session that expired under an open Tasklist (also at "Selesaikan"), or a
 * webapp opened without a session, the officer is on this page and signs in again; the application's own
 * logo is on this page and in each webapp's header.
 */
class SignInPageBrowserIT extends BrowserTest {

  static final Dimension LAPTOP = new Dimension(1366, 768);
  static final Dimension PHONE = new Dimension(390, 844);
  static final String WRONG = "Kredensial salah, pengguna terkunci, atau tidak memiliki hak akses ke aplikasi";
  static final String THROTTLED = "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam";

  final HttpClient http = HttpClient.newHttpClient();

  @Autowired
  SessionRepository<?> sessions;

  @Test
  void anOfficerOpensTheRootSignsInOnTheSignInPageAndReadsHisTask() {
    String officer = officerOfProvince94();
    JsonNode task = claimedProposal("Kerja sama uji halaman masuk", officer);
    String key = task.get("businessKey").asText();
    String taskId = task.get("id").asText();

    for (Dimension size : List.of(LAPTOP, PHONE)) {
      String suffix = size.getWidth() + "x" + size.getHeight();
      driver.manage().deleteAllCookies();
      driver.manage().window().setSize(size);
      driver.get(url("/"));
      WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.id("tombol-masuk")));
      assertThat(driver.getCurrentUrl()).isEqualTo(url("/masuk"));
      assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");
      assertThat(driver.getTitle()).contains("Kerjasama");
      assertThat(pageText()).contains("Kerjasama", "Silakan Masuk", "Nama pengguna", "Kata sandi");
      assertThat(button.getText()).isEqualTo("Masuk");
      WebElement logo = driver.findElement(By.cssSelector("header img.logo"));
      assertThat(logo.getAttribute("alt")).isEqualTo("Logo Kerjasama");
      assertThat(logo.isDisplayed()).isTrue();
      assertThat(((Number) ((JavascriptExecutor) driver).executeScript("return arguments[0].naturalWidth;", logo))
          .intValue()).as("the logo loads").isPositive();
      WebElement name = driver.findElement(By.id("nama-pengguna"));
      WebElement password = driver.findElement(By.id("kata-sandi"));
      // the whole form is on screen, the button included, without scrolling
      assertThat(onScreen(button)).as("the button at " + suffix).isTrue();
      assertThat(name.getSize().getWidth()).as("the field fits the width at " + suffix)
          .isLessThanOrEqualTo(size.getWidth() - 32);
      screenshot("01-form-" + suffix);

      name.sendKeys(officer);
      password.sendKeys(PASSWORD);
      password.sendKeys(Keys.ENTER);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tasks-list li.task")));
      assertThat(driver.getCurrentUrl()).startsWith(url("/camunda/app/tasklist/default/"));
      wait.until(d -> allText(By.cssSelector(".tasks-list")).contains(key));
      screenshot("02-task-list-" + suffix);
    }
  }

  @Test
  void signingOutOfTasklistLeadsToTheSignInPageWhereTheOfficerSignsInAgain() {
    String officer = userOf("province-94");
    signInOnThePage("/masuk", officer, PASSWORD);
    waitFor(By.partialLinkText("Tugas saya"));
    assertOwnLogoInTheHeader("tasklist");
    screenshot("05-tasklist-header");

    signOut();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tombol-masuk")));
    // Kerjasama's page, for Tasklist, with no place to return to: the next officer starts at the start
    assertThat(driver.getCurrentUrl()).isEqualTo(url("/masuk?aplikasi=tasklist"));
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");
    assertThat(pageText()).contains("Silakan Masuk", "Nama pengguna", "Kata sandi");
    assertThat(sessionUser()).as("signed out").isEqualTo(404);
    screenshot("06-signed-out");

    signInOnThePage(null, officer, PASSWORD);
    waitFor(By.partialLinkText("Tugas saya"));
    assertThat(driver.getCurrentUrl()).startsWith(url("/camunda/app/tasklist/default/"));
    assertThat(sessionUser()).isEqualTo(200);
  }

  @Test
  void signingOutOfCockpitLeadsToTheSignInPageWhichLeadsBackToCockpit() {
    login("cockpit", ADMIN, ADMIN_PASSWORD);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header] .account")));
    assertOwnLogoInTheHeader("cockpit");
    screenshot("07-cockpit-header");

    signOut();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tombol-masuk")));
    assertThat(driver.getCurrentUrl()).isEqualTo(url("/masuk?aplikasi=cockpit"));
    assertThat(driver.getPageSource()).as("Tasklist's files are not fetched for Cockpit")
        .doesNotContain("rel=\"prefetch\"");
    screenshot("08-signed-out-of-cockpit");
    signInOnThePage(null, ADMIN, ADMIN_PASSWORD);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header] .account")));
    assertThat(driver.getCurrentUrl()).startsWith(url("/camunda/app/cockpit/default/"));
  }

  @Test
  void adminAndWelcomeShowTheApplicationsLogoToo() {
    login("admin", ADMIN, ADMIN_PASSWORD);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header] .account")));
    assertOwnLogoInTheHeader("admin");
    screenshot("09-admin-header");
    driver.get(url("/camunda/app/welcome/default/"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header] .account")));
    assertOwnLogoInTheHeader("welcome");
    screenshot("10-welcome-header");
  }

  @Test
  void anExpiredSessionLeadsBackToTheSignInPageAndThenToTheSameTask() {
    String officer = officerOfProvince94();
    JsonNode task = claimedProposal("Kerja sama uji sesi berakhir", officer);
    String key = task.get("businessKey").asText();
    String taskId = task.get("id").asText();
    JsonNode otherTask = claimedProposal("Kerja sama uji sesi lain", officer);
    String other = otherTask.get("businessKey").asText();
    String otherId = otherTask.get("id").asText();

    signInOnThePage("/masuk", officer, PASSWORD);
    wait.until(d -> allText(By.cssSelector(".tasks-list")).contains(key) && allText(By.cssSelector(".tasks-list"))
        .contains(other));
    openTask(key);
    wait.until(ExpectedConditions.urlContains("task=" + taskId));
    WebElement field = waitFor(By.cssSelector(".fjs-form textarea, .fjs-form input.fjs-input[type=text]"));
    field.sendKeys("Catatan yang diketik sebelum sesi berakhir");
    screenshot("11-typing-in-a-task");

    // the session ends on the server (as after its idle timeout), the browser still holds its cookie
    expireSessionOnTheServer();
    openTask(other);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tombol-masuk")));
    assertThat(driver.getCurrentUrl()).startsWith(url("/masuk?aplikasi=tasklist#/"));
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");
    assertThat(pageText()).contains("Silakan Masuk", "Nama pengguna", "Kata sandi");
    screenshot("12-session-expired");

    signInOnThePage(null, officer, PASSWORD);
    wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/default/"));
    assertThat(sessionUser()).isEqualTo(200);
    // back in Tasklist at the place the page was opening when the session was found gone: the other task
    wait.until(ExpectedConditions.urlContains("task=" + otherId));
    waitFor(By.cssSelector(".fjs-form"));
    screenshot("13-signed-in-again");
    // what was typed in the first task is there again: Tasklist saved it in the browser when the session was
    // found gone, before this page went to /masuk (docs/security.md "Sign-out and expired sessions")
    openTask(key);
    wait.until(ExpectedConditions.urlContains("task=" + taskId));
    wait.until(d -> d.findElement(By.cssSelector(".fjs-form textarea, .fjs-form input.fjs-input[type=text]"))
        .getAttribute("value").equals("Catatan yang diketik sebelum sesi berakhir"));
    screenshot("14-typed-text-kept");
  }

  /**
   * One login: a webapp's page opened without a session (a reload after the session cookie is gone, a
   * bookmark of a Cockpit view) leads to this page, never to Camunda's own login form, and after the
   * sign-in back to the place opened (the address's fragment, which the browser keeps through the redirect).
   */
  @Test
  void aWebappOpenedWithoutASessionLeadsToTheSignInPageAndBackToThePlaceOpened() {
    String officer = officerOfProvince94();
    JsonNode task = claimedProposal("Kerja sama uji tanpa sesi", officer);
    String key = task.get("businessKey").asText();
    String taskId = task.get("id").asText();

    // a reload of an open task once the session cookie is gone
    signInOnThePage("/masuk", officer, PASSWORD);
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + taskId));
    waitFor(By.cssSelector(".fjs-form"));
    driver.manage().deleteCookieNamed("JSESSIONID");
    driver.navigate().refresh();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tombol-masuk")));
    // the place as Tasklist wrote it into the address (the task, then its list's filter and sorting)
    assertThat(driver.getCurrentUrl()).startsWith(url("/masuk?aplikasi=tasklist#/?task=" + taskId));
    assertThat(driver.findElements(By.cssSelector("[cam-widget-header], .login-header"))).as("not Camunda's form")
        .isEmpty();
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");
    assertThat(pageText()).contains("Silakan Masuk", "Nama pengguna", "Kata sandi");
    screenshot("15-reloaded-without-session");
    signInOnThePage(null, officer, PASSWORD);
    wait.until(ExpectedConditions.urlContains("task=" + taskId));
    assertThat(waitFor(By.cssSelector(".fjs-form")).isDisplayed()).isTrue();
    assertThat(sessionUser()).isEqualTo(200);

    // a bookmark of Cockpit's dashboard in a browser without any session: the same page, for Cockpit
    driver.manage().deleteAllCookies();
    driver.get(url("/camunda/app/cockpit/default/#/kerjasama"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tombol-masuk")));
    assertThat(driver.getCurrentUrl()).isEqualTo(url("/masuk?aplikasi=cockpit#/kerjasama"));
    screenshot("16-cockpit-bookmark-without-session");
    signInOnThePage(null, userOf("supervisor"), PASSWORD);
    waitFor(By.cssSelector("#kerjasama-dashboard"));
    assertThat(driver.getCurrentUrl()).startsWith(url("/camunda/app/cockpit/default/#/kerjasama"));

    // Admin and Welcome as well
    for (String app : List.of("admin", "welcome")) {
      driver.manage().deleteAllCookies();
      driver.get(url("/camunda/app/" + app + "/default/"));
      wait.until(ExpectedConditions.elementToBeClickable(By.id("tombol-masuk")));
      assertThat(driver.getCurrentUrl()).as(app).isEqualTo(url("/masuk?aplikasi=" + app));
    }
  }

  /**
   * "Selesaikan" pressed after the session expired: the call is refused as a session that ended (401, not
   * Camunda's CSRF 403), Tasklist keeps what was typed in the browser and the officer is sent to this
   * page; after the sign-in the task is open again with what was typed, and "Selesaikan" now completes it.
   */
  @Test
  void completingATaskAfterTheSessionExpiredLeadsToTheSignInPageAndKeepsWhatWasTyped() {
    // Fasker's review of a province's foreign cooperation
    String officer = userOf("fasker");
    String key = propose("province-94", "LUAR_NEGERI", "province-94", "94", "Kerja sama uji selesaikan");
    approveUntil(key, "UserTask_ReviewByFasker");
    JsonNode task = check(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + key
        + "&taskDefinitionKey=UserTask_ReviewByFasker"), 200).json().get(0);
    String taskId = task.get("id").asText();
    check(post(officer, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", officer)), 204);

    signInOnThePage("/masuk", officer, PASSWORD);
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + taskId));
    waitFor(By.cssSelector(".fjs-form"));
    String note = "Syarat sudah diperiksa sebelum sesi berakhir";
    reveal(By.cssSelector("input[id$='-Field_04-0']")).click();
    // approving needs every condition of the checklist ticked (the server checks it)
    for (int condition = 0; condition < 5; condition++) {
      reveal(By.cssSelector("input[id$='-Field_05-" + condition + "']")).click();
    }
    reveal(By.cssSelector("textarea[id$='-Field_06']")).sendKeys(note);
    screenshot("17-typed-before-expiry");

    expireSessionOnTheServer();
    reveal(By.cssSelector("button.btn-primary[ng-click='complete()']")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tombol-masuk")));
    assertThat(driver.getCurrentUrl()).startsWith(url("/masuk?aplikasi=tasklist#/?task=" + taskId));
    assertThat(pageText()).contains("Silakan Masuk");
    screenshot("18-sent-to-sign-in-after-expiry");
    assertThat(openTasks(key)).as("nothing was completed").containsExactly("UserTask_ReviewByFasker");

    signInOnThePage(null, officer, PASSWORD);
    wait.until(ExpectedConditions.urlContains("task=" + taskId));
    wait.until(d -> note.equals(d.findElement(By.cssSelector(".fjs-form textarea[id$='-Field_06']"))
        .getAttribute("value")));
    assertThat(driver.findElement(By.cssSelector("input[id$='-Field_04-0']")).isSelected()).isTrue();
    assertThat(driver.findElements(By.cssSelector("input[id*='-Field_05-']"))).hasSize(5)
        .allMatch(WebElement::isSelected);
    screenshot("19-typed-text-back");
    reveal(By.cssSelector("button.btn-primary[ng-click='complete()']")).click();
    wait.until(d -> !openTasks(key).contains("UserTask_ReviewByFasker"));
    // what the engine received with the completion: the text typed before the session expired
    JsonNode received = check(get(ADMIN, "/engine-rest/history/detail?processInstanceId="
        + task.get("processInstanceId").asText() + "&variableUpdates=true&variableName=checklistNotes"), 200).json();
    assertThat(received.findValuesAsText("value")).contains(note);
  }

  @Test
  void aRedirectParameterIsIgnoredTheSignInAlwaysEndsInTasklist() {
    String officer = userOf("province-94");
    driver.get(url("/masuk?redirect=https://contoh.example/&next=//contoh.example/&target=https://contoh.example/"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tombol-masuk")));
    assertThat(driver.getPageSource()).doesNotContain("contoh.example");
    driver.findElement(By.id("nama-pengguna")).sendKeys(officer);
    WebElement password = driver.findElement(By.id("kata-sandi"));
    password.sendKeys(PASSWORD);
    password.sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/default/"));
    assertThat(URI.create(driver.getCurrentUrl()).getHost()).isEqualTo("localhost");
    assertThat(driver.getCurrentUrl()).doesNotContain(PASSWORD).doesNotContain("contoh.example");
  }

  @Test
  void aWrongPasswordShowsTasklistsIndonesianMessageAndMakesNoSession() {
    String officer = userOf("province-94");
    driver.get(url("/masuk"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tombol-masuk")));
    driver.findElement(By.id("nama-pengguna")).sendKeys(officer);
    WebElement password = driver.findElement(By.id("kata-sandi"));
    password.sendKeys("Salah-Sandi-123!");
    password.sendKeys(Keys.ENTER);
    WebElement message = waitFor(By.id("pesan"));
    assertThat(message.getText()).contains("Gagal Masuk", WRONG);
    assertThat(driver.getCurrentUrl()).isEqualTo(url("/masuk"));
    assertThat(password.getAttribute("value")).as("the wrong password is not kept").isEmpty();
    screenshot("03-wrong-password");
    assertThat(sessionUser()).as("no one is signed in").isEqualTo(404);
  }

  @Test
  void aThrottledAccountStaysThrottledThroughThisPage() throws Exception {
    String user = dedicatedUser("it-masuk-throttle");
    String address = "203.0.113.150";
    // the browser comes from an address of its own (the integration tests trust X-Forwarded-For, as behind
    // the production proxy), so that no other test's address is throttled
    ((ChromeDriver) driver).executeCdpCommand("Network.enable", Map.of());
    ((ChromeDriver) driver).executeCdpCommand("Network.setExtraHTTPHeaders",
        Map.of("headers", Map.of("X-Forwarded-For", address)));
    driver.get(url("/masuk"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tombol-masuk")));
    WebElement name = driver.findElement(By.id("nama-pengguna"));
    WebElement password = driver.findElement(By.id("kata-sandi"));
    name.sendKeys(user);
    for (int i = 0; i < 5; i++) {
      password.sendKeys("tebakan-" + i);
      password.sendKeys(Keys.ENTER);
      int attempt = i;
      wait.until(d -> d.findElement(By.id("pesan")).isDisplayed()
          && d.findElement(By.id("tombol-masuk")).isEnabled() && password.getAttribute("value").isEmpty());
      assertThat(driver.findElement(By.id("pesan")).getText()).as("attempt " + attempt).contains(WRONG);
    }
    // the right password now waits, through this page as through Tasklist's own form
    password.sendKeys(PASSWORD);
    password.sendKeys(Keys.ENTER);
    wait.until(d -> d.findElement(By.id("pesan")).getText().contains(THROTTLED));
    assertThat(driver.findElement(By.id("pesan")).getText()).contains("Gagal Masuk").matches("(?s).*\\d+ detik\\..*");
    assertThat(driver.getCurrentUrl()).isEqualTo(url("/masuk"));
    assertThat(sessionUser()).as("the right password signed nobody in while the account waits").isEqualTo(404);
    screenshot("04-throttled");
  }

  @Test
  void aCrossSiteSignInWithoutCamundasTokenIsRefusedAndSignsNobodyIn() throws Exception {
    String officer = userOf("province-94");
    HttpResponse<String> forged = crossSiteLogin(officer, PASSWORD);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).doesNotContain("userId");
    // the page itself takes no form: a POST to it signs nobody in
    HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(url("/masuk")))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://contoh.example")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + officer + "&password=" + PASSWORD)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).isEqualTo(405);
    assertThat(posted.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void thePageIsSmallHasAStrictPolicyIsNeverKeptAndPrefetchesWhatTasklistLoads() throws Exception {
    HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(url("/"))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/masuk");

    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url("/masuk"))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    // no inline script: every <script> has a src and no body
    assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)", Pattern.CASE_INSENSITIVE).matcher(page.body()).find())
        .isFalse();
    assertThat(page.body()).doesNotContainPattern("(?i)\\son[a-z]+=");
    long bytes = page.body().getBytes(StandardCharsets.UTF_8).length;
    List<String> ownFiles = addresses(page.body(), "(?:src|href)=\"(/masuk/[^\"]+)\"").stream().distinct().toList();
    assertThat(ownFiles).as("script, style sheet and logo (also the icon)").hasSize(3);
    for (String own : ownFiles) {
      HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(url(own))).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(file.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
      if (own.contains("logo.svg")) {
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(new String(file.body(), StandardCharsets.UTF_8)).contains("<title", "Logo Kerjasama")
            .doesNotContain("<script");
      }
      bytes += file.body().length;
    }
    assertThat(bytes).as("page, script, style sheet and logo together, uncompressed").isLessThan(16 * 1024);

    // every prefetched address answers; Camunda's bundles among them are kept for a year
    List<String> prefetch = addresses(page.body(), "<link rel=\"prefetch\" data-href=\"([^\"]+)\"");
    assertThat(prefetch).contains("/camunda/lib/deps.js?bust=7.24.0",
        "/camunda/app/tasklist/camunda-tasklist-bootstrap.js?bust=7.24.0",
        "/camunda/app/tasklist/camunda-tasklist-bootstrap.css?bust=7.24.0",
        "/camunda/assets/IBMPlexSans-Regular.woff2?bust=7.24.0",
        "/camunda/app/tasklist/scripts/kerjasama-forms.js?bust=7.24.0");
    // nothing the browser could not keep (Camunda's plugin files under /camunda/api have no cache header)
    assertThat(prefetch).noneMatch(address -> address.startsWith("/camunda/api/"));
    for (String address : prefetch) {
      HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url(address))).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(answer.statusCode()).as(address).isEqualTo(200);
      if (address.contains("/lib/deps.js") || address.contains("-bootstrap.")) {
        assertThat(answer.headers().firstValue("Cache-Control").orElseThrow()).as(address).contains("immutable");
      }
    }
  }

  @Test
  void theAppParameterTakesOnlyTheFourWebappsAndThePlaceStaysOnTheirPage() throws Exception {
    for (String foreign : List.of("https://contoh.example/", "//contoh.example", "cockpit/../../x", "Tasklist")) {
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url("/masuk?aplikasi="
          + URLEncoder.encode(foreign, StandardCharsets.UTF_8)))).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).as(foreign).doesNotContain("contoh.example")
          .contains("data-target=\"/camunda/app/tasklist/default/\"", "/login/tasklist\"");
    }
    // a fragment that looks like an address stays the fragment of Cockpit's page on this host
    String officer = userOf("province-94");
    driver.get(url("/masuk?aplikasi=cockpit#//contoh.example/"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tombol-masuk")));
    driver.findElement(By.id("nama-pengguna")).sendKeys(ADMIN);
    WebElement password = driver.findElement(By.id("kata-sandi"));
    password.sendKeys(ADMIN_PASSWORD);
    password.sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("/camunda/app/cockpit/default/"));
    assertThat(URI.create(driver.getCurrentUrl()).getHost()).isEqualTo("localhost");
    assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/camunda/app/cockpit/default/");
    assertThat(officer).isNotBlank();
  }

  /** The test user of province 94's TKKSD, made staff of the province too (as the demo users are). */
  private String officerOfProvince94() {
    String officer = userOf("tkksd-province-94");
    if (check(get(ADMIN, "/engine-rest/group/count?id=province-94&member=" + officer), 200).json()
        .get("count").asInt() == 0) {
      check(put(ADMIN, "/engine-rest/group/province-94/members/" + officer, null), 204);
    }
    return officer;
  }

  /**
   * A foreign cooperation of province 94 titled {@code title}, proposed over REST; its first task (the
   * TKKSD's review) claimed by {@code officer}: the task as the engine's REST API answers it, with the
   * agreement's {@code businessKey} added.
   */
  private JsonNode claimedProposal(String title, String officer) {
    String key = propose("province-94", "LUAR_NEGERI", "province-94", "94", title);
    com.fasterxml.jackson.databind.node.ObjectNode task = (com.fasterxml.jackson.databind.node.ObjectNode)
        check(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + key), 200).json().get(0);
    check(post(officer, "/engine-rest/task/" + task.get("id").asText() + "/claim", Map.of("userId", officer)), 204);
    return task.put("businessKey", key);
  }

  /** Opens {@code start} (or stays on the sign-in page shown) and signs in there with Enter. */
  private void signInOnThePage(String start, String user, String password) {
    if (start != null) {
      driver.get(url(start));
    }
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tombol-masuk")));
    driver.findElement(By.id("nama-pengguna")).sendKeys(user);
    WebElement secret = driver.findElement(By.id("kata-sandi"));
    secret.sendKeys(password);
    secret.sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("/camunda/app/"));
  }

  /** "Keluar" in the header's account menu, as an officer signs out. */
  private void signOut() {
    waitFor(By.cssSelector("[cam-widget-header] .account .dropdown-toggle")).click();
    waitFor(By.cssSelector("[cam-widget-header] .account .logout a")).click();
  }

  /** Opens the task of the agreement {@code key} from the task list by its card. */
  private void openTask(String key) {
    WebElement card = wait.until(d -> d.findElements(By.cssSelector(".tasks-list li.task")).stream()
        .filter(task -> task.getText().contains(key)).findFirst().orElse(null));
    card.findElement(By.cssSelector("h4 a")).click();
  }

  /**
   * Ends the browser's session on the server, as its idle timeout does (Spring Session's store, where the
   * expired sessions' cleanup deletes it); the browser keeps its cookie.
   */
  private void expireSessionOnTheServer() {
    Cookie cookie = driver.manage().getCookieNamed("JSESSIONID");
    assertThat(cookie).as("the browser has a session").isNotNull();
    // Spring Session's cookie carries the session id in Base64
    String id = new String(java.util.Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
    assertThat(sessions.findById(id)).as("the server knows the session").isNotNull();
    sessions.deleteById(id);
    assertThat(sessions.findById(id)).isNull();
  }

  /**
   * The header of the webapp {@code app} shows Kerjasama's logo, loaded, instead of Camunda's, and the name
   * "Kerjasama <app>" (also the window's title).
   */
  private void assertOwnLogoInTheHeader(String app) {
    WebElement logo = waitFor(By.cssSelector("[cam-widget-header] .navbar-brand .brand-logo"));
    assertThat(logo.getSize().getWidth()).as(app).isGreaterThanOrEqualTo(24);
    assertThat(logo.getSize().getHeight()).as(app).isGreaterThanOrEqualTo(24);
    String image = logo.getCssValue("background-image");
    assertThat(image).as(app).contains("/camunda/app/kerjasama-logo.svg");
    assertThat(logo.findElements(By.cssSelector("svg")).stream().noneMatch(WebElement::isDisplayed))
        .as("Camunda's logo hidden in " + app).isTrue();
    // the image itself loads: the browser draws it at its size
    Number width = (Number) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; const img = new Image();"
            + "img.onload = () => done(img.naturalWidth); img.onerror = () => done(-1);"
            + "img.src = arguments[0];", image.replaceAll("^url\\(\"?|\"?\\)$", ""));
    assertThat(width.intValue()).as("the logo of " + app + " loads").isPositive();
    String name = driver.findElement(By.cssSelector("[cam-widget-header] .navbar-brand .brand-name")).getText();
    assertThat(name).as(app).startsWith("Kerjasama ").doesNotContain("Camunda");
    assertThat(driver.getTitle()).as(app).startsWith("Kerjasama");
  }

  private static List<String> addresses(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    List<String> found = new java.util.ArrayList<>();
    while (m.find()) {
      found.add(m.group(1).replace("&amp;", "&").replace("&#x3D;", "="));
    }
    return found;
  }

  private boolean onScreen(WebElement element) {
    return (Boolean) ((JavascriptExecutor) driver).executeScript(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight"
            + " && r.left >= 0 && r.right <= innerWidth;", element);
  }

  /** Asks Camunda, from the page, who is signed in: 200 with the user, or 404 for no one. */
  private int sessionUser() {
    return ((Number) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin'})"
            + "  .then(r => done(r.status), () => done(-1));")).intValue();
  }

  /**
   * Camunda's webapp login as a page on another site would make the officer's browser send it: with the
   * browser's session, without the session's CSRF token (another site cannot read it); then asks, in the
   * same session, who is signed in.
   */
  private HttpResponse<String> crossSiteLogin(String user, String password) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .build();
    URI who = URI.create(url("/camunda/api/admin/auth/user/default"));
    assertThat(browser.send(HttpRequest.newBuilder(who).GET().build(), HttpResponse.BodyHandlers.discarding())
        .headers().firstValue("X-XSRF-TOKEN")).as("the session has a token").isPresent();
    HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(
            URI.create(url("/camunda/api/admin/auth/user/default/login/tasklist")))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .header("Origin", "https://contoh.example")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(browser.send(HttpRequest.newBuilder(who).GET().build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).as("nobody signed in in that session").isEqualTo(404);
    return answer;
  }

  /** A user of this test only, member of a province, with the tests' password. */
  private String dedicatedUser(String userId) {
    if (get(ADMIN, "/engine-rest/user/" + userId + "/profile").status() == 404) {
      check(post(ADMIN, "/engine-rest/user/create", Map.of(
          "profile", Map.of("id", userId, "firstName", "Penguji", "lastName", "Masuk", "email", userId + "@kerjasama.test"),
          "credentials", Map.of("password", PASSWORD))), 204);
      check(put(ADMIN, "/engine-rest/group/province-94/members/" + userId, null), 204);
    }
    return userId;
  }
}
