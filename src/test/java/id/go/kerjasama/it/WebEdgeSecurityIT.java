package id.go.kerjasama.it;

import static id.go.kerjasama.it.LifecycleRestIT.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The web edge under attack (docs/security.md), over real HTTP: password
 * guessing, cross-site requests, weak passwords, missing headers. Each test
 * acts from addresses of its own (X-Forwarded-For, honoured because the
 * integration tests run with server.forward-headers-strategy=native, as
 * behind a proxy) and with users of its own, so no other test is throttled.
 */
class WebEdgeSecurityIT extends IntegrationTest {

  static final String THROTTLED = "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam";

  /** A plain HTTP client: nothing added, nothing refused (Origin and Sec-Fetch-* included). */
  final HttpClient http = HttpClient.newHttpClient();

  record Answer(int status, java.net.http.HttpHeaders headers, String body) {

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  // --- login throttling ---------------------------------------------------------------------

  @Test
  void guessingTheAdministratorsPasswordDoesNotLockTheAdministratorOut() throws Exception {
    String usual = "198.51.100.10";
    String attacker = "203.0.113.66";
    // the administrator works from 127.0.0.1 (every other test) and from its usual desk
    assertThat(asUser(ADMIN, ADMIN_PASSWORD, null).status()).isEqualTo(200);
    assertThat(asUser(ADMIN, ADMIN_PASSWORD, usual).status()).isEqualTo(200);

    List<Integer> statuses = new ArrayList<>();
    Answer last = null;
    for (int i = 0; i < 15; i++) {
      last = asUser(ADMIN, "tebakan-" + i, attacker);
      statuses.add(last.status());
    }
    // five wrong passwords are checked; then the account waits (for every address it never signed in from)
    assertThat(statuses.subList(0, 5)).containsOnly(401);
    assertThat(statuses.subList(5, 15)).containsOnly(429);
    assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 3);
    assertThat(last.header("Content-Type")).startsWith("application/json");
    assertThat(json.readTree(last.body()).get("message").asText()).startsWith(THROTTLED).endsWith("detik.");
    // during the wait even the right password is not checked from the attacker's address
    assertThat(asUser(ADMIN, ADMIN_PASSWORD, attacker).status()).isEqualTo(429);

    // the real administrator still signs in, at once, from the addresses used before
    assertThat(asUser(ADMIN, ADMIN_PASSWORD, usual).status()).isEqualTo(200);
    assertThat(asUser(ADMIN, ADMIN_PASSWORD, null).status()).isEqualTo(200);
  }

  @Test
  void aThrottledAccountWaitsAtMostTheCapAndIsNeverLockedForGood() throws Exception {
    String user = dedicatedUser("it-edge-lock", "province-61");
    String attacker = "203.0.113.70";
    String newDesk = "192.0.2.80";
    for (int i = 0; i < 5; i++) {
      assertThat(asUser(user, "tebakan-" + i, attacker).status()).isEqualTo(401);
    }
    assertThat(asUser(user, "tebakan-5", attacker).status()).isEqualTo(429);
    // the real user at an address never used before waits too, but only for a while
    Answer waiting = asUser(user, PASSWORD, newDesk);
    assertThat(waiting.status()).isEqualTo(429);
    int seconds = Integer.parseInt(waiting.header("Retry-After"));
    assertThat(seconds).isBetween(1, 3);
    Thread.sleep(seconds * 1000L + 300);
    // no lock remains: neither ours nor the engine's
    assertThat(asUser(user, PASSWORD, newDesk).status()).isEqualTo(200);
    assertThat(asUser(user, PASSWORD, attacker).status()).isEqualTo(200);
  }

  @Test
  void anAddressThatGuessesManyAccountsWaitsWhateverAccountItTries() throws Exception {
    String user = dedicatedUser("it-edge-address", "province-61");
    String guesser = "203.0.113.90";
    for (int i = 0; i < 10; i++) {
      assertThat(asUser("tidak-ada-" + i, "tebakan", guesser).status()).isEqualTo(401);
    }
    Answer refused = asUser(user, PASSWORD, guesser);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isNotBlank();
    // the same account elsewhere is not affected
    assertThat(asUser(user, PASSWORD, "198.51.100.90").status()).isEqualTo(200);
    // requests without credentials are not throttled (they are not login attempts): 401 as always
    assertThat(send(request("/engine-rest/user/" + user + "/profile", null, null, guesser).GET()).status())
        .isEqualTo(401);
  }

  @Test
  void theWebappLoginIsThrottledAndStillReadsItsForm() throws Exception {
    String user = dedicatedUser("it-edge-web", "province-61");
    String desk = "198.51.100.20";
    String attacker = "203.0.113.100";
    // the login form passes the throttle unchanged: Camunda's login reads user name and password
    Answer signedIn = webappLogin(user, PASSWORD, desk);
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
    assertThat(json.readTree(signedIn.body()).get("userId").asText()).isEqualTo(user);
    for (int i = 0; i < 5; i++) {
      assertThat(webappLogin(user, "tebakan-" + i, attacker).status()).isEqualTo(401);
    }
    Answer throttled = webappLogin(user, PASSWORD, attacker);
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isNotBlank();
    assertThat(json.readTree(throttled.body()).get("message").asText()).startsWith(THROTTLED);
    // HTTP Basic counts against the same account
    assertThat(asUser(user, PASSWORD, attacker).status()).isEqualTo(429);
    // the officer at the usual desk goes on working
    assertThat(webappLogin(user, PASSWORD, desk).status()).isEqualTo(200);
  }

  @Test
  void aUserNameWithControlCharactersIsRefusedNotAServerError() throws Exception {
    String address = "203.0.113.140";
    for (String name : List.of("admin\u0000", "\u0000", "it-edge\u0000x", "demo\u0007\u001b[2J")) {
      Answer basic = send(request("/engine-rest/task/count", name, PASSWORD, address).GET());
      assertThat(basic.status()).as("HTTP Basic as %s: %s", name.replace("\u0000", "\\0"), basic.body())
          .isEqualTo(401);
      Answer form = webappLogin(name, PASSWORD, address);
      assertThat(form.status()).as("Tasklist login as %s: %s", name.replace("\u0000", "\\0"), form.body())
          .isBetween(400, 499);
    }
  }

  // --- passwords ----------------------------------------------------------------------------

  @Test
  void aWeakPasswordIsRefused() throws Exception {
    Response weak = post(ADMIN, "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", "it-edge-weak", "firstName", "Lemah", "lastName", "Sekali"),
        "credentials", Map.of("password", "a")));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.json().get("message").asText()).contains("kebijakan kata sandi")
        .contains("paling sedikit 10 karakter");
    assertThat(get(ADMIN, "/engine-rest/user/it-edge-weak/profile").status()).isEqualTo(404);
    // a password that contains the user's name is weak too
    Response named = post(ADMIN, "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", "it-edge-named", "firstName", "Budiman", "lastName", "Sekali"),
        "credentials", Map.of("password", "Budiman-2026!")));
    assertThat(named.status()).isEqualTo(400);
    assertThat(named.json().get("message").asText()).contains("nama depan");
    // and so is a new password for an existing user
    String user = dedicatedUser("it-edge-credentials", "province-61");
    Response change = put(ADMIN, "/engine-rest/user/" + user + "/credentials",
        Map.of("password", "pendek", "authenticatedUserPassword", ADMIN_PASSWORD));
    assertThat(change.status()).isEqualTo(400);
    assertThat(asUser(user, PASSWORD, null).status()).isEqualTo(200);
    check(put(ADMIN, "/engine-rest/user/" + user + "/credentials",
        Map.of("password", "Sandi-Baru-2027#", "authenticatedUserPassword", ADMIN_PASSWORD)), 204);
    assertThat(asUser(user, "Sandi-Baru-2027#", null).status()).isEqualTo(200);
  }

  // --- cross-site requests ------------------------------------------------------------------

  @Test
  void aPageOnAnotherSiteCannotUploadWithTheOfficersCredentials() throws Exception {
    long agreement = importAgreement();
    String documents = "/api/agreements/" + agreement + "/documents";
    String province = userOf("province-61");
    byte[] pdf = "%PDF-1.7\n% dari situs lain\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    Answer evil = uploadAs(province, documents + "?kind=NK", pdf, Map.of("Origin", "https://evil.example"));
    assertThat(evil.status()).isEqualTo(403);
    assertThat(json.readTree(evil.body()).get("message").asText()).contains("Permintaan dari situs lain ditolak");
    Answer fetchMetadata = uploadAs(province, documents + "?kind=NK", pdf, Map.of("Sec-Fetch-Site", "cross-site"));
    assertThat(fetchMetadata.status()).isEqualTo(403);
    // nothing was stored
    assertThat(check(get(province, documents), 200).json()).isEmpty();

    // the same upload from a client that sends no Origin (curl, Java) or from the application's own page works
    assertThat(uploadAs(province, documents + "?kind=NK", pdf, Map.of()).status()).isEqualTo(201);
    assertThat(uploadAs(province, documents + "?kind=NK", pdf,
        Map.of("Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin")).status()).isEqualTo(201);
    // and from an origin in kerjasama.security.allowed-origins
    assertThat(uploadAs(province, documents + "?kind=NK", pdf,
        Map.of("Origin", "https://portal.kerjasama.test")).status()).isEqualTo(201);
    assertThat(check(get(province, documents), 200).json().at("/0/versions")).hasSize(3);
    // Camunda's REST API: a deployment from another site is refused as well
    Answer deploy = send(request("/engine-rest/deployment/create", ADMIN, ADMIN_PASSWORD, null)
        .header("Origin", "https://evil.example").header("Content-Type", "multipart/form-data; boundary=x")
        .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")));
    assertThat(deploy.status()).isEqualTo(403);
  }

  @Test
  void theApiTakesNoBodyAPlainFormCouldSend() throws Exception {
    String csv = LegacyCsvFile.HEADER + "\n";
    Answer plain = send(request("/api/admin/imports?dryRun=true", ADMIN, ADMIN_PASSWORD, null)
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(csv)));
    assertThat(plain.status()).isEqualTo(415);
    assertThat(json.readTree(plain.body()).get("message").asText()).contains("tidak diterima");
    Answer form = send(request("/api/admin/migrations", ADMIN, ADMIN_PASSWORD, null)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("processDefinitionKey=monitoring&sourceVersion=1")));
    assertThat(form.status()).isEqualTo(415);
    Answer notifications = send(request("/api/me/notifications", ADMIN, ADMIN_PASSWORD, null)
        .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\": false}")));
    assertThat(notifications.status()).isEqualTo(415);
    // text/csv still imports (dry run: nothing stored)
    Answer csvBody = send(request("/api/admin/imports?dryRun=true", ADMIN, ADMIN_PASSWORD, null)
        .header("Content-Type", "text/csv").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(csv)));
    assertThat(csvBody.status()).as(csvBody.body()).isEqualTo(200);
  }

  // --- security headers ---------------------------------------------------------------------

  @Test
  void responsesCarryTheSecurityHeaders() throws Exception {
    Answer api = send(request("/api/me/notifications", ADMIN, ADMIN_PASSWORD, null).GET());
    assertThat(api.status()).isEqualTo(200);
    assertThat(api.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(api.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(api.header("Cache-Control")).isEqualTo("no-store");
    assertThat(api.header("Content-Security-Policy")).contains("default-src 'none'").contains("frame-ancestors 'none'");
    assertThat(api.header("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(api.header("Strict-Transport-Security")).as("HSTS is off by default").isNull();
    // refusals carry them too
    Answer refused = send(request("/api/me/notifications", null, null, null).GET());
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");

    HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    Answer redirect = send(request("/camunda/app/tasklist/", null, null, null).GET());
    assertThat(redirect.header("Referrer-Policy")).isEqualTo("same-origin");
    Answer webapp = send(following, request("/camunda/app/tasklist/", null, null, null).GET());
    assertThat(webapp.status()).isEqualTo(200);
    assertThat(webapp.header("Referrer-Policy")).isEqualTo("same-origin");
    // without a session the webapp leads to Kerjasama's sign-in page, which has a policy of its own
    assertThat(webapp.header("Content-Security-Policy")).as("the sign-in page's").contains("frame-ancestors 'none'");

    // the upload page: one policy of its own that lets exactly its inline script and style run
    long agreement = importAgreement();
    Answer page = send(request("/api/agreements/" + agreement + "/documents/upload?kind=NK", userOf("province-61"),
        PASSWORD, null).GET());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.headers().allValues("Content-Security-Policy")).hasSize(1);
    String policy = page.header("Content-Security-Policy");
    assertThat(policy).contains("script-src 'sha256-").contains("style-src 'sha256-").contains("connect-src 'self'")
        .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
    String script = page.body().substring(page.body().indexOf("<script>") + 8, page.body().indexOf("</script>"));
    assertThat(policy).contains("'sha256-" + Base64.getEncoder().encodeToString(
        java.security.MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8))) + "'");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
  }

  // --- helpers ------------------------------------------------------------------------------

  /** A read as {@code user} (its own profile), optionally from {@code address} (X-Forwarded-For). */
  Answer asUser(String user, String password, String address) throws IOException, InterruptedException {
    return send(request("/engine-rest/user/" + user + "/profile", user, password, address).GET());
  }

  HttpRequest.Builder request(String path, String user, String password, String address) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    if (address != null) {
      builder.header("X-Forwarded-For", address);
    }
    return builder;
  }

  Answer send(HttpRequest.Builder builder) throws IOException, InterruptedException {
    return send(http, builder);
  }

  static Answer send(HttpClient client, HttpRequest.Builder builder) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.headers(), response.body());
  }

  /** Signs in to Tasklist as the login page does: CSRF token first, then the form. */
  Answer webappLogin(String user, String password, String address) throws IOException, InterruptedException {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .build();
    Answer first = send(browser, request("/camunda/api/admin/auth/user/default", null, null, address).GET());
    String token = first.header("X-XSRF-TOKEN");
    assertThat(token).as("CSRF token of the webapps").isNotBlank();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send(browser, request("/camunda/api/admin/auth/user/default/login/tasklist", null, null, address)
        .header("X-XSRF-TOKEN", token)
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** A user of this test only, member of {@code group}, with the tests' password. */
  String dedicatedUser(String userId, String group) {
    if (get(ADMIN, "/engine-rest/user/" + userId + "/profile").status() == 404) {
      check(post(ADMIN, "/engine-rest/user/create", Map.of(
          "profile", Map.of("id", userId, "firstName", "Penguji", "lastName", "Tepi", "email", userId + "@kerjasama.test"),
          "credentials", Map.of("password", PASSWORD))), 204);
      check(put(ADMIN, "/engine-rest/group/" + group + "/members/" + userId, null), 204);
    }
    return userId;
  }

  /** A multipart upload of {@code content} as part {@code file}, with extra request headers. */
  Answer uploadAs(String user, String path, byte[] content, Map<String, String> headers)
      throws IOException, InterruptedException {
    String boundary = "kerjasama-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"nk.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    HttpRequest.Builder builder = request(path, user, PASSWORD, null)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    new LinkedHashMap<>(headers).forEach(builder::header);
    return send(builder);
  }

  /** A domestic agreement of province 61 from the legacy import; its id. */
  long importAgreement() {
    String tag = "edge" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    LegacyCsvFile csv = new LegacyCsvFile();
    csv.row(tag, "DALAM_NEGERI", "Kerja sama uji tepi " + tag, "Provinsi Kalimantan Barat", "Indonesia",
        "province-61", "61", "INFRASTRUKTUR", "NK", "NK-" + tag, TODAY.minusMonths(1), TODAY.minusMonths(1),
        TODAY.plusYears(2));
    check(upload(ADMIN, "/api/admin/imports", tag + ".csv", csv.bytes()), 200);
    JsonNode found = check(get(userOf("fasker"), "/api/agreements?q=" + tag), 200).json();
    return found.at("/items/0/id").asLong();
  }
}
