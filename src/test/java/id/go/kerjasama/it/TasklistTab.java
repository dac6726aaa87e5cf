package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser tab signed in to Tasklist on one node: its session cookie and CSRF token, sending what Tasklist
 * sends to the webapps' engine API ({@code /camunda/api/engine/engine/<engine>/…}). The token is fetched once
 * at sign-in, as Tasklist does, so that a request sent at a given instant is that request alone.
 */
final class TasklistTab {

  private final int port;
  private final String engine;
  private final HttpClient http;
  private final CookieManager cookies;
  private String token;

  private TasklistTab(int port, String engine) {
    this.port = port;
    this.engine = engine;
    this.cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  static TasklistTab signIn(int port, String engine, String user, String password) throws Exception {
    TasklistTab tab = new TasklistTab(port, engine);
    // the session and its CSRF token, as Kerjasama's sign-in page gets them (Tasklist's page without a
    // session leads to that page)
    tab.http.send(HttpRequest.newBuilder(tab.uri("/camunda/api/admin/auth/user/" + engine)).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> login = tab.http.send(HttpRequest.newBuilder(
            tab.uri("/camunda/api/admin/auth/user/" + engine + "/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", tab.cookieToken())
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as("Tasklist sign-in on port " + port + ": " + login.body()).isEqualTo(200);
    HttpResponse<Void> probe = tab.http.send(HttpRequest.newBuilder(tab.uri("/camunda/api/admin/auth/user/" + engine))
        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.discarding());
    tab.token = probe.headers().firstValue("X-XSRF-TOKEN").orElse(tab.cookieToken());
    return tab;
  }

  /** The path of a task action in the webapps' engine API, e.g. {@code task(id, "submit-form")}. */
  String task(String taskId, String action) {
    return "/camunda/api/engine/engine/" + engine + "/task/" + taskId + "/" + action;
  }

  /** POSTs JSON as Tasklist does; answers status and body. */
  FaultSameTaskIT.Answer post(String path, String jsonBody) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .header("Accept", "application/json").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build(), HttpResponse.BodyHandlers.ofString());
    return new FaultSameTaskIT.Answer(answer.statusCode(), answer.body());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private String cookieToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse("");
  }
}
