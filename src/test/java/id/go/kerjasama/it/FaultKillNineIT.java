package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fault suite (issue 14, {@code -Pfault}, docs/reliability.md): the application as a process of its own
 * ({@code java -cp <the test class path> id.go.kerjasama.KerjasamaApplication}, profile {@code postgres}, on the
 * test's embedded PostgreSQL), killed with SIGKILL ({@link Process#destroyForcibly()}) in the middle of a legacy
 * import, then started again on the same database: the import left behind is marked INTERRUPTED with the rows
 * it did, and a re-import of the same file brings every agreement in exactly once; killed while four users
 * complete tasks, then started again: every completion answered 204 is kept, none is doubled, every
 * instance has its next tasks once, and the tasks not done complete after the restart. Province 13 (Sumatera
 * Barat) and its city Padang (1371).
 */
class FaultKillNineIT {

  static final int ROWS = Integer.getInteger("fault.kill.rows", 600);
  static final int TASKS = Integer.getInteger("fault.kill.tasks", 30);
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Process application;
  int port;

  @AfterEach
  void kill() {
    if (application != null) {
      application.destroyForcibly();
    }
  }

  @Test
  void anImportKilledMidwayIsMarkedInterruptedAndTheReimportBringsEveryRowInOnce() throws Exception {
    String url = EmbeddedPostgresDatabase.createFreshDatabase("kerjasama_kill_nine");
    String tag = "k9" + UUID.randomUUID().toString().substring(0, 6);
    LegacyCsvFile csv = new LegacyCsvFile();
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
    for (int i = 0; i < ROWS; i++) {
      LocalDate start = today.minusDays(30 + (i * 37L) % 1400);
      String proposer = i % 3 == 0 ? "1371" : "13";
      csv.row(tag + "/" + i, "DALAM_NEGERI", "Kerja sama antardaerah " + tag + " nomor " + i,
          "Pemerintah Daerah Mitra " + i, "Indonesia", proposer, "13", "EKONOMI;PENDIDIKAN", i % 7 == 0 ? "NK" : "PKS",
          "180/" + i + "/KSDN/" + start.getYear(), start, start, start.plusYears(1 + i % 5).minusDays(1));
    }
    byte[] file = csv.bytes();

    start(url, "first");
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> importFile(file).statusCode());
    long deadline = System.currentTimeMillis() + 120_000;
    int before;
    while ((before = count(url, "SELECT COUNT(*) FROM agreement_legacy_key")) < ROWS / 10
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(before).as("rows imported before the kill").isGreaterThanOrEqualTo(ROWS / 10).isLessThan(ROWS);
    application.destroyForcibly().waitFor();
    int atKill = count(url, "SELECT COUNT(*) FROM agreement_legacy_key");
    assertThat(atKill).as("the import was killed midway").isLessThan(ROWS);
    assertThat(first.handle((status, error) -> status).get()).as("the first import's answer").isNull();

    start(url, "second");
    // the watch at start-up closes what the killed process left (stale after 6 s, see start())
    long closeBy = System.currentTimeMillis() + 30_000;
    while (count(url, "SELECT COUNT(*) FROM legacy_import WHERE status = 'RUNNING'") > 0
        && System.currentTimeMillis() < closeBy) {
      Thread.sleep(500);
    }
    assertThat(count(url, "SELECT COUNT(*) FROM legacy_import WHERE status = 'INTERRUPTED'")).isEqualTo(1);
    assertThat(count(url, "SELECT COUNT(*) FROM legacy_import WHERE status = 'RUNNING'")).isZero();

    HttpResponse<String> again = importFile(file);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(again.body());
    int imported = report.get("importedRows").asInt();
    assertThat(report.get("rejectedRows").asInt()).isZero();
    assertThat(imported).as("the re-import imports only what the killed one had not").isEqualTo(ROWS - atKill);

    int keys = count(url, "SELECT COUNT(*) FROM agreement_legacy_key WHERE legacy_number LIKE '" + tag + "/%'");
    int distinct = count(url, "SELECT COUNT(DISTINCT legacy_number) FROM agreement_legacy_key WHERE legacy_number"
        + " LIKE '" + tag + "/%'");
    int agreements = count(url, "SELECT COUNT(*) FROM agreement WHERE title LIKE 'Kerja sama antardaerah " + tag
        + " nomor %'");
    String ours = "business_key_ IN (SELECT registration_number FROM agreement WHERE title LIKE 'Kerja sama"
        + " antardaerah " + tag + " nomor %')";
    int lifecycles = count(url, "SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'cooperation-lifecycle'"
        + " AND " + ours);
    int doubledLifecycles = count(url, "SELECT COUNT(*) FROM (SELECT business_key_ FROM act_hi_procinst WHERE"
        + " proc_def_key_ = 'cooperation-lifecycle' AND " + ours + " GROUP BY business_key_ HAVING COUNT(*) > 1) d");
    System.out.println("[kill -9] " + ROWS + " rows; killed after " + atKill + " imported; re-import imported "
        + imported + "; agreements " + agreements + ", legacy keys " + keys + " (" + distinct + " distinct),"
        + " lifecycles " + lifecycles + " ("
        + doubledLifecycles + " agreements with two)");
    assertThat(keys).as("lost").isEqualTo(ROWS);
    assertThat(distinct).as("doubled").isEqualTo(ROWS);
    assertThat(agreements).as("agreements: none lost, none doubled").isEqualTo(ROWS);
    assertThat(doubledLifecycles).as("agreements whose lifecycle was started twice").isZero();
    // docs/api.md "Legacy import": an agreement that has ended is registered CLOSED without a lifecycle
    assertThat(lifecycles).as("a lifecycle for every imported agreement still in force")
        .isEqualTo(count(url, "SELECT COUNT(*) FROM agreement WHERE title LIKE 'Kerja sama antardaerah " + tag
            + " nomor %' AND phase <> 'CLOSED'"));
  }

  @Test
  void theApplicationKilledWhileTasksAreCompletedLosesNoCompletionAndDoublesNone() throws Exception {
    String url = EmbeddedPostgresDatabase.createFreshDatabase("kerjasama_kill_nine_tasks");
    start(url, "tasks-first");
    String ministry = "it-ministry-kemensos";
    check(send("POST", IntegrationTest.ADMIN, "/engine-rest/user/create", java.util.Map.of(
        "profile", java.util.Map.of("id", ministry, "firstName", "IT", "lastName", "Kemensos",
            "email", ministry + "@kerjasama.test"),
        "credentials", java.util.Map.of("password", IntegrationTest.PASSWORD))), 204);
    check(send("PUT", IntegrationTest.ADMIN, "/engine-rest/group/ministry-kemensos/members/" + ministry, null), 204);
    List<String[]> tasks = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      String key = JSON.readTree(check(send("POST", ministry,
          "/engine-rest/process-definition/key/cooperation-lifecycle/submit-form", java.util.Map.of("variables",
              FaultSameTaskIT.proposal(i))), 200).body()).get("businessKey").asText();
      // the central approval is called in a job (asynchronous continuations): its first task a moment later
      JsonNode task = null;
      for (long until = System.currentTimeMillis() + 60_000; task == null && System.currentTimeMillis() < until; ) {
        JsonNode found = JSON.readTree(check(send("GET", IntegrationTest.ADMIN, "/engine-rest/task?processInstanceBusinessKey="
            + key + "&taskDefinitionKey=UserTask_CheckFileComplete", null), 200).body());
        if (found.isEmpty()) {
          Thread.sleep(50);
        } else {
          task = found.get(0);
        }
      }
      assertThat(task).as("the first task of " + key).isNotNull();
      check(send("POST", ministry, "/engine-rest/task/" + task.get("id").asText() + "/claim",
          java.util.Map.of("userId", ministry)), 204);
      tasks.add(new String[] {task.get("id").asText(), task.get("processInstanceId").asText()});
    }

    // four users' worth of completions at once; the process killed once a third of them answered 204
    java.util.Set<String> answered = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService users = java.util.concurrent.Executors.newFixedThreadPool(4);
    for (int u = 0; u < 4; u++) {
      users.submit(() -> {
        for (int i; (i = next.getAndIncrement()) < tasks.size(); ) {
          try {
            HttpResponse<String> done = send("POST", ministry, "/engine-rest/task/" + tasks.get(i)[0]
                + "/submit-form", java.util.Map.of("variables", java.util.Map.of("decision",
                    java.util.Map.of("value", "COMPLETE"))));
            if (done.statusCode() == 204) {
              answered.add(tasks.get(i)[1]);
            }
          } catch (RuntimeException killed) {
            return;
          }
        }
      });
    }
    long deadline = System.currentTimeMillis() + 120_000;
    while (answered.size() < TASKS / 3 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    application.destroyForcibly().waitFor();
    users.shutdown();
    users.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    int completedAtKill = count(url, "SELECT COUNT(*) FROM act_hi_taskinst WHERE task_def_key_ ="
        + " 'UserTask_CheckFileComplete' AND end_time_ IS NOT NULL");
    assertThat(completedAtKill).as("killed midway").isLessThan(TASKS);

    start(url, "tasks-second");
    int finishedAfter = 0;
    for (String[] task : tasks) {
      String instance = task[1];
      int completions = countOf(url, "SELECT COUNT(*) FROM act_hi_taskinst WHERE proc_inst_id_ = ? AND task_def_key_ ="
          + " 'UserTask_CheckFileComplete' AND end_time_ IS NOT NULL", instance);
      assertThat(completions).as("completions of " + instance).isLessThanOrEqualTo(1);
      if (answered.contains(instance)) {
        assertThat(completions).as("a completion answered 204 is kept: " + instance).isEqualTo(1);
      }
      if (completions == 0) {
        // not done before the kill: still open, and completes now
        check(send("POST", ministry, "/engine-rest/task/" + task[0] + "/submit-form", java.util.Map.of("variables",
            java.util.Map.of("decision", java.util.Map.of("value", "COMPLETE")))), 204);
        finishedAfter++;
      }
    }
    for (String[] task : tasks) {
      String instance = task[1];
      // the next tasks follow each completion through a job (asynchronous continuations), also one left by the
      // killed process: the restarted job executor runs it
      for (long until = System.currentTimeMillis() + 120_000; countOf(url, "SELECT COUNT(*) FROM act_ru_job"
          + " WHERE process_instance_id_ = ? AND type_ = 'message'", instance) > 0
          && System.currentTimeMillis() < until; ) {
        Thread.sleep(100);
      }
      assertThat(countOf(url, "SELECT COUNT(*) FROM act_hi_taskinst WHERE proc_inst_id_ = ? AND task_def_key_ ="
          + " 'UserTask_CheckFileComplete'", instance)).as("the task created once").isEqualTo(1);
      int nextTasks = countOf(url, "SELECT COUNT(*) FROM act_ru_task WHERE proc_inst_id_ = ? AND task_def_key_ ="
          + " 'UserTask_RecommendPermit'", instance);
      int seats = countOf(url, "SELECT COUNT(DISTINCT il.group_id_) FROM act_ru_task t JOIN act_ru_identitylink il"
          + " ON il.task_id_ = t.id_ AND il.type_ = 'candidate' WHERE t.proc_inst_id_ = ? AND t.task_def_key_ ="
          + " 'UserTask_RecommendPermit'", instance);
      assertThat(nextTasks).as("next tasks of " + instance).isPositive().isEqualTo(seats);
      assertThat(countOf(url, "SELECT COUNT(*) FROM act_hi_taskinst WHERE proc_inst_id_ = ? AND task_def_key_ ="
          + " 'UserTask_RecommendPermit'", instance)).as("next tasks ever created").isEqualTo(nextTasks);
    }
    System.out.println("[kill -9 tasks] " + TASKS + " tasks; " + answered.size() + " answered 204 before the kill, "
        + completedAtKill + " completed in the database at the kill, " + finishedAfter
        + " completed after the restart; lost 0, doubled 0");
  }

  HttpResponse<String> send(String method, String user, String path, Object body) {
    try {
      String password = IntegrationTest.ADMIN.equals(user) ? IntegrationTest.ADMIN_PASSWORD : IntegrationTest.PASSWORD;
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Content-Type", "application/json").header("Accept", "application/json")
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
              .getBytes(StandardCharsets.UTF_8)))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
          .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> check(HttpResponse<String> answer, int expected) {
    if (answer.statusCode() != expected) {
      throw new AssertionError("Expected HTTP " + expected + " but got " + answer.statusCode() + ": " + answer.body());
    }
    return answer;
  }

  static int countOf(String url, String sql, String parameter) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
        java.sql.PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  void start(String url, String name) throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = Files.createDirectories(Path.of("target", "fault-kill-nine")).resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), "id.go.kerjasama.KerjasamaApplication",
        "--spring.profiles.active=postgres",
        "--server.port=" + port,
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--kerjasama.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
        "--kerjasama.mail.enabled=false",
        "--kerjasama.legacy-import.stale-after=6s",
        "--kerjasama.legacy-import.heartbeat-interval=2s",
        // a job the killed process had locked (a submit's follow-up: asynchronous continuations) is taken up once
        // its lock expires: after 20 s here instead of the 5 minutes of production
        "--camunda.bpm.job-execution.lock-time-in-millis=20000"));
    application = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < deadline) {
      if (!application.isAlive()) {
        throw new AssertionError("the application ended at start-up; see " + log);
      }
      try {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the application did not start within 3 minutes; see " + log);
  }

  HttpResponse<String> importFile(byte[] file) {
    try {
      String boundary = "fault" + UUID.randomUUID();
      byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kill-nine.csv\"\r\n"
          + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
      byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/imports"))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json")
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((IntegrationTest.ADMIN + ":"
              + IntegrationTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
          .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail))).build();
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static int count(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
