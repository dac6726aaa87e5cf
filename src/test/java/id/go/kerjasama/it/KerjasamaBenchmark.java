package id.go.kerjasama.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.UnitLevel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import stockcamunda.StockCamundaApplication;

/**
 * The project's benchmark (docs/performance.md): figures, not assertions.
 * Boots the whole application (production profile, embedded PostgreSQL, full
 * history, authorization on, HTTP Basic on REST; mail to a GreenMail), seeds
 * agreements through the real legacy import, then measures over HTTP as real
 * users: the import rate, Tasklist's filter list + count, the registry search
 * (free text included), the Cockpit dashboard, real lifecycle task
 * completions by {@code bench.clients} clients, and the same synthetic
 * 10-task process through this application and through a stock Camunda 7
 * Spring Boot application ({@link StockCamundaApplication}) that it starts
 * itself on its own database of the same PostgreSQL. Prints every figure with
 * the size it was measured at and writes {@code target/bench/report.json} and
 * {@code report.md}.
 *
 * <p>Run: {@code mvn -Pbench verify} (sizes: {@code -Dbench.agreements=5000}
 * and the other {@code bench.*} properties of the profile in pom.xml). Test
 * data of the walks lives in province 93 (Papua Selatan).
 */
class KerjasamaBenchmark extends LifecycleWalkingTest {

  static final int AGREEMENTS = Integer.getInteger("bench.agreements", 2000);
  static final int IMPORT_CHUNK = Integer.getInteger("bench.importChunk", 1614);
  static final int CLIENTS = Integer.getInteger("bench.clients", 8);
  static final int LIFECYCLES = Integer.getInteger("bench.lifecycles", 16);
  static final int SYNTHETIC_INSTANCES = Integer.getInteger("bench.syntheticInstances", 40);
  static final int SYNTHETIC_ROUNDS = Integer.getInteger("bench.syntheticRounds", 2);
  static final int SAMPLES = Integer.getInteger("bench.samples", 40);
  /** request: each file imported inside its upload request; background: as a background job (202, then polled). */
  static final String IMPORT_MODE = System.getProperty("bench.importMode", "request");
  static final String PROVINCE = "93";
  static final String STOP_AT = "UserTask_SelfEvaluate";
  static final int SYNTHETIC_TASKS = 10;
  static final int SMTP_PORT = freePort();

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
      .withPerMethodLifecycle(false);

  @Autowired
  Organisations organisations;
  @Autowired
  JavaMailSender mailSender;

  private static ConfigurableApplicationContext stock;
  private final BenchReport report = new BenchReport();
  private final Map<String, String> users = new HashMap<>();

  @Test
  void benchmark() throws Exception {
    long jvmUpMs = ManagementFactory.getRuntimeMXBean().getUptime();
    ((JavaMailSenderImpl) mailSender).setHost("127.0.0.1");
    ((JavaMailSenderImpl) mailSender).setPort(SMTP_PORT);
    report.parameter("agreements", AGREEMENTS);
    report.parameter("importChunk", IMPORT_CHUNK);
    report.parameter("importMode", IMPORT_MODE);
    report.parameter("clients", CLIENTS);
    report.parameter("lifecycles", LIFECYCLES);
    report.parameter("syntheticInstances", SYNTHETIC_INSTANCES);
    report.parameter("syntheticRounds", SYNTHETIC_ROUNDS);
    report.parameter("samples", SAMPLES);
    report.parameter("kerjasama.engine.async-continuations",
        System.getProperty("kerjasama.engine.async-continuations", "false"));
    report.machine("jvmStartToFirstTestMs", jvmUpMs);
    report.machine("rssMbIdle", residentMb());

    String tag = seed();
    String fasker = userOf("fasker");
    String province = userOf("province-" + PROVINCE);
    userOf("supervisor");

    report.load("baseline request");
    baseline(province);

    long openTasks = count("/engine-rest/task/count");
    String taskSize = String.format(Locale.ROOT, "%,d open tasks, %,d agreements", openTasks, AGREEMENTS);
    report.load("tasklist filters");
    tasklistFilter(province, "province-" + PROVINCE, taskSize);
    tasklistFilter(fasker, "fasker", taskSize);

    report.load("registry search");
    String registrySize = String.format(Locale.ROOT, "%,d agreements", agreements());
    registrySearch(fasker, "fasker", registrySize, tag);
    registrySearch(province, "province-" + PROVINCE, registrySize, tag);

    report.load("dashboard");
    dashboard(registrySize);

    report.load("lifecycle completions");
    lifecycles();
    report.machine("rssMbAfterLoad", residentMb());

    report.load("synthetic process: ours vs stock Camunda");
    synthetic();

    report.write(Path.of("target", "bench"));
  }

  @AfterAll
  static void stopStock() {
    if (stock != null) {
      stock.close();
      stock = null;
    }
  }

  // --- seeding: the real legacy import, as the administrator uploads it ---

  private String seed() throws InterruptedException {
    String tag = "bn" + UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
    List<String> provinces = organisations.byLevel(UnitLevel.PROVINCE).stream()
        .map(u -> u.group().substring("province-".length())).toList();
    LegacyRows rows = new LegacyRows(tag, provinces, TODAY);
    report.load("import of " + AGREEMENTS + " rows");
    List<Double> chunkMs = new ArrayList<>();
    long imported = 0;
    long t0 = System.nanoTime();
    for (int first = 0; first < AGREEMENTS; first += IMPORT_CHUNK) {
      LegacyCsvFile csv = new LegacyCsvFile();
      for (int i = first; i < Math.min(AGREEMENTS, first + IMPORT_CHUNK); i++) {
        rows.add(csv, i);
      }
      long c0 = System.nanoTime();
      if (IMPORT_MODE.equals("background")) {
        JsonNode accepted = check(upload(ADMIN, "/api/admin/imports?background=true", tag + "-" + first + ".csv",
            csv.bytes()), 202).json();
        chunkMs.add(ms(c0));
        imported += awaitImport(accepted.get("importId").asLong()).get("importedRows").asLong();
        continue;
      }
      JsonNode result = check(upload(ADMIN, "/api/admin/imports", tag + "-" + first + ".csv", csv.bytes()), 200).json();
      chunkMs.add(ms(c0));
      imported += result.get("importedRows").asLong();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (IMPORT_MODE.equals("background")) {
      report.latency("legacy import as a background job: upload answered (202)",
          String.format(Locale.ROOT, "files of %,d rows, %,d rows in all", Math.min(IMPORT_CHUNK, AGREEMENTS),
              AGREEMENTS), chunkMs, imported / seconds, "answer at once; 1,614 rows <= 10 s",
          "per s = rows imported per second until FINISHED (polled); " + imported + " imported");
      return tag;
    }
    report.latency("legacy import: one CSV upload (request time)",
        String.format(Locale.ROOT, "files of %,d rows, %,d rows in all", Math.min(IMPORT_CHUNK, AGREEMENTS),
            AGREEMENTS), chunkMs, imported / seconds, "1,614 rows <= 10 s",
        "per s = rows imported per second; " + imported + " imported");
    return tag;
  }

  /** Polls a background import's progress endpoint until it finished. */
  private JsonNode awaitImport(long importId) throws InterruptedException {
    while (true) {
      JsonNode record = check(get(ADMIN, "/api/admin/imports/" + importId), 200).json();
      if (!record.get("status").asText().equals("RUNNING")) {
        return record;
      }
      Thread.sleep(500);
    }
  }

  // --- the cost of any authenticated request at the machine's current load, to read the others against ---

  private void baseline(String user) {
    List<Double> samples = new ArrayList<>();
    for (int i = 0; i <= SAMPLES; i++) {
      long t0 = System.nanoTime();
      check(get(user, "/engine-rest/version"), 200);
      if (i > 0) {
        samples.add(ms(t0));
      }
    }
    report.latency("baseline: authenticated GET /engine-rest/version", "any size", samples, null, null,
        "HTTP Basic, the web-edge filters and the engine's authentication, no query: the floor of every figure");
  }

  // --- Tasklist: a filter's list (first page, as Tasklist asks) and its count ---

  private void tasklistFilter(String user, String who, String size) {
    JsonNode filters = check(get(user, "/engine-rest/filter?resourceType=Task"), 200).json();
    for (JsonNode filter : filters) {
      String name = filter.get("name").asText();
      String id = filter.get("id").asText();
      List<Double> samples = new ArrayList<>();
      long results = 0;
      for (int i = 0; i < SAMPLES; i++) {
        long t0 = System.nanoTime();
        check(post(user, "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15",
            Map.of("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")))), 200);
        results = check(get(user, "/engine-rest/filter/" + id + "/count"), 200).json().get("count").asLong();
        if (i > 0) {
          samples.add(ms(t0));
        }
      }
      report.latency("Tasklist filter \"" + name + "\" list + count, " + who, size + "; the filter finds "
          + results, samples, null, "p95 <= 100 ms at >= 30,000 open tasks", null);
    }
  }

  // --- registry search ---

  private void registrySearch(String user, String who, String size, String tag) {
    String[] filters = {"", "&type=DALAM_NEGERI", "&phase=MONITORING&sort=endDate,asc", "&province=" + PROVINCE,
        "&sector=PENDIDIKAN", "&documentKind=LOI", "&endBefore=2027-01-01", "&partnerCountry=Jepang",
        "&page=3&size=50&sort=title,desc"};
    String[] texts = {"&q=" + tag + "+nomor+17", "&q=mitra+1234", "&q=antardaerah", "&q=Jepang+teknik",
        "&q=international+ngo", "&q=180/77"};
    List<Double> filterMs = new ArrayList<>();
    List<Double> textMs = new ArrayList<>();
    for (int i = 0; i < SAMPLES; i++) {
      long t0 = System.nanoTime();
      check(get(user, "/api/agreements?size=20" + filters[i % filters.length]), 200);
      filterMs.add(ms(t0));
      t0 = System.nanoTime();
      check(get(user, "/api/agreements?size=20" + texts[i % texts.length]), 200);
      textMs.add(ms(t0));
    }
    report.latency("registry search, filters and sorting, " + who, size, filterMs, null,
        "p95 <= 100 ms at 100,000 agreements", filters.length + " different queries in turn");
    report.latency("registry search, free text, " + who, size, textMs, null,
        "p95 <= 100 ms at 100,000 agreements", texts.length + " different texts in turn");
  }

  // --- Cockpit dashboard, as the supervisors' page loads it ---

  private void dashboard(String size) throws Exception {
    List<Double> samples = dashboardSamples(port, SAMPLES);
    report.latency("Cockpit dashboard (supervisors' page)", size, samples, null,
        "p95 <= 150 ms at 100,000 agreements", null);
  }

  // --- real lifecycle tasks: proposals of province 93 walked as the users of each role ---

  private void lifecycles() throws Exception {
    // every group a walk meets gets its user before the clients start (users are created by REST)
    for (String g : List.of("fasker", "province-" + PROVINCE, "ministry-kemendagri", "ministry-kemlu", "supervisor")) {
      userOf(g);
    }
    Queue<Double> completions = new ConcurrentLinkedQueue<>();
    Queue<Double> starts = new ConcurrentLinkedQueue<>();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger timers = new AtomicInteger();
    Map<String, Integer> endings = new java.util.concurrent.ConcurrentHashMap<>();
    long t0 = System.nanoTime();
    runClients(CLIENTS, () -> {
      while (next.getAndIncrement() < LIFECYCLES) {
        long s0 = System.nanoTime();
        String key = propose("province-" + PROVINCE, "DALAM_NEGERI", "province-" + PROVINCE, PROVINCE);
        starts.add(ms(s0));
        endings.merge(walkTimed(key, completions, timers), 1, Integer::sum);
      }
      return null;
    });
    double seconds = (System.nanoTime() - t0) / 1e9;
    String size = String.format(Locale.ROOT, "%d lifecycles of province %s up to the self-evaluation, %d clients",
        LIFECYCLES, PROVINCE, CLIENTS);
    report.latency("lifecycle task completion (submit-form) over REST", size, completions,
        completions.size() / seconds, ">= 50 completions/s, p95 <= 250 ms",
        "per s = completions per second of wall time, while each client also lists, claims, uploads the signed "
            + "documents and fires " + timers.get() + " timers (as the administrator); walks ended: " + endings);
    report.latency("lifecycle proposal (start form submitted)", size, starts, null, null, null);
  }

  /** Works the agreement's tasks up to its first self-evaluation, timing each submit; how the walk ended. */
  private String walkTimed(String key, Queue<Double> completionMs, AtomicInteger timers) {
    String fasker = userOf("fasker");
    for (int i = 0; i < 80; i++) {
      // the follow-up jobs of the last submit first (LifecycleWalkingTest.awaitFollowUps), then the list
      awaitFollowUps(key);
      JsonNode tasks = check(get(fasker,
          "/engine-rest/task?processInstanceBusinessKey=" + key + "&sortBy=created&sortOrder=asc"), 200).json();
      if (tasks.isEmpty()) {
        if (fireNextTimer(key) == null) {
          return "no task, no timer";
        }
        timers.incrementAndGet();
        continue;
      }
      JsonNode task = tasks.get(0);
      String taskId = task.get("id").asText();
      String taskKey = task.get("taskDefinitionKey").asText();
      if (STOP_AT.equals(taskKey)) {
        return "at " + STOP_AT;
      }
      JsonNode links = check(get(ADMIN, "/engine-rest/task/" + taskId + "/identity-links?type=candidate"), 200).json();
      String user = userOf(links.get(0).get("groupId").asText());
      Integer cycleYear = null;
      if ("UserTask_DraftWorkPlan".equals(taskKey)) {
        cycleYear = check(get(user, "/engine-rest/task/" + taskId + "/variables/cycleYear"), 200).json()
            .get("value").asInt();
      }
      check(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)), 204);
      uploadDocumentOf(taskKey, taskId, user);
      Map<String, Object> answer = answer(taskKey, cycleYear);
      long t0 = System.nanoTime();
      check(post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", answer)), 204);
      completionMs.add(ms(t0));
    }
    throw new AssertionError("The walk of " + key + " did not reach " + STOP_AT);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Test users are created over REST on first use: one client at a time. */
  @Override
  protected synchronized String userOf(String group) {
    String user = users.get(group);
    if (user == null) {
      user = super.userOf(group);
      users.put(group, user);
    }
    return user;
  }

  // --- the synthetic 10-task process: this application versus a stock Camunda ---

  private void synthetic() throws Exception {
    long t0 = System.nanoTime();
    String stockUrl = EmbeddedPostgresDatabase.createFreshDatabase("stock_camunda");
    stock = StockCamundaApplication.start(stockUrl, "postgres", "postgres", ADMIN_PASSWORD);
    report.machine("stockCamundaStartMs", ms(t0));
    String stockPort = stock.getEnvironment().getProperty("local.server.port");
    Engine ours = new Engine("Kerjasama", "http://localhost:" + port + "/engine-rest");
    Engine stockEngine = new Engine("stock Camunda 7.24",
        "http://localhost:" + stockPort + "/engine-rest/engine/" + StockCamundaApplication.ENGINE);
    for (Engine e : List.of(ours, stockEngine)) {
      e.deploy();
      e.drive(Math.max(CLIENTS, SYNTHETIC_INSTANCES / 4), CLIENTS); // warm-up, not counted
    }
    String size = String.format(Locale.ROOT, "%d instances x %d tasks, %d clients, per round", SYNTHETIC_INSTANCES,
        SYNTHETIC_TASKS, CLIENTS);
    List<Double> ratios = new ArrayList<>();
    for (int round = 1; round <= SYNTHETIC_ROUNDS; round++) {
      report.load("synthetic round " + round);
      Drive o = ours.drive(SYNTHETIC_INSTANCES, CLIENTS);
      Drive s = stockEngine.drive(SYNTHETIC_INSTANCES, CLIENTS);
      report.latency("synthetic task completion, Kerjasama, round " + round, size, o.completionMs(), o.perSecond(),
          null, null);
      report.latency("synthetic task completion, stock Camunda 7.24, round " + round, size, s.completionMs(),
          s.perSecond(), null, null);
      ratios.add(o.perSecond() / s.perSecond());
    }
    double ratio = ratios.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    report.rate("synthetic throughput ratio Kerjasama / stock Camunda", size + ", mean of " + ratios.size()
        + " rounds", ratios.size(), ratio, ">= 1.0 (aim 1.5)", "per s column = the ratio; rounds: " + ratios);
  }

  record Drive(List<Double> completionMs, double perSecond) {
  }

  /** One engine's REST API, driven the same way: start, then list and complete each task, as the administrator. */
  static final class Engine {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final String name;
    final String base;
    final String auth = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    Engine(String name, String base) {
      this.name = name;
      this.base = base;
    }

    void deploy() throws Exception {
      String boundary = "----bench" + UUID.randomUUID();
      String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"bench-synthetic.bpmn\"\r\n"
          + "Content-Type: application/xml\r\n\r\n" + syntheticBpmn() + "\r\n--" + boundary + "--\r\n";
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/deployment/create"))
          .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new AssertionError(name + ": deployment failed, HTTP " + r.statusCode() + ": " + r.body());
      }
    }

    Drive drive(int instances, int clients) throws Exception {
      Queue<Double> completions = new ConcurrentLinkedQueue<>();
      AtomicInteger next = new AtomicInteger();
      long t0 = System.nanoTime();
      runClients(clients, () -> {
        while (next.getAndIncrement() < instances) {
          String instance = send("POST", "/process-definition/key/bench-synthetic/start", "{}").get("id").asText();
          for (int i = 0, waits = 0; i < SYNTHETIC_TASKS; ) {
            JsonNode tasks = send("GET", "/task?processInstanceId=" + instance, null);
            if (tasks.isEmpty()) {
              // with asynchronous continuations the next task comes from a job: wait for it
              if (++waits > 400) {
                throw new AssertionError(name + ": no task " + (i + 1) + " of " + instance + " within 10 s");
              }
              sleep(25);
              continue;
            }
            i++;
            long c0 = System.nanoTime();
            send("POST", "/task/" + tasks.get(0).get("id").asText() + "/complete", "{}");
            completions.add(ms(c0));
          }
        }
        return null;
      });
      double seconds = (System.nanoTime() - t0) / 1e9;
      return new Drive(new ArrayList<>(completions), completions.size() / seconds);
    }

    JsonNode send(String method, String path, String json) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
          .header("Accept", "application/json");
      b = json == null ? b.GET() : b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new AssertionError(name + " " + method + " " + path + ": HTTP " + r.statusCode() + ": " + r.body());
      }
      return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }
  }

  /** Ten user tasks in a row, no listeners, forms or candidates of their own. */
  static String syntheticBpmn() {
    StringBuilder flow = new StringBuilder("<startEvent id=\"Start\"/>");
    String previous = "Start";
    for (int i = 1; i <= SYNTHETIC_TASKS; i++) {
      flow.append("<userTask id=\"Task").append(i).append("\" name=\"Tugas ").append(i).append("\"/>");
      flow.append("<sequenceFlow id=\"Flow").append(i).append("\" sourceRef=\"").append(previous)
          .append("\" targetRef=\"Task").append(i).append("\"/>");
      previous = "Task" + i;
    }
    flow.append("<endEvent id=\"End\"/><sequenceFlow id=\"FlowEnd\" sourceRef=\"").append(previous)
        .append("\" targetRef=\"End\"/>");
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          targetNamespace="http://kerjasama/bench">
          <process id="bench-synthetic" name="Uji kinerja" isExecutable="true" camunda:historyTimeToLive="P1D">
          %s
          </process>
        </definitions>
        """.formatted(flow).strip();
  }

  // --- helpers ---

  interface Client {
    Void call() throws Exception;
  }

  static void runClients(int clients, Client client) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        futures.add(pool.submit(client::call));
      }
      for (Future<Void> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private long count(String path) {
    return check(get(ADMIN, path), 200).json().get("count").asLong();
  }

  private long agreements() {
    return check(get(userOf("fasker"), "/api/agreements?size=1"), 200).json().get("totalItems").asLong();
  }

  /**
   * The Cockpit plugin's dashboard data as the supervisors' page loads it, in an administrator's webapp session:
   * one warm-up and {@code samples} timed requests (ms).
   */
  static List<Double> dashboardSamples(int port, int samples) throws Exception {
    SecurityAttackIT.WebappSession session = SecurityAttackIT.WebappSession.login(port, ADMIN, ADMIN_PASSWORD);
    List<Double> times = new ArrayList<>();
    for (int i = 0; i <= samples; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = session.http().send(HttpRequest.newBuilder(
              session.uri("/camunda/api/cockpit/plugin/kerjasama/default/dashboard"))
          .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new AssertionError("dashboard: HTTP " + r.statusCode() + ": " + r.body());
      }
      if (i > 0) {
        times.add(ms(t0));
      }
    }
    return times;
  }

  static double ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  static long residentMb() {
    return statusMb("VmRSS:");
  }

  /** The most resident memory this JVM has had so far (the kernel's high-water mark): a burst's peak. */
  static long peakResidentMb() {
    return statusMb("VmHWM:");
  }

  private static long statusMb(String field) {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(field))
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
