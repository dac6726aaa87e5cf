package id.go.kerjasama.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The cluster part of the benchmark (docs/performance.md "Run 8b"): figures, with exactly-once checked.
 * Starts one whole application (production profile) on a fresh embedded PostgreSQL database with mail to
 * GreenMail, and later a second one on the same database, and measures
 *
 * <ul>
 *   <li>the year-end burst ({@link YearEndBurst}): {@code bench.burst} report-due timers with a reminder mail
 *       and a timeline row each, drained on one node, then (after the second node started) another
 *       {@code bench.burst} on two nodes; every timer, mail and row once, or the run fails;</li>
 *   <li>the migration of {@code bench.migrations} running instances to a new diagram version through
 *       {@code POST /api/admin/migrations} (the request, then the batch polled on
 *       {@code GET /api/admin/migrations/{id}} as its progress);</li>
 *   <li>the history cleanup ({@link HistoryCleanupRun}) of {@code bench.cleanup} instances past the 10-year
 *       time to live beside as many younger ones.</li>
 * </ul>
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.tests=**}{@code /ClusterBenchmark.java} (sizes: {@code -Dbench.burst},
 * {@code -Dbench.migrations}, {@code -Dbench.cleanup}); writes {@code target/bench/cluster/report.json} and
 * {@code .md}. Runs in a JVM of its own (two application contexts, like {@link TwoNodesIT}).
 */
class ClusterBenchmark {

  static final int BURST = Integer.getInteger("bench.burst", 300);
  static final int MIGRATIONS = Integer.getInteger("bench.migrations", 300);
  static final int CLEANUP = Integer.getInteger("bench.cleanup", 300);
  static final int STARTERS = Integer.getInteger("bench.clients", 8);
  /** false: node 1 only (the burst on one node; migration and cleanup on it alone), to compare settings quickly. */
  static final boolean TWO_NODES = !"false".equals(System.getProperty("bench.twoNodes"));
  static final int SMTP_PORT = freePort();
  static final String MIGRATION_PROCESS = "bench-migration";

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
      .withPerMethodLifecycle(false);

  private static final List<ConfigurableApplicationContext> NODES = new ArrayList<>();
  private final BenchReport report = new BenchReport();
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterAll
  static void stop() {
    ClockUtil.reset();
    for (int i = NODES.size() - 1; i >= 0; i--) {
      NODES.get(i).close();
    }
  }

  @Test
  void cluster() throws Exception {
    report.parameter("burst", BURST);
    report.parameter("migrations", MIGRATIONS);
    report.parameter("cleanup", CLEANUP);
    report.parameter("starters", STARTERS);
    String url = EmbeddedPostgresDatabase.createFreshDatabase("kerjasama_cluster_bench");

    report.load("start of node 1");
    long s1 = System.nanoTime();
    // engine "default" as in production: the migration is driven through this node's /api
    ConfigurableApplicationContext node1 = ApplicationNode.startWithMail(url, "node-1", SMTP_PORT, false);
    NODES.add(node1);
    report.machine("node1StartSeconds", YearEndBurst.seconds(System.nanoTime() - s1));
    // the job executor's settings as the node resolved them (shipped, or varied by -D... on the JVM)
    for (String knob : List.of("core-pool-size", "max-pool-size", "queue-capacity", "max-jobs-per-acquisition",
        "wait-time-in-millis", "max-wait", "backoff-time-in-millis", "lock-time-in-millis")) {
      report.parameter("job-execution." + knob, node1.getEnvironment().getProperty("camunda.bpm.job-execution." + knob,
          "(default)"));
    }
    report.parameter("hikari.maximum-pool-size", node1.getEnvironment().getProperty(
        "spring.datasource.hikari.maximum-pool-size"));

    report.machine("rssMbIdleOneNode", KerjasamaBenchmark.residentMb());
    if (BURST > 0) {
      report.load("year-end burst on one node");
      YearEndBurst one = new YearEndBurst(greenMail, Map.of(node1, "node-1"));
      one.prepare();
      burst(one.run("one", BURST, STARTERS, 3600), "one node");
      // one JVM: the node, GreenMail and the benchmark (PostgreSQL is a process of its own)
      report.machine("rssMbAfterBurstOneNode", KerjasamaBenchmark.residentMb());
      report.machine("rssMbPeakUpToBurstOneNode", KerjasamaBenchmark.peakResidentMb());
    }

    if (!TWO_NODES) {
      if (MIGRATIONS > 0) {
        report.load("migration by batch (one node)");
        migration(node1);
      }
      report.write(Path.of("target", "bench", "cluster"));
      return;
    }

    report.load("start of node 2");
    long s2 = System.nanoTime();
    ConfigurableApplicationContext node2 = ApplicationNode.startWithMail(url, "node-2", SMTP_PORT);
    NODES.add(node2);
    report.machine("node2StartSeconds", YearEndBurst.seconds(System.nanoTime() - s2));

    if (BURST > 0) {
      report.load("year-end burst on two nodes");
      Map<ConfigurableApplicationContext, String> both = new LinkedHashMap<>();
      both.put(node1, "node-1");
      both.put(node2, "node-2");
      YearEndBurst two = new YearEndBurst(greenMail, both);
      two.prepare();
      burst(two.run("two", BURST, STARTERS, 3600), "two nodes");
      report.machine("rssMbPeakUpToBurstTwoNodes", KerjasamaBenchmark.peakResidentMb());
      ClockUtil.reset();
    }

    if (MIGRATIONS > 0) {
      report.load("migration by batch (two nodes)");
      migration(node1);
    }

    report.load("history cleanup (two nodes)");
    HistoryCleanupRun.Result cleanup = HistoryCleanupRun.run(YearEndBurst.engine(node1), CLEANUP, CLEANUP, STARTERS,
        3600);
    System.out.println(cleanup.summary());
    check(cleanup.oldLeft() == 0 && cleanup.youngLeft() == CLEANUP, cleanup.summary());
    report.rate("history cleanup: instances past their time to live removed", String.format(Locale.ROOT,
            "%,d instances ended 11 years ago (3 activities and a task each), %,d younger kept", CLEANUP, CLEANUP), 1,
        CLEANUP / cleanup.cleanupSeconds(), "history does not grow without end",
        String.format(Locale.ROOT, "%.1f s from cleanUpHistoryAsync(true) until none of them, their activities and "
            + "tasks is left, two job executors; "
            + "seeding took %.1f s", cleanup.cleanupSeconds(), cleanup.seedSeconds()));

    report.write(Path.of("target", "bench", "cluster"));
  }

  private void burst(YearEndBurst.Result r, String where) {
    System.out.println(r.summary());
    check(r.keysFired() == r.timers() && r.timerRunsTwice() == 0, "every timer once: " + r.summary());
    check(r.mailsMissing() == 0 && r.mailDuplicates() == 0, "every mail once: " + r.summary());
    check(r.auditMissing() == 0 && r.auditDuplicates() == 0, "every timeline row once: " + r.summary());
    report.rate("year-end burst drained, " + where, String.format(Locale.ROOT,
            "%,d report-due timers, one mail and one timeline row each", r.timers()), 1, r.timers() / r.drainSeconds(),
        "10,000 drained <= 60 s; two nodes faster than one",
        String.format(Locale.ROOT, "drain (first timer fired to last mail received) %.1f s; first timer fired %.1f s "
                + "after the due time (job acquisition's idle wait), all timers %.1f s, all mails %.1f s; timers by "
                + "node %s, mail jobs by node %s; duplicates: timers %d, mails %d, rows %d; failed job runs %d; "
                + "%,d instances started in %.1f s; CPU of this JVM and its PostgreSQL from the due time to the last "
                + "mail %.1f s (%.1f ms per timer with its mail)", r.drainSeconds(), r.firstFiredSeconds(), r.timersDoneSeconds(),
            r.mailsDoneSeconds(), r.timersByNode(), r.mailJobsByNode(), r.timerRunsTwice(), r.mailDuplicates(),
            r.auditDuplicates(), r.failedJobs(), r.timers(), r.startSeconds(), r.cpuSeconds(),
            r.cpuSeconds() * 1000 / r.timers()));
  }

  // --- migration of running instances by batch, as an administrator does it (docs/operations.md) ---

  private void migration(ConfigurableApplicationContext node) throws Exception {
    ProcessEngine engine = YearEndBurst.engine(node);
    deploy(engine, Bpmn.createExecutableProcess(MIGRATION_PROCESS).camundaHistoryTimeToLive(3650)
        .camundaVersionTag("1.0.0")
        .startEvent()
        .userTask("UserTask_SubmitReport").name("Sampaikan laporan").camundaCandidateGroups("fasker")
        .endEvent()
        .done());
    long s0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(STARTERS);
    try {
      List<Future<?>> started = new ArrayList<>();
      for (int i = 0; i < MIGRATIONS; i++) {
        String key = "mig-" + i;
        started.add(pool.submit(() -> engine.getRuntimeService().startProcessInstanceByKey(MIGRATION_PROCESS, key)));
      }
      for (Future<?> f : started) {
        f.get(30, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdown();
    }
    double seedSeconds = YearEndBurst.seconds(System.nanoTime() - s0);
    ProcessDefinition target = deploy(engine, Bpmn.createExecutableProcess(MIGRATION_PROCESS)
        .camundaHistoryTimeToLive(3650).camundaVersionTag("1.1.0")
        .startEvent()
        .userTask("UserTask_SubmitReport").name("Sampaikan laporan kemajuan").camundaCandidateGroups("fasker")
        .userTask("UserTask_CheckReport").name("Periksa laporan").camundaCandidateGroups("fasker")
        .endEvent()
        .done());

    String base = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    long t0 = System.nanoTime();
    JsonNode answer = send("POST", base + "/api/admin/migrations", "{\"processDefinitionKey\": \""
        + MIGRATION_PROCESS + "\", \"sourceVersion\": 1, \"dryRun\": false}");
    double requestSeconds = YearEndBurst.seconds(System.nanoTime() - t0);
    check(answer.get("migratableCount").asInt() == MIGRATIONS, "all migratable: " + answer.get("message"));
    int tried = answer.get("triedCount").asInt();
    String progressAddress = answer.get("progress").asText();
    List<String> progress = new ArrayList<>();
    double allJobsDone = -1;
    JsonNode batch;
    long limit = System.nanoTime() + TimeUnit.HOURS.toNanos(1);
    do {
      Thread.sleep(1000);
      batch = send("GET", base + progressAddress, null);
      progress.add(String.format(Locale.ROOT, "%.0f s %s %d/%d", YearEndBurst.seconds(System.nanoTime() - t0),
          batch.get("state").asText(), batch.get("completedJobs").asInt(), batch.get("totalJobs").asInt()));
      if (allJobsDone < 0 && batch.get("completedJobs").asInt() == batch.get("totalJobs").asInt()) {
        allJobsDone = YearEndBurst.seconds(System.nanoTime() - t0);
      }
    } while (!batch.get("state").asText().equals("COMPLETED") && System.nanoTime() < limit);
    double totalSeconds = YearEndBurst.seconds(System.nanoTime() - t0);
    long onTarget = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(target.getId()).count();
    check(onTarget == MIGRATIONS, onTarget + " of " + MIGRATIONS + " on the new version");
    System.out.println("[migration] progress: " + progress);
    report.rate("migration of running instances to a new version (batch)", String.format(Locale.ROOT,
            "%,d running instances, one waiting user task each (%s)", MIGRATIONS, TWO_NODES ? "two nodes" : "one node"),
        1, MIGRATIONS / totalSeconds,
        "10,000 <= 3 min, progress visible",
        String.format(Locale.ROOT, "%.1f s until the batch is COMPLETED: the request (answered 202: the instances "
                + "listed, their positions read, %,d of them tried, the batch created) %.1f s, every instance "
                + "migrated at %.1f s "
                + "(the batch's jobs, %d of them), "
                + "then the batch monitor's next poll; %,d of %,d on the new version; instances started "
                + "in %.1f s; progress (GET /api/admin/migrations/{id}, every second): %s", totalSeconds,
            tried, requestSeconds, allJobsDone, batch.get("totalJobs").asInt(), onTarget, MIGRATIONS, seedSeconds, sampled(progress)));
  }

  private static ProcessDefinition deploy(ProcessEngine engine, BpmnModelInstance model) {
    String deploymentId = engine.getRepositoryService().createDeployment().name(MIGRATION_PROCESS)
        .addModelInstance(MIGRATION_PROCESS + ".bpmn", model).deploy().getId();
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
  }

  /** At most ten of the progress samples, evenly spread, the last included. */
  private static String sampled(List<String> progress) {
    int step = Math.max(1, progress.size() / 10);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < progress.size(); i += step) {
      out.add(progress.get(i));
    }
    if (!out.get(out.size() - 1).equals(progress.get(progress.size() - 1))) {
      out.add(progress.get(progress.size() - 1));
    }
    return String.join(", ", out);
  }

  private JsonNode send(String method, String url, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (IntegrationTest.ADMIN + ":" + IntegrationTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json")
        .timeout(java.time.Duration.ofMinutes(30));
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    // 202: a migration's batch was started (docs/operations.md "Migrating running instances")
    check(response.statusCode() == 200 || response.statusCode() == 202, method + " " + url + ": " + response.statusCode() + " " + response.body());
    return json.readTree(response.body());
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
