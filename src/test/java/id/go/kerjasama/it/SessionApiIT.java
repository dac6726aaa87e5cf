package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One login: a browser signed in to Tasklist reads {@code /api} with its
 * session, without a second password; a state-changing call on that session
 * needs the webapps' CSRF token ({@code X-XSRF-TOKEN}), so a page on another
 * site that makes the officer's browser send one is refused — the attack of
 * docs/security.md "Session calls to /api". HTTP Basic keeps working for
 * machines, and wins over a session.
 */
class SessionApiIT extends IntegrationTest {

  /** A browser: keeps its cookies, sends nothing else of its own. */
  final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

  record Answer(int status, String body, String token) {
  }

  @Test
  void anOfficerSignedInToTasklistUsesTheApiWithoutASecondPassword() throws Exception {
    String user = userOf("province-82");
    String token = signIn(user);

    Answer read = send(HttpRequest.newBuilder(uri("/api/me/notifications")).GET());
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(json.readTree(read.body()).toString()).contains(user);

    // a page on another site makes the browser send the session cookie, but cannot know the token
    Answer forged = send(HttpRequest.newBuilder(uri("/api/me/notifications"))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\": false}")));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(json.readTree(forged.body()).get("message").asText())
        .startsWith("Permintaan ditolak: token keamanan sesi (X-XSRF-TOKEN) tidak ada atau salah.");
    Answer wrongToken = send(HttpRequest.newBuilder(uri("/api/me/notifications"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", "tebakan")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\": false}")));
    assertThat(wrongToken.status()).isEqualTo(403);
    assertThat(json.readTree(send(HttpRequest.newBuilder(uri("/api/me/notifications")).GET()).body())
        .get("enabled").asBoolean()).as("nothing changed").isTrue();

    // Tasklist's own scripts send the token: the change is made
    Answer changed = send(HttpRequest.newBuilder(uri("/api/me/notifications"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
        .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\": false}")));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(json.readTree(send(HttpRequest.newBuilder(uri("/api/me/notifications")).GET()).body())
        .get("enabled").asBoolean()).isFalse();
    check(put(user, "/api/me/notifications", Map.of("enabled", true)), 200);

    // the session is not the engine's REST API: that one keeps asking for credentials
    assertThat(send(HttpRequest.newBuilder(uri("/engine-rest/task")).GET()).status()).isEqualTo(401);
  }

  @Test
  void withoutASessionTheApiStillAsksForAPasswordAndMachinesUseBasic() throws Exception {
    assertThat(send(HttpRequest.newBuilder(uri("/api/me/notifications")).GET()).status()).isEqualTo(401);
    // HTTP Basic needs no token (machines); its origin is checked by BrowserRequestGuard
    check(put(userOf("province-82"), "/api/me/notifications", Map.of("enabled", true)), 200);
  }

  @Test
  void afterSigningOutTheSessionNoLongerOpensTheApi() throws Exception {
    String token = signIn(userOf("province-82"));
    assertThat(send(HttpRequest.newBuilder(uri("/api/me/notifications")).GET()).status()).isEqualTo(200);
    Answer out = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/logout"))
        .header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(out.status()).isLessThan(300);
    assertThat(send(HttpRequest.newBuilder(uri("/api/me/notifications")).GET()).status()).isEqualTo(401);
  }

  /** Signs in through the webapps' login form as a browser does; returns the session's CSRF token. */
  String signIn(String user) throws IOException, InterruptedException {
    Answer first = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).GET());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
    Answer login = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("X-XSRF-TOKEN", first.token())
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    // the session is renewed at login; its token comes with the next call of the webapps
    Answer after = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).GET());
    // as the webapps' scripts do: the token of the current session is in the XSRF-TOKEN cookie
    String cookie = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(java.net.HttpCookie::getValue).reduce((a, b) -> b).orElse(null);
    String token = cookie != null ? cookie
        : after.token() != null ? after.token() : login.token() != null ? login.token() : first.token();
    assertThat(token).as("CSRF token of the webapps").isNotBlank();
    return token;
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response = browser.send(request.header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), response.headers().firstValue("X-XSRF-TOKEN")
        .orElse(null));
  }
}
