package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The holes of issue 10 attacked as an ordinary user would, over the real
 * HTTP APIs on PostgreSQL, and shown refused: code run through a query
 * expression (engine REST, a filter, the webapps' own engine API), a province
 * writing into another province's agreement, central approval skipped by
 * instance modification. Login throttling, CSRF, headers and metrics have
 * their own tests.
 */
class SecurityAttackIT extends LifecycleWalkingTest {

  @TempDir
  Path dir;

  private String fileCreating(Path proof) {
    return "${\"\".getClass().forName(\"java.io.File\").getConstructor(\"\".getClass()).newInstance(\""
        + proof.toString().replace("\\", "/") + "\").createNewFile()}";
  }

  private Map<String, Object> orQueryAttack(Path proof) {
    return Map.of("orQueries", List.of(Map.of("assigneeExpression", fileCreating(proof))));
  }

  @Test
  void aQueryExpressionRunsNoCodeOnAnyPath() throws Exception {
    Path proof = dir.resolve("rce-proof");
    String user = userOf("province-33");

    Response list = post(user, "/engine-rest/task", orQueryAttack(proof));
    assertThat(list.status()).isEqualTo(400);
    assertThat(list.json().get("message").asText()).contains("Ekspresi dalam kueri tidak diizinkan");
    assertThat(post(user, "/engine-rest/task/count", orQueryAttack(proof)).status()).isEqualTo(400);

    JsonNode filters = check(get(user, "/engine-rest/filter?resourceType=Task"), 200).json();
    String filterId = filters.get(0).get("id").asText();
    assertThat(post(user, "/engine-rest/filter/" + filterId + "/list", orQueryAttack(proof)).status()).isEqualTo(400);
    assertThat(post(user, "/engine-rest/filter/" + filterId + "/count", orQueryAttack(proof)).status()).isEqualTo(400);
    // not even an administrator stores such a filter
    Response stored = post(ADMIN, "/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "Serangan",
        "query", orQueryAttack(proof)));
    assertThat(stored.status()).isEqualTo(400);

    // the webapps' own engine API, with a Tasklist session and its CSRF token
    WebappSession tasklist = WebappSession.login(port, user, PASSWORD);
    HttpResponse<String> webapp = tasklist.post("/camunda/api/engine/engine/default/task",
        json.writeValueAsString(orQueryAttack(proof)));
    assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(400);
    assertThat(webapp.body()).contains("Ekspresi dalam kueri tidak diizinkan");

    assertThat(proof).as("no code ran on the server").doesNotExist();
    assertThat(Files.exists(Path.of("rce-proof"))).isFalse();
    // the documented helpers still work
    assertThat(check(post(user, "/engine-rest/task",
        Map.of("orQueries", List.of(Map.of("assigneeExpression", "${currentUser()}")))), 200).json().isArray())
        .isTrue();
  }

  @Autowired
  org.springframework.session.SessionRepository<?> sessions;

  /**
   * A webapp call whose session has ended on the server (docs/security.md "Sign-out and expired
   * sessions"), as when an officer presses "Selesaikan" after the idle timeout, or a page on another site
   * posts with the old cookie: refused with 401 and an Indonesian message, no new session, nothing done;
   * Tasklist then keeps the form's values and leads to /masuk. A live session without the token is still
   * refused by Camunda's CSRF filter (403).
   */
  @Test
  void aCallWithASessionThatHasEndedIsRefusedAndMakesNoSession() throws Exception {
    String key = propose("province-34", "LUAR_NEGERI", "province-34", "34");
    String province = userOf("province-34");
    String taskId = check(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + key), 200).json().get(0)
        .get("id").asText();
    WebappSession tasklist = WebappSession.login(port, province, PASSWORD);
    String claim = "/camunda/api/engine/engine/default/task/" + taskId + "/claim";
    String body = "{\"userId\": \"" + province + "\"}";

    // a live session without the token: Camunda's 403, as before
    HttpResponse<String> noToken = tasklist.http().send(HttpRequest.newBuilder(tasklist.uri(claim))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(noToken.statusCode()).isEqualTo(403);

    tasklist = WebappSession.login(port, province, PASSWORD);
    String token = tasklist.token();
    HttpCookie cookie = tasklist.cookies().getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow();
    String id = new String(java.util.Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
    assertThat(sessions.findById(id)).as("the server knows the session").isNotNull();
    sessions.deleteById(id);
    // the old cookie and the old token, with and without the token
    for (boolean withToken : List.of(true, false)) {
      HttpRequest.Builder request = HttpRequest.newBuilder(tasklist.uri(claim)).header("Content-Type", "application/json")
          .header("Accept", "application/json").header("Cookie", "JSESSIONID=" + cookie.getValue());
      if (withToken) {
        request.header("X-XSRF-TOKEN", token);
      }
      HttpResponse<String> ended = HttpClient.newHttpClient().send(
          request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ended.statusCode()).as(ended.body()).isEqualTo(401);
      assertThat(json.readTree(ended.body()).get("message").asText())
          .isEqualTo("Sesi Anda telah berakhir. Silakan masuk kembali; isian yang sudah diketik disimpan di "
              + "peramban ini.");
      assertThat(ended.headers().allValues("Set-Cookie")).as("no new session").isEmpty();
    }
    JsonNode task = check(get(ADMIN, "/engine-rest/task/" + taskId), 200).json();
    assertThat(task.get("assignee").isNull()).as("nobody claimed the task").isTrue();
    // a sign-in with the old cookie is Camunda's as before (its CSRF filter): not answered here
    HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            tasklist.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "JSESSIONID=" + cookie.getValue())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + province + "&password=" + PASSWORD)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(403);
  }

  @Test
  void aProvinceCannotWriteIntoAnotherProvincesAgreement() {
    String own = propose("province-35", "LUAR_NEGERI", "province-35", "35");
    String other = propose("province-36", "LUAR_NEGERI", "province-36", "36");
    walkUntil(own, "UserTask_RecordLoiSigning", LifecycleWalkingTest::answer);
    long otherId = agreementId(other);
    JsonNode before = check(get(userOf("fasker"), "/api/agreements/" + otherId), 200).json();

    String province = userOf("province-35");
    JsonNode task = check(get(province, "/engine-rest/task?processInstanceBusinessKey=" + own
        + "&taskDefinitionKey=UserTask_RecordLoiSigning"), 200).json().get(0);
    String taskId = task.get("id").asText();
    check(post(province, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", province)), 204);
    uploadDocumentOf("UserTask_RecordLoiSigning", taskId, province);

    Map<String, Object> answer = new HashMap<>(signing("LOI-SERANGAN", TODAY, TODAY.plusMonths(24)));
    answer.put("agreementId", Map.of("value", otherId, "type", "Long"));
    Response submitted = post(province, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", answer));
    assertThat(submitted.status()).isEqualTo(403);
    assertThat(submitted.json().get("message").asText()).contains("agreementId");
    Response completed = post(province, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", answer));
    assertThat(completed.status()).isEqualTo(403);
    Response undeclared = post(province, "/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", Map.of("approvalRoute", value("NONE"))));
    assertThat(undeclared.status()).isEqualTo(400);
    assertThat(undeclared.json().get("message").asText())
        .isEqualTo("Isian berikut tidak ada di formulir tugas ini dan tidak boleh dikirim: approvalRoute.");
    assertThat(put(province, "/engine-rest/task/" + taskId + "/variables/agreementId",
        Map.of("value", otherId, "type", "Long")).status()).isEqualTo(403);
    assertThat(post(province, "/engine-rest/task/" + taskId + "/variables",
        Map.of("modifications", Map.of("agreementId", Map.of("value", otherId, "type", "Long")))).status())
        .isEqualTo(403);

    // nothing was written: the task is open, its agreement is its own, the other agreement is unchanged
    assertThat(check(get(ADMIN, "/engine-rest/task/" + taskId), 200).json().get("id").asText()).isEqualTo(taskId);
    assertThat(check(get(ADMIN, "/engine-rest/task/" + taskId + "/variables/agreementId"), 200).json()
        .get("value").asLong()).isEqualTo(agreementId(own));
    assertThat(check(get(userOf("fasker"), "/api/agreements/" + otherId), 200).json()).isEqualTo(before);
    assertThat(get(province, "/api/agreements/" + otherId).status()).isEqualTo(403);

    // the legitimate submission still works
    check(post(province, "/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", signing("LOI-35", TODAY, TODAY.plusMonths(24)))), 204);
  }

  @Test
  void centralApprovalCannotBeSkippedByModifyingTheInstance() {
    String key = propose("ministry-kemensos", "ORMAS_ASING", "ministry-kemensos", "53");
    String lifecycle = lifecycleInstance(key);
    Map<String, Object> skip = Map.of("skipCustomListeners", true, "instructions", List.of(
        Map.of("type", "cancel", "activityId", "CallActivity_CentralApproval"),
        Map.of("type", "startBeforeActivity", "activityId", "CallActivity_AgreementSigning")));

    for (String group : List.of("tpoa-kemlu", "fasker", "ministry-kemensos", "province-53")) {
      String user = userOf(group);
      assertThat(post(user, "/engine-rest/process-instance/" + lifecycle + "/modification", skip).status())
          .as(group + " modifies").isIn(403, 404);
      assertThat(put(user, "/engine-rest/process-instance/" + lifecycle + "/suspended", Map.of("suspended", true))
          .status()).as(group + " suspends").isIn(403, 404);
      assertThat(put(user, "/engine-rest/process-instance/" + lifecycle + "/variables/approvalOutcome",
          Map.of("value", "APPROVED")).status()).as(group + " sets a variable").isIn(403, 404);
      assertThat(post(user, "/engine-rest/job/retries", Map.of("jobQuery", Map.of("processInstanceId", lifecycle), "retries", 1))
          .status()).as(group + " sets job retries").isIn(403, 404);
    }

    JsonNode activities = check(get(ADMIN, "/engine-rest/process-instance/" + lifecycle + "/activity-instances"), 200)
        .json();
    assertThat(activities.findValuesAsText("activityId")).contains("CallActivity_CentralApproval")
        .doesNotContain("CallActivity_AgreementSigning");
    assertThat(check(get(ADMIN, "/engine-rest/process-instance/" + lifecycle), 200).json().get("suspended")
        .asBoolean()).isFalse();
    JsonNode agreement = check(get(userOf("fasker"), "/api/agreements/" + agreementId(key)), 200).json();
    assertThat(agreement.at("/agreement/status").asText()).isNotIn("APPROVED", "SIGNING");
    assertThat(agreement.at("/agreement/phase").asText()).isNotEqualTo("SIGNING");
  }

  private String lifecycleInstance(String key) {
    return check(get(ADMIN, "/engine-rest/process-instance?businessKey=" + key
        + "&processDefinitionKey=cooperation-lifecycle"), 200).json().get(0).get("id").asText();
  }

  /** A browser's session in the webapps: logged in, with the session cookie and the CSRF token. */
  record WebappSession(int port, HttpClient http, CookieManager cookies) {

    static WebappSession login(int port, String user, String password) throws Exception {
      CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
      HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
      WebappSession session = new WebappSession(port, http, cookies);
      // the session and its CSRF token, as Kerjasama's sign-in page gets them
      http.send(HttpRequest.newBuilder(session.uri("/camunda/api/admin/auth/user/default")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
          + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(
              session.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", session.token())
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as("login: " + login.body()).isEqualTo(200);
      return session;
    }

    URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }

    String token() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElse("");
    }

    HttpResponse<String> post(String path, String jsonBody) throws Exception {
      // the session's CSRF token, as Tasklist fetches it after signing in
      HttpResponse<Void> probe = http.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default"))
          .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.discarding());
      String token = probe.headers().firstValue("X-XSRF-TOKEN").orElse(token());
      return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
          .header("Accept", "application/json").header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
