package id.go.kerjasama.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kerjasama.approval.ApprovalWalk;
import id.go.kerjasama.it.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests: the whole application (as in the integration
 * tests: postgres profile on embedded PostgreSQL, random port) driven by a
 * headless Chromium in Bahasa Indonesia through Debian's {@code chromium}
 * and {@code chromium-driver}. Runs only with {@code mvn verify -Pbrowser}.
 * Every step can leave a screenshot and the page source in
 * {@code target/screenshots/}; a failing test always does.
 */
public abstract class BrowserTest extends IntegrationTest {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final String CHROMIUM = System.getProperty("browser.binary", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("browser.driver", "/usr/bin/chromedriver");

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

  protected WebDriver driver;
  protected WebDriverWait wait;

  /**
   * English a user must never read on a page of ours (issue 13, "English at
   * the moments that matter"): form-js' and the browser's own words, the
   * engine's and Spring's error texts, Camunda's banner, the words of the
   * webapps we translated. Each is matched as a whole word, case-sensitive,
   * in the text the page shows; {@link #screenshot} checks every page a test
   * takes a picture of.
   */
  static final List<String> ENGLISH = List.of("Field is required", "Select", "Search", "No results",
      "Cannot submit task form", "Whitelabel Error Page", "Choose File", "No file chosen", "It is time to migrate",
      "Submit", "Cancel", "Claim", "Unclaim", "Start process", "Sign in", "Log out", "Username", "Password",
      "Forbidden", "Loading", "Actions", "Not Found", "Internal Server Error", "Invalid date");

  @RegisterExtension
  final TestExecutionExceptionHandler screenshotOnFailure = (context, failure) -> {
    if (driver != null) {
      save("FAILED-" + context.getRequiredTestMethod().getName());
    }
    throw failure;
  };

  @BeforeEach
  void startBrowser() {
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
      throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
          + ": apt-get install -y chromium chromium-driver");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--lang=id", "--accept-lang=id-ID,id", "--window-size=1400,1000");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "id-ID,id"));
    moreOptions(options);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    // Angular re-renders a form while a condition reads it: an element found a moment ago is then gone, and
    // the condition is asked again instead of failing the test (seen in CI: SignInPageBrowserIT)
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  /** A test's own browser options (for example a test that needs HTTPS with a self-signed certificate). */
  protected void moreOptions(ChromeOptions options) {
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  /**
   * Logs in to a Camunda webapp ({@code tasklist}, {@code cockpit}, {@code admin}): its page opened without a
   * session leads to Kerjasama's sign-in page {@code /masuk}, which leads back to the app.
   */
  protected void login(String app, String user, String password) {
    driver.get(url("/camunda/app/" + app + "/default/"));
    if (driver.getCurrentUrl().contains("/masuk")) {
      // its button is enabled once its script has the session's token
      wait.until(ExpectedConditions.elementToBeClickable(By.id("tombol-masuk")));
    }
    // On a loaded machine the form can be shown before Angular has bound it: typed text is then
    // re-rendered away, or Enter submits nothing. Type again (at most three times) until the form
    // goes away; a wrong password still fails, after the last attempt.
    By passwordField = By.cssSelector("input[type=password]");
    for (int attempt = 1; ; attempt++) {
      try {
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=text]")));
        WebElement secret = driver.findElement(passwordField);
        name.clear();
        name.sendKeys(user);
        secret.clear();
        secret.sendKeys(password);
        if (user.equals(name.getAttribute("value")) && password.equals(secret.getAttribute("value"))) {
          secret.sendKeys(Keys.ENTER);
          new WebDriverWait(driver, Duration.ofSeconds(attempt < 3 ? 15 : 30))
              .until(ExpectedConditions.invisibilityOfElementLocated(passwordField));
          return;
        }
      } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.StaleElementReferenceException
          | org.openqa.selenium.NoSuchElementException e) {
        if (driver.findElements(passwordField).isEmpty()) {
          return; // signed in after all
        }
        if (attempt >= 3) {
          throw e;
        }
      }
      if (attempt >= 3) {
        throw new IllegalStateException("The login form of " + app + " kept losing what was typed");
      }
    }
  }

  protected WebElement waitFor(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits for the element to exist, scrolls it into view and returns it. */
  protected WebElement reveal(By by) {
    WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(by));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    return wait.until(ExpectedConditions.visibilityOf(element));
  }

  /** All text of the element, also the parts scrolled out of view. */
  protected String allText(By by) {
    return driver.findElement(by).getAttribute("textContent");
  }

  protected String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Submits a proposal over REST as the test user of {@code asGroup}; returns its registration number. */
  protected String propose(String asGroup, String type, String proposer, String provinceCode) {
    return propose(asGroup, type, proposer, provinceCode, "Kerja sama uji peramban " + provinceCode);
  }

  /** As {@link #propose(String, String, String, String)}, with the cooperation's title. */
  protected String propose(String asGroup, String type, String proposer, String provinceCode, String title) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("cooperationType", value(type));
    vars.put("title", value(title));
    vars.put("partnerName", value("Mitra uji peramban"));
    vars.put("partnerCountry", value("Jepang"));
    vars.put("proposerUnit", value(proposer));
    vars.put("locationProvinces", json("[\"" + provinceCode + "\"]"));
    vars.put("sectors", json("[\"PENDIDIKAN\"]"));
    vars.put("proposedStart", value(TODAY.plusMonths(1).toString()));
    vars.put("durationMonths", Map.of("value", 24, "type", "Long"));
    return started(check(post(userOf(asGroup), "/engine-rest/process-definition/key/cooperation-lifecycle/submit-form",
        Map.of("variables", vars)), 200).json()).get("businessKey").asText();
  }

  /** Claims and submits the agreement's open task {@code taskKey} over REST as the test user of {@code group}. */
  protected void completeOverRest(String key, String taskKey, String group, Map<String, Object> variables) {
    awaitFollowUps(key);
    JsonNode tasks = check(get(userOf("fasker"), "/engine-rest/task?processInstanceBusinessKey=" + key
        + "&taskDefinitionKey=" + taskKey), 200).json();
    String taskId = tasks.get(0).get("id").asText();
    String user = userOf(group);
    check(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)), 204);
    check(post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables)), 204);
    awaitFollowUps(key);
  }

  /**
   * Approves the agreement's central-approval tasks over REST, each as a
   * member of its candidate group, until the task {@code taskKey} is open.
   */
  protected void approveUntil(String key, String taskKey) {
    for (int i = 0; i < 30; i++) {
      awaitFollowUps(key);
      JsonNode tasks = check(get(userOf("fasker"), "/engine-rest/task?processInstanceBusinessKey=" + key
          + "&sortBy=created&sortOrder=asc"), 200).json();
      if (tasks.findValuesAsText("taskDefinitionKey").contains(taskKey)) {
        return;
      }
      String open = tasks.get(0).get("taskDefinitionKey").asText();
      if (!ApprovalWalk.TASKS.contains(open)) {
        throw new AssertionError("Waiting for " + taskKey + " but " + open + " is open");
      }
      Map<String, Object> answer = new HashMap<>();
      ApprovalWalk.approving(open).forEach((name, v) -> answer.put(name, value(v.toString())));
      String taskId = tasks.get(0).get("id").asText();
      JsonNode links = check(get(ADMIN, "/engine-rest/task/" + taskId + "/identity-links?type=candidate"), 200).json();
      String user = userOf(links.get(0).get("groupId").asText());
      check(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)), 204);
      check(post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", answer)), 204);
    }
    throw new AssertionError(taskKey + " of " + key + " never opened");
  }

  /** The task definition keys of the agreement's open tasks. */
  protected java.util.List<String> openTasks(String key) {
    awaitFollowUps(key);
    return check(get(userOf("fasker"), "/engine-rest/task?processInstanceBusinessKey=" + key), 200).json()
        .findValuesAsText("taskDefinitionKey");
  }

  /**
   * Saves {@code target/screenshots/<TestClass>-<name>.png} and the page
   * source next to it, and checks that the page shows none of the
   * {@link #ENGLISH} words (every step a test pictures is a page a user reads).
   */
  protected void screenshot(String name) {
    save(name);
    assertNoEnglish(name);
  }

  /** The page's visible text holds none of {@link #ENGLISH}. */
  protected void assertNoEnglish(String where) {
    String text = pageText();
    List<String> found = ENGLISH.stream()
        .filter(word -> Pattern.compile("(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])").matcher(text).find())
        .toList();
    if (!found.isEmpty()) {
      throw new AssertionError("English on the page " + where + " (" + driver.getCurrentUrl() + "): " + found);
    }
  }

  private void save(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      String base = getClass().getSimpleName() + "-" + name;
      Files.write(SCREENSHOTS.resolve(base + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      Files.writeString(SCREENSHOTS.resolve(base + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The agreement id of the instance with this registration number, read as Fasker over REST. */
  protected long agreementIdOf(String key) {
    String taskId = check(get(userOf("fasker"), "/engine-rest/task?processInstanceBusinessKey=" + key), 200).json()
        .get(0).get("id").asText();
    return check(get(userOf("fasker"), "/engine-rest/task/" + taskId + "/variables/agreementId"), 200).json()
        .get("value").asLong();
  }

  /** A small PDF whose content names {@code what}. */
  protected static byte[] pdf(String what) {
    return ("%PDF-1.4\n% " + what + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Over REST as {@code group}: uploads the LoI ({@code loi-<region>.pdf}) and records its signing, uploads
   * the MoU ({@code mou-<region>.pdf}) and records it ({@code LOI/<code>/001}, {@code MOU/<code>/001}, both
   * from {@code start} to {@code end}), until the work plan is to be drafted.
   */
  protected void signLoiAndMou(String key, long agreementId, String group, String code, String region,
                               String signatories, LocalDate start, LocalDate end) {
    String user = userOf(group);
    check(upload(user, "/api/agreements/" + agreementId + "/documents?kind=LOI", "loi-" + region + ".pdf",
        pdf("LoI ditandatangani")), 201);
    completeOverRest(key, "UserTask_RecordLoiSigning", group, signing("LOI/" + code + "/001", signatories, start, end));
    wait.until(d -> openTasks(key).contains("UserTask_RaiseLoiToMou"));
    check(upload(user, "/api/agreements/" + agreementId + "/documents?kind=MOU", "mou-" + region + ".pdf",
        pdf("MoU ditandatangani")), 201);
    completeOverRest(key, "UserTask_RaiseLoiToMou", group, signing("MOU/" + code + "/001", signatories, start, end));
    wait.until(d -> openTasks(key).contains("UserTask_DraftWorkPlan"));
  }

  private static Map<String, Object> signing(String number, String signatories, LocalDate start, LocalDate end) {
    return Map.of("documentNumber", value(number), "signatories", value(signatories),
        "signedOn", value(start.toString()), "startDate", value(start.toString()), "endDate", value(end.toString()));
  }

  /** Types into the field once; what it shows afterwards is what was typed. */
  protected void type(String css, String text) {
    WebElement input = reveal(By.cssSelector(css));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(text);
    assertThat(input.getAttribute("value")).as(css).isEqualTo(text);
  }

  /** Waits until the agreement's task {@code taskKey} is open; its id. */
  protected String waitForTask(String key, String taskKey) {
    return wait.until(d -> {
      JsonNode tasks = check(get(userOf("fasker"), "/engine-rest/task?processInstanceBusinessKey=" + key
          + "&taskDefinitionKey=" + taskKey), 200).json();
      return tasks.isEmpty() ? null : tasks.get(0).get("id").asText();
    });
  }

  /** A form-js select of the start form (in Tasklist's dialog): opened, the option picked by its label. */
  protected void choose(String field, String label) {
    reveal(By.cssSelector(".modal [id$='-" + field + "-display']")).click();
    WebElement option = reveal(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='"
        + label + "']"));
    try {
      option.click();
    } catch (org.openqa.selenium.ElementClickInterceptedException e) {
      // on a phone the list can open where the next field's label lies over it: picked as form-js takes a
      // pick (mouse down on the option)
      ((JavascriptExecutor) driver).executeScript(
          "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true}));", option);
    }
  }

  /**
   * Follows the task form's upload link for documents of {@code kind} (a new tab), uploads a signed PDF with
   * the Tasklist session — no second password — pictures it as {@code screenshot} and closes the tab.
   */
  protected void uploadThroughTheFormsLink(long agreementId, String kind, String screenshot) {
    String tasklist = driver.getWindowHandle();
    reveal(By.cssSelector("a[href='/api/agreements/" + agreementId + "/documents/upload?kind=" + kind + "']")).click();
    wait.until(d -> d.getWindowHandles().size() == 2);
    driver.getWindowHandles().stream().filter(h -> !h.equals(tasklist)).findFirst()
        .ifPresent(h -> driver.switchTo().window(h));
    waitFor(By.id("kind"));
    assertThat(driver.findElements(By.cssSelector("input[type=password]"))).as("no second password prompt").isEmpty();
    String prefix = kind.toLowerCase() + "-";
    try {
      Path pdf = Files.createTempFile(prefix, ".pdf");
      Files.write(pdf, pdf(kind + " ditandatangani"));
      driver.findElement(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    driver.findElement(By.cssSelector("#upload button[type=submit]")).click();
    assertThat(waitFor(By.cssSelector("#result.ok")).getText()).startsWith("Tersimpan: ");
    wait.until(d -> d.findElement(By.id("documents")).getText().contains(prefix));
    screenshot(screenshot);
    driver.close();
    driver.switchTo().window(tasklist);
  }


  /** The plan's reviews before Fasker's verification (if the route has any), over REST; the verification's id. */
  protected String reviewWorkPlanUntilVerification(String key) {
    for (int i = 0; i < 20; i++) {
      JsonNode tasks = check(get(userOf("fasker"), "/engine-rest/task?processInstanceBusinessKey=" + key), 200).json();
      for (JsonNode task : tasks) {
        String taskKey = task.get("taskDefinitionKey").asText();
        if (taskKey.equals("UserTask_VerifyWorkPlan")) {
          return task.get("id").asText();
        }
        if (taskKey.startsWith("UserTask_ReviewWorkPlan")) {
          String taskId = task.get("id").asText();
          String group = check(get(ADMIN, "/engine-rest/task/" + taskId + "/identity-links?type=candidate"), 200)
              .json().get(0).get("groupId").asText();
          String user = userOf(group);
          check(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)), 204);
          check(post(user, "/engine-rest/task/" + taskId + "/submit-form",
              Map.of("variables", Map.of("decision", value("APPROVED")))), 204);
        }
      }
      awaitFollowUps(key);
    }
    throw new AssertionError("UserTask_VerifyWorkPlan of " + key + " never opened");
  }

  /**
   * Types {@code text} into the start form's searchable list {@code field} and picks the first entry it offers, as
   * form-js takes a pick (mouse down): on a phone a label can lie over the open list and take a click.
   */
  protected void pickInStartForm(String field, String text) {
    WebElement input = reveal(By.cssSelector(".modal input[id$='-" + field + "']"));
    input.click();
    input.sendKeys(text);
    WebElement item = waitFor(By.cssSelector(".modal .fjs-dropdownlist-item"));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});"
        + "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true}));", item);
    input.sendKeys(Keys.TAB);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal .fjs-dropdownlist")));
  }
}
