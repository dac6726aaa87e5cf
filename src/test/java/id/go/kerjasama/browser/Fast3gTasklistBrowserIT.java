package id.go.kerjasama.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tasklist's first load on a slow regional link (docs/performance.md "Slow\n * links"): Chromium throttled to DevTools' "Fast 3G" preset (the values of
 * Chrome DevTools' own preset: 562.5 ms latency, 180,000 bytes/s down,
 * 84,375 bytes/s up), empty cache, from opening the login page to the task
 * list on screen; then the same again with the browser's cache (a new
 * session, as the next morning). Not a timing assertion: the test asserts
 * that the page loads and records the figures, printed as {@code [fast3g]}
 * lines and written to {@code target/bench/fast3g.md}.
 */
class Fast3gTasklistBrowserIT extends BrowserTest {

  static final double LATENCY_MS = 150 * 3.75;
  static final long DOWN_BYTES_PER_S = (long) (1.6 * 1000 * 1000 / 8 * 0.9);
  static final long UP_BYTES_PER_S = (long) (750 * 1000 / 8 * 0.9);
  static final Path REPORT = Path.of("target", "bench", "fast3g.md");

  record Load(long loginPageMs, long toTaskListMs, long transferredBytes, long decodedBytes, int requests,
              List<Map<String, Object>> slowest, List<Map<String, Object>> all, String depsEncoding) {
    long totalMs() {
      return loginPageMs + toTaskListMs;
    }
  }

  /**
   * A walk through Kerjasama's sign-in page ({@code /} → {@code /masuk} → Tasklist): the page until its form
   * can be used, the typing (none, or {@code typingMs}), the wait from Enter to the task list. {@code page}
   * are the sign-in page's requests up to Enter (the prefetches that had finished by then), {@code tasklist}
   * Tasklist's requests after it, {@code cached} among them those answered from the browser's cache.
   */
  record Walk(String name, long formShownMs, long typingMs, long toTaskListMs, List<Map<String, Object>> page,
              List<Map<String, Object>> tasklist, int prefetchLinks) {
    long waitMs() {
      return formShownMs + toTaskListMs;
    }

    static long sum(List<Map<String, Object>> requests, String key) {
      return requests.stream().mapToLong(r -> ((Number) r.get(key)).longValue()).sum();
    }

    long cached() {
      return tasklist.stream().filter(r -> Boolean.TRUE.equals(r.get("cached"))).count();
    }
  }

  /** The realistic typing: an officer types user name and password in about six seconds (an assumption). */
  static final long REALISTIC_TYPING_MS = 6000;

  TlsFront front;

  @Override
  protected void moreOptions(ChromeOptions options) {
    try {
      options.addArguments("--ignore-certificate-errors-spki-list=" + TlsFront.spkiHash());
    } catch (Exception e) {
      throw new IllegalStateException("no certificate for the TLS front", e);
    }
  }

  @Override
  protected String url(String path) {
    return "https://localhost:" + front.port() + path;
  }

  @AfterEach
  void stopFront() throws IOException {
    if (front != null) {
      front.close();
    }
  }

  @Test
  void tasklistsFirstLoadOnFast3gIsMeasuredAndRecorded() throws Exception {
    // over HTTPS, as in production (docs/operations.md): the TLS handshakes are part of an officer's wait,
    // and Chromium offers Brotli only to secure origins (HTTPS, or localhost, not a server's plain address)
    front = new TlsFront(port);
    awaitPrecompressedFiles();
    String key = propose("province-93", "LUAR_NEGERI", "province-93", "93");
    // a TKKSD member is staff of the region too (as the demo users): the region's group opens Tasklist
    String officer = userOf("tkksd-province-93");
    if (check(get(ADMIN, "/engine-rest/group/count?id=province-93&member=" + officer), 200).json()
        .get("count").asInt() == 0) {
      check(put(ADMIN, "/engine-rest/group/province-93/members/" + officer, null), 204);
    }
    // the officer's own task: Tasklist's first filter ("Tugas saya") lists it
    String taskId = check(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + key), 200).json().get(0)
        .get("id").asText();
    check(post(officer, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", officer)), 204);
    ChromeDriver chrome = (ChromeDriver) driver;
    chrome.executeCdpCommand("Network.enable", Map.of());
    chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false,
        "latency", LATENCY_MS, "downloadThroughput", DOWN_BYTES_PER_S, "uploadThroughput", UP_BYTES_PER_S));
    wait = new WebDriverWait(driver, Duration.ofSeconds(180));

    Load first = load(officer, "01-first-load");
    driver.manage().deleteAllCookies();
    Load repeat = load(officer, "02-repeat-load");

    // Kerjasama's sign-in page, each walk with an empty cache and no session again
    emptyBrowser(chrome);
    Walk instant = walk(officer, 0, "03-sign-in-page-instant-typing");
    emptyBrowser(chrome);
    Walk typing = walk(officer, REALISTIC_TYPING_MS, "04-sign-in-page-typing");
    driver.manage().deleteAllCookies();
    Walk again = walk(officer, REALISTIC_TYPING_MS, "05-sign-in-page-repeat");

    String report = report(first, repeat, chrome.getCapabilities().getBrowserVersion())
        + walks(List.of(instant, typing, again));
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, report, StandardCharsets.UTF_8);
    report.lines().forEach(line -> System.out.println("[fast3g] " + line));
    assertThat(first.requests()).isPositive();
    assertThat(typing.tasklist()).isNotEmpty();
  }

  private static void emptyBrowser(ChromeDriver chrome) {
    chrome.executeCdpCommand("Network.clearBrowserCache", Map.of());
    chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
  }

  /**
   * Opens the application's root (it leads to {@code /masuk}), waits until the form can be used, types user
   * name and password in {@code typingMs} (0: at once), presses Enter and waits for the officer's task.
   */
  private Walk walk(String user, long typingMs, String screenshot) throws InterruptedException {
    long start = System.nanoTime();
    driver.get(url("/"));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#tombol-masuk")));
    long formShown = (System.nanoTime() - start) / 1_000_000;
    WebElement name = driver.findElement(By.id("nama-pengguna"));
    ((JavascriptExecutor) driver).executeScript("performance.setResourceTimingBufferSize(1000);");
    WebElement password = driver.findElement(By.id("kata-sandi"));
    long typingStart = System.nanoTime();
    type(name, user, typingMs / 2);
    type(password, PASSWORD, typingMs / 2);
    long typed = (System.nanoTime() - typingStart) / 1_000_000;
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> page = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(
        REQUESTS + "return list;");
    Number links = (Number) ((JavascriptExecutor) driver).executeScript(
        "return document.querySelectorAll('link[rel=prefetch]').length;");
    long toList = submitAndAwaitTheList(password, screenshot);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tasklist = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(
        REQUESTS + "return list;");
    return new Walk(screenshot, formShown, typed, toList, page, tasklist, links.intValue());
  }

  /** Types {@code text} key by key, spread over {@code millis} (at once for 0). */
  private static void type(WebElement field, String text, long millis) throws InterruptedException {
    if (millis <= 0) {
      field.sendKeys(text);
      return;
    }
    long perKey = millis / text.length();
    for (char c : text.toCharArray()) {
      long keyStart = System.nanoTime();
      field.sendKeys(String.valueOf(c));
      long left = perKey - (System.nanoTime() - keyStart) / 1_000_000;
      if (left > 0) {
        Thread.sleep(left);
      }
    }
  }

  /**
   * The document's requests in the order they started, ms from its navigation: a request answered from the
   * browser's cache (the prefetch's copy) has a body but transferred nothing.
   */
  static final String REQUESTS =
      "const all = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));"
          + "const list = all.slice().sort((a, b) => a.startTime - b.startTime)"
          + "  .map(e => ({name: e.name.replace(location.origin, ''), start: Math.round(e.startTime),"
          + "    end: Math.round(e.responseEnd), bytes: e.transferSize || 0, decoded: e.decodedBodySize || 0,"
          + "    cached: (e.transferSize || 0) === 0 && (e.decodedBodySize || 0) > 0,"
          + "    initiator: e.initiatorType || 'navigation'}));";

  private static String walks(List<Walk> walks) {
    StringBuilder md = new StringBuilder();
    md.append("\n## Kerjasama's sign-in page (`/` → `/masuk` → Tasklist)\n\n");
    md.append("Each walk starts with an empty cache and no session (the last one: the browser's cache, no session)."
        + " Typing is not part of the wait; the realistic typing is an assumption of ")
        .append(REALISTIC_TYPING_MS / 1000).append(" s for user name and password.\n\n");
    md.append("| walk | form shown | typing | Enter to task list | wait without typing | prefetch links |"
        + " prefetched by Enter | Tasklist's requests from cache | transferred (page + Tasklist) |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Walk w : walks) {
      long prefetched = w.page().stream().filter(r -> "link".equals(r.get("initiator"))).count();
      md.append(String.format(Locale.ROOT, "| %s | %.1f s | %.1f s | %.1f s | **%.1f s** | %d | %d | %d of %d | %,d bytes |%n",
          w.name(), w.formShownMs() / 1000.0, w.typingMs() / 1000.0, w.toTaskListMs() / 1000.0, w.waitMs() / 1000.0,
          w.prefetchLinks(), prefetched, w.cached(), w.tasklist().size(),
          Walk.sum(w.page(), "bytes") + Walk.sum(w.tasklist(), "bytes")));
    }
    for (Walk w : walks) {
      md.append("\n### ").append(w.name()).append("\n\nThe sign-in page's requests finished before Enter"
          + " (ms from opening `/`):\n\n| request | start | end | transferred | uncompressed |\n|---|---|---|---|---|\n");
      for (Map<String, Object> r : w.page()) {
        md.append("| `").append(r.get("name")).append("` | ").append(r.get("start")).append(" | ").append(r.get("end"))
            .append(" | ").append(r.get("bytes")).append(" | ").append(r.get("decoded")).append(" |\n");
      }
      md.append("\nTasklist's requests after Enter (ms from Tasklist's navigation, which starts when Camunda's"
          + " login has answered):\n\n| request | start | end | transferred | uncompressed | from cache |\n"
          + "|---|---|---|---|---|---|\n");
      for (Map<String, Object> r : w.tasklist()) {
        md.append("| `").append(r.get("name")).append("` | ").append(r.get("start")).append(" | ").append(r.get("end"))
            .append(" | ").append(r.get("bytes")).append(" | ").append(r.get("decoded")).append(" | ")
            .append(Boolean.TRUE.equals(r.get("cached")) ? "yes" : "").append(" |\n");
      }
    }
    return md.toString();
  }

  /**
   * The application compresses its static files once after start-up, in the background (a minute on
   * this loaded machine): measured is the state an officer meets, after that.
   */
  private void awaitPrecompressedFiles() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpRequest head = java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://localhost:" + port + "/camunda/app/tasklist/styles/user-styles.css?bust=7.24.0"))
        .header("Accept-Encoding", "gzip, deflate, br, zstd").method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
        .build();
    long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (!http.send(head, java.net.http.HttpResponse.BodyHandlers.discarding()).headers()
        .firstValue("Content-Encoding").orElse("").equals("br") && System.nanoTime() < until) {
      Thread.sleep(1000);
    }
  }

  /** Presses Enter in the password field and waits for the officer's task: the milliseconds after Enter. */
  private long submitAndAwaitTheList(WebElement password, String screenshot) {
    long submit = System.nanoTime();
    password.sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tasks-list li.task")));
    long toList = (System.nanoTime() - submit) / 1_000_000;
    screenshot(screenshot);
    return toList;
  }

  /**
   * Opens Tasklist's address without a session (a bookmark: it leads to the sign-in page {@code /masuk}
   * since 2 December 2026, Camunda's own login form before), signs in and waits for the task list; the
   * typing is not counted.
   */
  private Load load(String user, String screenshot) {
    ((JavascriptExecutor) driver).executeScript("window.performance && performance.clearResourceTimings();");
    long start = System.nanoTime();
    driver.get(url("/camunda/app/tasklist/default/"));
    if (driver.getCurrentUrl().contains("/masuk")) {
      wait.until(ExpectedConditions.elementToBeClickable(By.id("tombol-masuk")));
    }
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=text]")));
    long loginPage = (System.nanoTime() - start) / 1_000_000;
    ((JavascriptExecutor) driver).executeScript("performance.setResourceTimingBufferSize(1000);");
    name.sendKeys(user);
    WebElement password = driver.findElement(By.cssSelector("input[type=password]"));
    password.sendKeys(PASSWORD);
    long toList = submitAndAwaitTheList(password, screenshot);
    @SuppressWarnings("unchecked")
    Map<String, Object> resources = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(
        "const all = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));"
            + "const sum = k => all.reduce((s, e) => s + (e[k] || 0), 0);"
            + "const slowest = all.slice().sort((a, b) => b.duration - a.duration).slice(0, 8)"
            + "  .map(e => ({name: e.name.replace(location.origin, ''), ms: Math.round(e.duration),"
            + "    bytes: e.transferSize || 0, decoded: e.decodedBodySize || 0}));"
            + "const list = all.slice().sort((a, b) => a.startTime - b.startTime)"
            + "  .map(e => ({name: e.name.replace(location.origin, ''), start: Math.round(e.startTime),"
            + "    end: Math.round(e.responseEnd), bytes: e.transferSize || 0, decoded: e.decodedBodySize || 0}));"
            + "return {transferred: sum('transferSize'), decoded: sum('decodedBodySize'), requests: all.length,"
            + "  slowest, list};");
    // the encoding the browser accepted and got for Camunda's largest file (from its cache: no request)
    String depsEncoding = String.valueOf(((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch('/camunda/lib/deps.js?bust=7.24.0', {cache: 'force-cache'})"
            + "  .then(r => done(r.headers.get('content-encoding') || 'none'), e => done('error ' + e));"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> slowest = (List<Map<String, Object>>) resources.get("slowest");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list = (List<Map<String, Object>>) resources.get("list");
    return new Load(loginPage, toList, ((Number) resources.get("transferred")).longValue(),
        ((Number) resources.get("decoded")).longValue(), ((Number) resources.get("requests")).intValue(), slowest,
        list, depsEncoding);
  }

  private String report(Load first, Load repeat, String browserVersion) {
    StringBuilder md = new StringBuilder();
    md.append("# Tasklist on Fast 3G\n\n");
    md.append("- date: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
    md.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
        .append(cpuModel()).append(", ").append(System.getProperty("os.name")).append(' ')
        .append(System.getProperty("os.version")).append(", Chromium ").append(browserVersion)
        .append(" headless, load average ").append(loadAverage()).append('\n');
    md.append(String.format(Locale.ROOT, "- throttling: latency %.1f ms, down %,d bytes/s, up %,d bytes/s%n%n",
        LATENCY_MS, DOWN_BYTES_PER_S, UP_BYTES_PER_S));
    md.append("| load | login page shown | sign-in to task list | total | requests | transferred | uncompressed |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    row(md, "first (empty cache)", first);
    row(md, "repeat (browser cache, new session)", repeat);
    md.append("\n`lib/deps.js` arrived with Content-Encoding: ").append(first.depsEncoding())
        .append(" (over HTTPS through a TLS front, as behind the production proxy)\n");
    md.append("\nSlowest requests of the first load:\n\n| request | ms | transferred | uncompressed |\n|---|---|---|---|\n");
    for (Map<String, Object> r : first.slowest()) {
      md.append("| `").append(r.get("name")).append("` | ").append(r.get("ms")).append(" | ")
          .append(r.get("bytes")).append(" | ").append(r.get("decoded")).append(" |\n");
    }
    md.append("\nAll requests of the first load, in the order they started (ms from opening the page;"
        + " the typing of the sign-in lies between the login page and the sign-in's requests):\n\n"
        + "| request | start | end | transferred | uncompressed |\n|---|---|---|---|---|\n");
    for (Map<String, Object> r : first.all()) {
      md.append("| `").append(r.get("name")).append("` | ").append(r.get("start")).append(" | ").append(r.get("end"))
          .append(" | ").append(r.get("bytes")).append(" | ").append(r.get("decoded")).append(" |\n");
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String name, Load load) {
    md.append(String.format(Locale.ROOT, "| %s | %.1f s | %.1f s | %.1f s | %d | %,d bytes | %,d bytes |%n", name,
        load.loginPageMs() / 1000.0, load.toTaskListMs() / 1000.0, load.totalMs() / 1000.0, load.requests(),
        load.transferredBytes(), load.decodedBytes()));
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }
}
