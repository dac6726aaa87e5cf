package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.brotli.dec.BrotliInputStream;
import org.junit.jupiter.api.Test;

/**
 * Fast on slow links (docs/performance.md): scripts, styles and JSON are
 * compressed; Camunda's versioned bundles are cached for a year, Kerjasama's
 * own files at the same addresses are revalidated on each load.
 */
class SlowLinkIT extends IntegrationTest {

  final HttpClient http = HttpClient.newHttpClient();
  /** A browser signed in to the webapps (their pages need a session: without one they lead to /masuk). */
  final java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
  final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

  /** Signs {@link #browser} in as the administrator (allowed into all four apps), as Tasklist's form does. */
  void signInToTheWebapps() throws Exception {
    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default"))
        .GET().build(), HttpResponse.BodyHandlers.discarding());
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + ADMIN + "&password="
            + java.net.URLEncoder.encode(ADMIN_PASSWORD, java.nio.charset.StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
  }

  /** A webapp's page, fetched by the signed-in {@link #browser}. */
  HttpResponse<byte[]> page(String path, String acceptEncoding, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return browser.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> fetch(String path, String user) throws Exception {
    return fetch(path, user, "gzip");
  }

  HttpResponse<byte[]> fetch(String path, String user, String acceptEncoding, String... headers) throws Exception {
    return send("GET", path, user, acceptEncoding, headers);
  }

  HttpResponse<byte[]> send(String method, String path, String user, String acceptEncoding, String... headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    if (user != null) {
      request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
          .encodeToString((user + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return http.send(request.method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Chromium's Accept-Encoding for a secure origin (to a server's plain-HTTP address it leaves out br and zstd). */
  static final String CHROMIUM_HTTPS = "gzip, deflate, br, zstd";
  static final String DEPS = "/camunda/lib/deps.js?bust=7.24.0";

  /** The file as it is in Camunda's webjar: what every encoding must give back. */
  static byte[] webjarFile(String path) throws Exception {
    try (InputStream in = SlowLinkIT.class.getClassLoader()
        .getResourceAsStream("META-INF/resources/webjars/camunda/" + path)) {
      return in.readAllBytes();
    }
  }

  /** The files are compressed once after start-up, in the background: waits until Brotli is served. */
  HttpResponse<byte[]> brotliOf(String path) throws Exception {
    long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      HttpResponse<byte[]> response = fetch(path, null, CHROMIUM_HTTPS);
      if (response.headers().firstValue("Content-Encoding").orElse("").equals("br") || System.nanoTime() > until) {
        return response;
      }
      Thread.sleep(500);
    }
  }

  static byte[] unbrotli(byte[] body) throws Exception {
    try (InputStream in = new BrotliInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  static byte[] gunzip(byte[] body) throws Exception {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  @Test
  void aBrowserThatAcceptsBrotliGetsCamundasBundleInBrotliAndTheSameBytesComeOut() throws Exception {
    HttpResponse<byte[]> deps = brotliOf(DEPS);
    assertThat(deps.statusCode()).isEqualTo(200);
    assertThat(deps.headers().firstValue("Content-Encoding")).hasValue("br");
    assertThat(deps.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
    assertThat(deps.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    assertThat(deps.headers().firstValueAsLong("Content-Length")).hasValue(deps.body().length);
    assertThat(deps.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    byte[] original = webjarFile("lib/deps.js");
    assertThat(unbrotli(deps.body())).as("decompressed by Google's decoder").isEqualTo(original);
    assertThat(deps.body().length).as("3.86 MB; Tomcat's gzip made 1.14 MB of it").isLessThan(1_000_000);

    // the same address for a browser that knows only gzip, and for one that asks for no encoding
    HttpResponse<byte[]> gzip = fetch(DEPS, null, "gzip, deflate");
    assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gunzip(gzip.body())).isEqualTo(original);
    assertThat(gzip.headers().firstValue("ETag")).isPresent().isNotEqualTo(deps.headers().firstValue("ETag"));
    HttpResponse<byte[]> plain = fetch(DEPS, null, null);
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(plain.body()).isEqualTo(original);
    assertThat(plain.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
    // br refused with q=0: gzip
    assertThat(fetch(DEPS, null, "br;q=0, gzip").headers().firstValue("Content-Encoding")).hasValue("gzip");
  }

  @Test
  void theBrotliVariantAnswersHeadAndRevalidation() throws Exception {
    HttpResponse<byte[]> deps = brotliOf("/camunda/app/tasklist/camunda-tasklist-bootstrap.js?bust=7.24.0");
    assertThat(deps.headers().firstValue("Content-Encoding")).hasValue("br");
    assertThat(unbrotli(deps.body())).isEqualTo(webjarFile("app/tasklist/camunda-tasklist-bootstrap.js"));
    String etag = deps.headers().firstValue("ETag").orElseThrow();

    HttpResponse<byte[]> head = send("HEAD", "/camunda/app/tasklist/camunda-tasklist-bootstrap.js?bust=7.24.0", null,
        CHROMIUM_HTTPS);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Encoding")).hasValue("br");
    assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(deps.body().length);
    assertThat(head.body()).isEmpty();

    HttpResponse<byte[]> unchanged = fetch("/camunda/app/tasklist/camunda-tasklist-bootstrap.js?bust=7.24.0", null,
        CHROMIUM_HTTPS, "If-None-Match", etag);
    assertThat(unchanged.statusCode()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();
    assertThat(unchanged.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
    // the Brotli ETag does not stand for the gzip variant
    assertThat(fetch("/camunda/app/tasklist/camunda-tasklist-bootstrap.js?bust=7.24.0", null, "gzip",
        "If-None-Match", etag).statusCode()).isEqualTo(200);
  }

  @Test
  void ourOwnStyleSheetIsSentInBrotliWithTheFontsInWoff2() throws Exception {
    HttpResponse<byte[]> styles = brotliOf("/camunda/app/tasklist/styles/user-styles.css?bust=7.24.0");
    assertThat(styles.headers().firstValue("Content-Encoding")).hasValue("br");
    String css = new String(unbrotli(styles.body()), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(css).contains("IBMPlexSans-Regular.woff2?bust=7.24.0").doesNotContain(".woff?");
    // the address that the style sheet gives exists
    assertThat(fetch("/camunda/assets/IBMPlexSans-Regular.woff2?bust=7.24.0", null).statusCode()).isEqualTo(200);
  }

  @Test
  void camundasBundlesAreCompressedAndCachedForAYear() throws Exception {
    HttpResponse<byte[]> deps = fetch("/camunda/lib/deps.js?bust=7.24.0", null);
    assertThat(deps.statusCode()).isEqualTo(200);
    assertThat(deps.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(deps.body().length).as("3.8 MB uncompressed").isLessThan(1_500_000);
    assertThat(deps.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
  }

  @Test
  void ourOwnFilesAreRevalidatedSoChangesArriveAtOnce() throws Exception {
    HttpResponse<byte[]> script = fetch("/camunda/app/tasklist/scripts/kerjasama-forms.js?bust=7.24.0", null);
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(script.headers().firstValue("Content-Encoding")).hasValue("gzip");
    HttpResponse<byte[]> locale = fetch("/camunda/app/tasklist/locales/id.json?bust=7.24.0", null);
    assertThat(locale.headers().firstValue("Cache-Control")).hasValue("no-cache");
  }

  @Test
  void aWebappsPageIsNeverAnsweredFromCacheSoItsScriptsKeepTheNonceOfItsPolicy() throws Exception {
    signInToTheWebapps();
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      HttpResponse<byte[]> first = page("/camunda/app/" + app + "/default/", "gzip");
      assertThat(first.statusCode()).as(app).isEqualTo(200);
      assertThat(first.headers().firstValue("Cache-Control")).as(app).hasValue("no-store");
      // a browser that kept the page anyway asks with its validators: it gets the whole page, with a new nonce
      List<String> conditions = new java.util.ArrayList<>();
      first.headers().firstValue("ETag").ifPresent(tag -> conditions.addAll(List.of("If-None-Match", tag)));
      conditions.addAll(List.of("If-Modified-Since", "Wed, 01 Jan 2100 00:00:00 GMT"));
      HttpResponse<byte[]> reload = page("/camunda/app/" + app + "/default/", null,
          conditions.toArray(String[]::new));
      assertThat(reload.statusCode()).as(app + " reload").isEqualTo(200);
      String html = new String(reload.body(), java.nio.charset.StandardCharsets.UTF_8);
      java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("nonce=\"([^\"]+)\"").matcher(html);
      assertThat(nonce.find()).as(app + " page has a nonce").isTrue();
      assertThat(reload.headers().firstValue("Content-Security-Policy").orElse(""))
          .as(app + ": the policy allows the page's own scripts").contains("'nonce-" + nonce.group(1) + "'");
    }
  }

  @Test
  void tasklistsPageNamesTheFilesItsScriptsAskForOneAfterAnother() throws Exception {
    signInToTheWebapps();
    HttpResponse<byte[]> page = page("/camunda/app/tasklist/default/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    String html = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page.headers().firstValueAsLong("Content-Length")).hasValue(page.body().length);
    java.util.regex.Matcher hints = java.util.regex.Pattern
        .compile("<link rel=\"(?:modulepreload|preload)\"[^>]*href=\"([^\"]+)\"").matcher(html);
    java.util.List<String> hinted = new java.util.ArrayList<>();
    while (hints.find()) {
      hinted.add(hints.group(1));
    }
    assertThat(hinted).contains("/camunda/app/kerjasama-locales.js", "/camunda/lib/ngDefine.js?bust=7.24.0",
        "/camunda/app/tasklist/locales/id.json?bust=7.24.0");
    // every custom script of config.js is hinted at the address Camunda's loader asks for
    String config = new String(fetch("/camunda/app/tasklist/scripts/config.js", null, null).body(),
        java.nio.charset.StandardCharsets.UTF_8);
    java.util.regex.Matcher custom = java.util.regex.Pattern.compile("'(scripts/[\\w-]+)'").matcher(
        config.substring(config.indexOf("customScripts")));
    int scripts = 0;
    while (custom.find() && custom.start() < config.substring(config.indexOf("customScripts")).indexOf("]")) {
      assertThat(hinted).contains("/camunda/app/tasklist/" + custom.group(1) + ".js?bust=7.24.0");
      scripts++;
    }
    assertThat(scripts).isPositive();
    // and every shared module config.js imports (../../kerjasama-*.js)
    java.util.regex.Matcher imported = java.util.regex.Pattern.compile("from '\\.\\./\\.\\./([\\w-]+\\.js)'")
        .matcher(config);
    int modules = 0;
    while (imported.find()) {
      assertThat(hinted).contains("/camunda/app/" + imported.group(1));
      modules++;
    }
    assertThat(modules).isGreaterThanOrEqualTo(2);
    // a hint for an address that does not answer would cost a download for nothing
    for (String address : hinted) {
      assertThat(fetch(address, null).statusCode()).as(address).isEqualTo(200);
    }
    // scripts are hinted with the page's CSP nonce (Camunda's policy allows only scripts that carry it)
    assertThat(html).containsPattern("<link rel=\"modulepreload\" href=\"/camunda/app/kerjasama-locales.js\" nonce=\"[^\"]+\">");
  }

  @Test
  void jsonOfTheApiIsCompressed() throws Exception {
    HttpResponse<byte[]> agreements = fetch("/engine-rest/process-definition", userOf("fasker"));
    assertThat(agreements.statusCode()).isEqualTo(200);
    assertThat(agreements.headers().firstValue("Content-Encoding")).hasValue("gzip");
  }
}
