package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fault suite (issue 14, {@code -Pfault}, docs/reliability.md): two whole applications on one embedded
 * PostgreSQL database, the same user submitting the same task's form on both at the same instant (two
 * browser tabs behind a load balancer), through {@code /engine-rest} and through Tasklist's path
 * {@code /camunda/api/engine/…}. One submission wins (204); the other gets a clear 409 or 404 with a message in
 * Bahasa Indonesia, never a 500 and never a 403 (CI once saw 403 "does not have TASK_WORK permission": the
 * loser's node had read the task before the winner's commit deleted it and its authorizations); the task is
 * completed once in history and its next tasks exist once. Foreign-NGO cooperations located in province 13
 * (Sumatera Barat).
 */
class FaultSameTaskIT {

  static final int ROUNDS = Integer.getInteger("fault.sametask.rounds", 16);
  static final String MINISTRY = "it-ministry-kemensos";
  static final String PASSWORD = IntegrationTest.PASSWORD;
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  /** What the loser reads: a conflict (409) and a task already gone (404). */
  static final String CONFLICT = "Tugas ini baru saja diselesaikan atau diubah oleh pengguna lain; muat ulang halaman.";
  static final String GONE = "Tugas ini sudah diselesaikan atau tidak ada lagi (mungkin oleh pengguna lain); muat "
      + "ulang halaman.";
  /**
   * The four ways a form reaches the engine, one per round in turn. Tasklist's first: the first round, with
   * the nodes' caches cold, is the one most likely to catch the loser between reading the task and checking
   * the user's right to it.
   */
  static final List<String> WAYS = List.of("tasklist submit-form", "engine-rest submit-form", "tasklist complete",
      "engine-rest complete");

  static final Map<Integer, String> ENGINES = new java.util.concurrent.ConcurrentHashMap<>();
  static String url;
  static ConfigurableApplicationContext node1;
  static ConfigurableApplicationContext node2;

  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  @BeforeAll
  static void startTwoNodes() {
    url = EmbeddedPostgresDatabase.createFreshDatabase("kerjasama_same_task");
    node1 = ApplicationNode.start(url);
    node2 = ApplicationNode.start(url);
    for (ConfigurableApplicationContext node : List.of(node1, node2)) {
      ENGINES.put(port(node), node.getBean(org.camunda.bpm.engine.ProcessEngine.class).getName());
    }
    assertThat(ENGINES.values()).doesNotHaveDuplicates().hasSize(2);
  }

  @AfterAll
  static void stop() {
    for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {node2, node1}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  void theSameTaskSubmittedOnTwoNodesAtOnceIsCompletedOnceAndTheLoserGetsAClear4xx() throws Exception {
    int port1 = port(node1);
    int port2 = port(node2);
    createUser(port1, MINISTRY, "ministry-kemensos");
    Map<Integer, TasklistTab> tabs = Map.of(
        port1, TasklistTab.signIn(port1, ENGINES.get(port1), MINISTRY, PASSWORD),
        port2, TasklistTab.signIn(port2, ENGINES.get(port2), MINISTRY, PASSWORD));
    int conflicts = 0;
    int notFound = 0;
    ExecutorService twoTabs = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String key = check(send(port1, MINISTRY, "POST",
            "/engine-rest/process-definition/key/cooperation-lifecycle/submit-form", Map.of("variables",
                proposal(round))), 200).json().get("businessKey").asText();
        JsonNode task = firstTask(port1, "/engine-rest/task?processInstanceBusinessKey="
            + key + "&taskDefinitionKey=UserTask_CheckFileComplete");
        String taskId = task.get("id").asText();
        String instance = task.get("processInstanceId").asText();
        check(send(port1, MINISTRY, "POST", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", MINISTRY)),
            204);

        Map<String, Object> form = Map.of("variables", Map.of("decision", Map.of("value", "COMPLETE")));
        String way = WAYS.get(round % WAYS.size());
        String action = way.substring(way.indexOf(' ') + 1);
        String body = JSON.writeValueAsString(form);
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int port : new int[] {port1, port2}) {
          answers.add(CompletableFuture.supplyAsync(() -> {
            try {
              together.await();
              return way.startsWith("tasklist") ? tabs.get(port).post(tabs.get(port).task(taskId, action), body)
                  : send(port, MINISTRY, "POST", "/engine-rest/task/" + taskId + "/" + action, form);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }, twoTabs));
        }
        List<Answer> both = List.of(answers.get(0).get(), answers.get(1).get());
        System.out.println("[same task] round " + round + " " + way + ": "
            + both.stream().map(a -> a.status() + " " + a.body()).toList());

        assertThat(both).as("answers of round " + round + " (" + way + ")").filteredOn(a -> a.status() == 204)
            .hasSize(1);
        Answer loser = both.stream().filter(a -> a.status() != 204).findFirst().orElseThrow();
        assertThat(loser.status()).as("the second submission (" + way + "), never 403 or 5xx: " + loser.body())
            .isIn(404, 409);
        assertThat(loser.json().get("message").asText()).as("what the loser reads (" + way + ")")
            .isEqualTo(loser.status() == 409 ? CONFLICT : GONE);
        if (loser.status() == 409) {
          conflicts++;
        } else {
          notFound++;
        }

        assertThat(count("SELECT COUNT(*) FROM act_hi_taskinst WHERE proc_inst_id_ = ? AND task_def_key_ ="
            + " 'UserTask_CheckFileComplete' AND end_time_ IS NOT NULL", instance)).as("completions in history")
            .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM act_hi_taskinst WHERE proc_inst_id_ = ? AND task_def_key_ ="
            + " 'UserTask_CheckFileComplete'", instance)).as("the task was created once").isEqualTo(1);
        awaitFollowUps(instance);
        int next = count("SELECT COUNT(*) FROM act_ru_task WHERE proc_inst_id_ = ? AND task_def_key_ ="
            + " 'UserTask_RecommendPermit'", instance);
        int seats = count("SELECT COUNT(DISTINCT il.group_id_) FROM act_ru_task t JOIN act_ru_identitylink il"
            + " ON il.task_id_ = t.id_ AND il.type_ = 'candidate' WHERE t.proc_inst_id_ = ? AND t.task_def_key_ ="
            + " 'UserTask_RecommendPermit'", instance);
        assertThat(next).as("next tasks, one per TPOA seat").isPositive().isEqualTo(seats);
        assertThat(count("SELECT COUNT(*) FROM act_hi_taskinst WHERE proc_inst_id_ = ? AND task_def_key_ ="
            + " 'UserTask_RecommendPermit'", instance)).as("next tasks ever created").isEqualTo(next);
      }
    } finally {
      twoTabs.shutdownNow();
    }
    System.out.println("[same task] " + ROUNDS + " rounds: " + ROUNDS + " won, " + conflicts + " lost with 409, "
        + notFound + " lost with 404, 0 answered 5xx, 0 completed twice");
  }

  /**
   * The location region's co-sign task of a foreign NGO's RKT (UserTask_ReviewRegionalRkt): another province and
   * the NGO itself are refused (403/404, the task untouched); the province's user submitting it on both nodes at
   * once completes it once, the loser reads a clear 404/409 and the Mitra Utama's review follows once.
   */
  @Test
  void theRktCoSignTaskIsTheProvincesAloneAndCompletedOnceWhenSubmittedOnTwoNodes() throws Exception {
    int port1 = port(node1);
    int port2 = port(node2);
    String ngo = "ngo-fault-rkt";
    check(send(port1, IntegrationTest.ADMIN, "POST", "/engine-rest/group/create",
        Map.of("id", ngo, "name", "Yayasan Uji Ketahanan RKT", "type", "NGO")), 204);
    String ngoUser = "it-ngo-fault-rkt";
    String province = "it-province-13";
    String otherProvince = "it-province-14";
    createUser(port1, ngoUser, ngo);
    createUser(port1, province, "province-13");
    createUser(port1, otherProvince, "province-14");

    // a signed MSP of Kemensos naming the NGO in Sumatera Barat, and its RKT cycle (as the lifecycle starts it)
    var agreements = node1.getBean(id.go.kerjasama.registry.AgreementService.class);
    java.time.LocalDate start = LocalDateFor.START;
    var agreement = agreements.register(new id.go.kerjasama.registry.NewProposal(
        id.go.kerjasama.registry.CooperationType.ORMAS_ASING, "Sekolah lapang uji tugas ganda",
        "Yayasan Uji Ketahanan RKT", "Jepang", "ministry-kemensos", null, "ministry-kemensos", List.of("province-13"),
        List.of("EKONOMI"), start, 24, false, null, null, null, ngo), "it-test", null);
    agreements.recordSigning(agreement.id(), "MSP", "MSP-FAULT-" + agreement.id(), "Menteri Sosial, Country Director",
        start, start, start.plusMonths(24));
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("agreementId", agreement.id());
    variables.put("registrationNumber", agreement.registrationNumber());
    variables.put("cooperationType", "ORMAS_ASING");
    variables.put("proposerGroup", "ministry-kemensos");
    variables.put("proposerLevel", "MINISTRY");
    variables.put("partnerMinistryGroup", "ministry-kemensos");
    variables.put("cycleYear", start.getYear());
    String key = agreement.registrationNumber();
    String instance = node1.getBean(org.camunda.bpm.engine.ProcessEngine.class).getRuntimeService()
        .startProcessInstanceByKey("annual-work-plan", key, variables).getId();

    JsonNode draft = firstTask(port1, "/engine-rest/task?processInstanceId=" + instance
        + "&taskDefinitionKey=UserTask_DraftRegionalRkt");
    check(send(port1, ngoUser, "POST", "/engine-rest/task/" + draft.get("id").asText() + "/claim",
        Map.of("userId", ngoUser)), 204);
    check(send(port1, ngoUser, "POST", "/engine-rest/task/" + draft.get("id").asText() + "/submit-form",
        Map.of("variables", rkt(start))), 204);
    JsonNode review = firstTask(port1, "/engine-rest/task?processInstanceId="
        + instance + "&taskDefinitionKey=UserTask_ReviewRegionalRkt");
    String taskId = review.get("id").asText();
    Map<String, Object> sign = Map.of("variables", Map.of("decision", Map.of("value", "APPROVED")));

    for (String outsider : List.of(otherProvince, ngoUser)) {
      for (int port : new int[] {port1, port2}) {
        assertThat(send(port, outsider, "POST", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", outsider))
            .status()).as("claim as " + outsider).isIn(403, 404);
        assertThat(send(port, outsider, "POST", "/engine-rest/task/" + taskId + "/complete", sign).status())
            .as("complete as " + outsider).isIn(403, 404);
      }
    }
    assertThat(count("SELECT COUNT(*) FROM act_ru_task WHERE id_ = ? AND assignee_ IS NULL", taskId))
        .as("the co-sign task, untouched").isEqualTo(1);

    check(send(port1, province, "POST", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", province)), 204);
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService twoTabs = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<Answer>> answers = new ArrayList<>();
      for (int port : new int[] {port1, port2}) {
        answers.add(CompletableFuture.supplyAsync(() -> {
          try {
            together.await();
            return send(port, province, "POST", "/engine-rest/task/" + taskId + "/submit-form", sign);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, twoTabs));
      }
      List<Answer> both = List.of(answers.get(0).get(), answers.get(1).get());
      assertThat(both).as("answers").filteredOn(a -> a.status() == 204).hasSize(1);
      Answer loser = both.stream().filter(a -> a.status() != 204).findFirst().orElseThrow();
      assertThat(loser.status()).as("the second submission, never 403 or 5xx: " + loser.body()).isIn(404, 409);
      assertThat(loser.json().get("message").asText()).isEqualTo(loser.status() == 409 ? CONFLICT : GONE);
    } finally {
      twoTabs.shutdownNow();
    }
    awaitFollowUps(instance);
    assertThat(count("SELECT COUNT(*) FROM act_hi_taskinst WHERE proc_inst_id_ = ? AND task_def_key_ ="
        + " 'UserTask_ReviewRegionalRkt' AND end_time_ IS NOT NULL", instance)).as("co-signed once").isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM act_hi_taskinst WHERE proc_inst_id_ = ? AND task_def_key_ ="
        + " 'UserTask_ReviewWorkPlanPartnerMinistry'", instance)).as("the Mitra Utama's review, once").isEqualTo(1);
  }

  /** Today's date on the nodes' clock, for the test cooperation's start. */
  static final class LocalDateFor {
    static final java.time.LocalDate START = LifecycleWalkingTest.TODAY;
  }

  /** The regional RKT draft form over REST (the NGO's one location region). */
  static Map<String, Object> rkt(java.time.LocalDate start) {
    int year = start.getYear();
    return Map.of(
        "objectives", Map.of("value", "Meningkatkan pendapatan petani"),
        "targets", Map.of("value", "120 petani terlatih"),
        "activities", Map.of("value", "Sekolah lapang dan pendampingan"),
        "budgetAmount", Map.of("value", 750_000_000L, "type", "Long"),
        "budgetCurrency", Map.of("value", "IDR"),
        "planStart", Map.of("value", start.toString()),
        "planEnd", Map.of("value", year + "-12-31"),
        "schedule", Map.of("value", "Semester I persiapan, semester II pelaksanaan"),
        "reportFrequency", Map.of("value", "SEMESTER"),
        "masterPlanReference", Map.of("value", "RIK 2026-2028 No. 7/RIK/2026"));
  }

  static Map<String, Object> proposal(int round) {
    return Map.of(
        "cooperationType", Map.of("value", "ORMAS_ASING"),
        "title", Map.of("value", "Kerja sama uji tugas ganda Sumatera Barat " + round),
        "partnerName", Map.of("value", "Yayasan Uji Ketahanan"),
        "partnerCountry", Map.of("value", "Jepang"),
        "proposerUnit", Map.of("value", "ministry-kemensos"),
        "locationProvinces", Map.of("value", "[\"13\"]", "type", "Json"),
        "sectors", Map.of("value", "[\"EKONOMI\"]", "type", "Json"),
        "proposedStart", Map.of("value", LifecycleWalkingTest.TODAY.plusDays(7).toString()),
        "durationMonths", Map.of("value", 12, "type", "Long"));
  }

  static void createUser(int port, String userId, String group) {
    check(send(port, IntegrationTest.ADMIN, "POST", "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", userId, "firstName", "IT", "lastName", group, "email", userId + "@kerjasama.test"),
        "credentials", Map.of("password", PASSWORD))), 204);
    check(send(port, IntegrationTest.ADMIN, "PUT", "/engine-rest/group/" + group + "/members/" + userId, null), 204);
  }

  /** Waits until the instance has no message job left: the follow-up of a submit runs in a job (either node's). */
  static void awaitFollowUps(String instance) throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    while (count("SELECT COUNT(*) FROM act_ru_job WHERE process_instance_id_ = ? AND type_ = 'message'", instance) > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The follow-up jobs of " + instance + " did not run within 60 s");
      }
      Thread.sleep(50);
    }
  }

  static int count(String sql, String parameter) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  static Answer send(int port, String user, String method, String path, Object body) {
    try {
      String password = IntegrationTest.ADMIN.equals(user) ? IntegrationTest.ADMIN_PASSWORD : PASSWORD;
      // in one JVM both nodes' REST layers find engines in one static registry: each node is asked for its own
      // engine by name, so that node 1's port works on node 1's engine and node 2's on node 2's
      String engine = ENGINES.get(port);
      String routed = path.replaceFirst("^/engine-rest/", "/engine-rest/engine/" + engine + "/");
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + routed))
          .header("Content-Type", "application/json").header("Accept", "application/json")
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
              .getBytes(StandardCharsets.UTF_8)))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
          .build();
      HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(answer.statusCode(), answer.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The first task {@code query} finds on the node at {@code port}, as the administrator, waiting for it
   * to appear: with the asynchronous continuations (on by default) a task follows a start or a submit
   * through a job of the job executor.
   */
  static JsonNode firstTask(int port, String query) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    while (true) {
      JsonNode tasks = check(send(port, IntegrationTest.ADMIN, "GET", query, null), 200).json();
      if (!tasks.isEmpty()) {
        return tasks.get(0);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("No task for " + query + " within 60 s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  static Answer check(Answer answer, int expected) {
    if (answer.status() != expected) {
      throw new AssertionError("Expected HTTP " + expected + " but got " + answer.status() + ": " + answer.body());
    }
    return answer;
  }

  static int port(ConfigurableApplicationContext node) {
    return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
  }
}
