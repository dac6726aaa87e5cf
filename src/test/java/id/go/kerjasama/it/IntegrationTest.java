package id.go.kerjasama.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * Base of the integration tests: the whole application, production profile
 * {@code postgres}, on a real PostgreSQL (embedded), on a random port,
 * driven through its public HTTP APIs as real users with HTTP Basic
 * authentication. All integration tests share one application and database;
 * each test makes its own data. Passwords meet the password policy.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // as behind a reverse proxy: X-Forwarded-For from 127.0.0.1 is the client's address, so the
    // login throttling tests (WebEdgeSecurityIT) act from addresses of their own and the other
    // tests' few wrong passwords from 127.0.0.1 never add up
    "server.forward-headers-strategy=native",
    // short waits, so that a test sees a throttled login become possible again
    "kerjasama.security.login.base-delay=1s",
    "kerjasama.security.login.max-delay=3s",
    "kerjasama.security.allowed-origins=https://portal.kerjasama.test",
    // the walks of the routes recorded before KSDD/KSDPK/KSDPL/KSDLL still start a region's LUAR_NEGERI and
    // DALAM_NEGERI proposals (old instances and imports run them; production refuses new ones)
    "kerjasama.proposal.accept-legacy-regional-types=true"})
@ActiveProfiles("postgres")
public abstract class IntegrationTest {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "Pengelola-Uji-2026!";
  public static final String PASSWORD = "Rahasia-Uji-42";

  @LocalServerPort
  protected int port;

  @Autowired
  protected ObjectMapper json;

  /** A response: status and body as JSON (or text). */
  public record Response(int status, String body, ObjectMapper mapper) {

    public JsonNode json() {
      try {
        return mapper.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  protected RestClient client(String user, String password) {
    RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port);
    if (user != null) {
      builder.defaultHeaders(h -> h.setBasicAuth(user, password));
    }
    return builder.build();
  }

  protected Response get(String user, String path) {
    return exchange(user, "GET", path, null);
  }

  protected Response post(String user, String path, Object body) {
    return exchange(user, "POST", path, body);
  }

  protected Response put(String user, String path, Object body) {
    return exchange(user, "PUT", path, body);
  }

  protected Response exchange(String user, String method, String path, Object body) {
    String password = ADMIN.equals(user) ? ADMIN_PASSWORD : PASSWORD;
    RestClient.RequestBodySpec spec = client(user, password).method(org.springframework.http.HttpMethod.valueOf(method))
        .uri(path)
        .accept(MediaType.APPLICATION_JSON);
    if (body != null) {
      spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return spec.exchange((req, res) -> new Response(res.getStatusCode().value(),
        new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), json));
  }

  /** A multipart/form-data POST: a file part {@code file} named {@code fileName}, plus the query in {@code path}. */
  protected Response upload(String user, String path, String fileName, byte[] content) {
    org.springframework.util.MultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
    parts.add("file", new org.springframework.core.io.ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    String password = ADMIN.equals(user) ? ADMIN_PASSWORD : PASSWORD;
    return client(user, password).post().uri(path)
        .contentType(MediaType.MULTIPART_FORM_DATA).accept(MediaType.APPLICATION_JSON).body(parts)
        .exchange((req, res) -> new Response(res.getStatusCode().value(),
            new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), json));
  }

  /** A request with this body and Content-Type as it is (its Content-Length set). */
  protected Response raw(String user, String method, String path, String contentType, byte[] body) {
    String password = ADMIN.equals(user) ? ADMIN_PASSWORD : PASSWORD;
    return client(user, password).method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
        .accept(MediaType.APPLICATION_JSON).header("Content-Type", contentType).body(body)
        .exchange((req, res) -> new Response(res.getStatusCode().value(),
            new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), json));
  }

  /** A POST (or {@code method}) without Content-Length: the body streamed in chunks. */
  protected Response chunked(String user, String path, String contentType, byte[] body, String... method)
      throws Exception {
    String password = ADMIN.equals(user) ? ADMIN_PASSWORD : PASSWORD;
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://localhost:" + port + path))
        .header("Content-Type", contentType).header("Accept", "application/json")
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .method(method.length > 0 ? method[0] : "POST", java.net.http.HttpRequest.BodyPublishers.ofInputStream(
            () -> new java.io.ByteArrayInputStream(body))).build();
    java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(request,
        java.net.http.HttpResponse.BodyHandlers.ofString());
    return new Response(answer.statusCode(), answer.body(), json);
  }

  /** Deploys a one-event process {@code processId} through the engine REST API, as Camunda Modeler does. */
  /**
   * What the server answered, within {@code wait}, to a {@code POST} upload of which only the first 64 KB of a
   * declared 8 MB were sent (a file part named {@code file} when multipart): an answer before the body is in
   * shows that the server did not read it first. Empty when nothing came within the wait.
   */
  protected String partialUpload(String user, String path, String contentType, java.time.Duration wait)
      throws java.io.IOException {
    String password = ADMIN.equals(user) ? ADMIN_PASSWORD : PASSWORD;
    String credentials = java.util.Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout((int) wait.toMillis());
      java.io.OutputStream out = socket.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Authorization: Basic " + credentials + "\r\nContent-Type: " + contentType + "\r\n"
          + "Content-Length: " + (8 * 1024 * 1024) + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      byte[] start = ("--batas\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n"
          + "legacy_number\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      byte[] first = new byte[64 * 1024];
      java.util.Arrays.fill(first, (byte) 'a');
      System.arraycopy(start, 0, first, 0, start.length);
      out.write(first);
      out.flush();
      java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        java.io.InputStream in = socket.getInputStream();
        // until the (small) JSON answer is complete: the server need not close the connection
        for (int read; !complete(answer.toString(java.nio.charset.StandardCharsets.UTF_8))
            && (read = in.read(buffer)) > 0; ) {
          answer.write(buffer, 0, read);
        }
      } catch (java.net.SocketTimeoutException noAnswer) {
        // nothing (more) within the wait
      }
      return answer.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static boolean complete(String answer) {
    String body = answer.strip();
    return answer.contains("\"message\"") && (body.endsWith("}") || body.endsWith("\r\n0"));
  }

  /**
   * Imports rows {@code 0 .. count-1} of {@code rows} through the real legacy import as the administrator, in files
   * of 1,614 rows (Kemendagri's file of domestic memoranda), each inside its upload request.
   */
  protected void importRows(LegacyRows rows, String tag, int count) {
    for (int first = 0; first < count; first += 1614) {
      LegacyCsvFile csv = new LegacyCsvFile();
      for (int i = first; i < Math.min(count, first + 1614); i++) {
        rows.add(csv, i);
      }
      check(upload(ADMIN, "/api/admin/imports", tag + "-" + first + ".csv", csv.bytes()), 200);
    }
  }

  protected Response deployProcess(String user, String processId) {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          targetNamespace="http://kerjasama">
          <process id="%s" name="Uji deploy" isExecutable="true" camunda:historyTimeToLive="P1D" camunda:versionTag="1">
            <startEvent id="StartEvent_Start"/>
          </process>
        </definitions>
        """.formatted(processId);
    org.springframework.util.MultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
    parts.add("deployment-name", processId);
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("data", new org.springframework.core.io.ByteArrayResource(bpmn.getBytes()) {
      @Override
      public String getFilename() {
        return processId + ".bpmn";
      }
    });
    String password = ADMIN.equals(user) ? ADMIN_PASSWORD : PASSWORD;
    return client(user, password).post().uri("/engine-rest/deployment/create")
        .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
        .exchange((req, res) -> new Response(res.getStatusCode().value(),
            new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), json));
  }

  /** Fasker registers a foreign NGO ({@link id.go.kerjasama.ngo.TestNgos#swissFoundation}); returns its id. Its group is {@code ngo-<code>}. */
  protected long registerNgo(String code, String name) {
    return check(post(userOf("fasker"), "/api/ngos", id.go.kerjasama.ngo.TestNgos.swissFoundation(code, name)), 201)
        .json().get("id").asLong();
  }

  /** The test user of a group, {@code it-<group>}, created by the administrator through REST. */
  protected String userOf(String group) {
    String userId = "it-" + group;
    if (get(ADMIN, "/engine-rest/user/" + userId + "/profile").status() == 404) {
      Response created = post(ADMIN, "/engine-rest/user/create", Map.of(
          "profile", Map.of("id", userId, "firstName", "IT", "lastName", group, "email", userId + "@kerjasama.test"),
          "credentials", Map.of("password", PASSWORD)));
      check(created, 204);
      check(put(ADMIN, "/engine-rest/group/" + group + "/members/" + userId, null), 204);
    }
    return userId;
  }

  /**
   * With the asynchronous continuations (kerjasama.engine.async-continuations, on by default) the
   * work after a submit, a fired timer or a started proposal runs as a job of the job executor: waits
   * until the agreement's instances (the business key's, the called phases included) have no message
   * job left, so the next task is there before it is looked for. Fails at once if a follow-up job has
   * used up its retries (an incident in Cockpit), with the job's exception.
   *
   * <p>One answer is a consistent picture only if the set of instances did not change while their
   * jobs were counted: a called phase's last job ends that instance and leaves the next job in the
   * parent, and a parent counted before that commit and a child counted after it would both say
   * "none". So the instances are listed before and after the counts, and "none left" counts only when
   * both lists are the same (session 8: the cause of the walk in run 11 that ended with neither a task
   * nor a timer).
   */
  protected void awaitFollowUps(String key) {
    awaitFollowUps(key, () -> instancesOf(key));
  }

  /**
   * The answer of a process start over REST ({@code …/submit-form} or {@code …/start}), once the
   * started instance's follow-up jobs have run (a lifecycle calls its central approval in a job).
   */
  protected JsonNode started(JsonNode instance) {
    awaitFollowUpsOfInstance(instance.get("id").asText());
    return instance;
  }

  /**
   * As {@link #awaitFollowUps(String)} for an instance by its id (e.g. a task's): its business key's
   * instances, or the instance alone if it has no business key.
   */
  protected void awaitFollowUpsOfInstance(String instanceId) {
    Response instance = get(ADMIN, "/engine-rest/history/process-instance/" + instanceId);
    JsonNode key = instance.status() == 200 ? instance.json().get("businessKey") : null;
    if (key != null && !key.isNull() && !key.asText().isEmpty()) {
      awaitFollowUps(key.asText());
    } else {
      awaitFollowUps("instance " + instanceId, () -> List.of(instanceId));
    }
  }

  private void awaitFollowUps(String what, java.util.function.Supplier<List<String>> instances) {
    String key = what;
    long deadline = System.nanoTime() + FOLLOW_UP_WAIT.toNanos();
    while (true) {
      List<String> before = instances.get();
      long pending = 0;
      for (String instance : before) {
        JsonNode failed = check(get(ADMIN, "/engine-rest/job?noRetriesLeft=true&processInstanceId=" + instance), 200)
            .json();
        if (!failed.isEmpty()) {
          throw new AssertionError("A follow-up job of " + key + " failed (an incident): "
              + failed.get(0).get("exceptionMessage").asText());
        }
        pending += check(get(ADMIN, "/engine-rest/job/count?messages=true&processInstanceId=" + instance), 200)
            .json().get("count").asLong();
      }
      if (pending == 0 && before.equals(instances.get())) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The follow-up jobs of " + key + " did not run within " + FOLLOW_UP_WAIT);
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** How long a walk waits for the job executor (generous: the build machine is shared). */
  static final java.time.Duration FOLLOW_UP_WAIT = java.time.Duration.ofSeconds(60);

  private List<String> instancesOf(String key) {
    List<String> ids = new ArrayList<>();
    check(get(ADMIN, "/engine-rest/process-instance?businessKey=" + key), 200).json()
        .forEach(i -> ids.add(i.get("id").asText()));
    java.util.Collections.sort(ids);
    return ids;
  }

  protected static Response check(Response response, int expected) {
    if (response.status() != expected) {
      throw new AssertionError("Expected HTTP " + expected + " but got " + response.status() + ": " + response.body());
    }
    return response;
  }

  protected static Map<String, Object> value(Object v) {
    return Map.of("value", v);
  }

  protected static Map<String, Object> json(String v) {
    return Map.of("value", v, "type", "Json");
  }

  static HttpStatusCode status(int code) {
    return HttpStatusCode.valueOf(code);
  }

  static HttpHeaders none() {
    return new HttpHeaders();
  }

  /** Polls {@code condition} every 250 ms until it holds; fails the test after {@code limit}. */
  protected static void await(java.time.Duration limit, java.util.function.BooleanSupplier condition) {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("Not reached within " + limit);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting", e);
      }
    }
  }
}
