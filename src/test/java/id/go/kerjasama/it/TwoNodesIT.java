package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The documented cluster (docs/operations.md: several instances on one
 * database): two whole applications, production profile, on one embedded
 * PostgreSQL database, each with its own job executor and mail to one
 * GreenMail. A burst of asynchronous jobs started through both nodes runs
 * exactly once each; report-due timers falling due at once fire once each,
 * send one mail each and write one timeline row each; both nodes take part.
 * History cleanup, with the application's settings, removes what is past its
 * time to live and keeps the rest. A webapp session made on one node works on
 * the other (sessions in the database), CSRF token included.
 */
class TwoNodesIT {

  static final int BURST = Integer.getInteger("twonodes.burst", 200);
  static final int TIMERS = Integer.getInteger("twonodes.timers", 120);
  static final int CLEANUP = Integer.getInteger("twonodes.cleanup", 60);
  static final int SMTP_PORT = TestSmtpServer.freePort();

  @RegisterExtension
  static GreenMailExtension greenMail = TestSmtpServer.on(SMTP_PORT);
  static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
  static final Map<ProcessEngine, AtomicInteger> BY_NODE = new ConcurrentHashMap<>();

  static ConfigurableApplicationContext node1;
  static ConfigurableApplicationContext node2;

  /** The job's work: counts its run by business key and by the node (engine) that ran it. */
  public static class CountingDelegate implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      RUNS.computeIfAbsent(execution.getProcessBusinessKey(), k -> new AtomicInteger()).incrementAndGet();
      BY_NODE.computeIfAbsent(execution.getProcessEngine(), k -> new AtomicInteger()).incrementAndGet();
    }
  }

  @BeforeAll
  static void startTwoNodes() {
    String url = EmbeddedPostgresDatabase.createFreshDatabase("kerjasama_two_nodes");
    // one after the other, as a rolling start: the first creates the schema, the second finds it
    node1 = ApplicationNode.startWithMail(url, "node-1", SMTP_PORT);
    node2 = ApplicationNode.startWithMail(url, "node-2", SMTP_PORT);
  }

  @AfterAll
  static void stop() {
    ClockUtil.reset();
    for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {node2, node1}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  void aBurstOfJobsThroughBothNodesRunsEachJobExactlyOnce() throws Exception {
    ProcessEngine engine1 = node1.getBean(ProcessEngine.class);
    ProcessEngine engine2 = node2.getBean(ProcessEngine.class);
    assertThat(engine1.getName()).isNotEqualTo(engine2.getName());
    engine1.getRepositoryService().createDeployment().name("two-nodes")
        .addModelInstance("two-nodes-burst.bpmn", Bpmn.createExecutableProcess("two-nodes-burst")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("ServiceTask_Count").camundaAsyncBefore().camundaClass(CountingDelegate.class.getName())
            .endEvent()
            .done())
        .deploy();

    for (int i = 0; i < BURST; i++) {
      ProcessEngine through = i % 2 == 0 ? engine1 : engine2;
      through.getRuntimeService().startProcessInstanceByKey("two-nodes-burst", "burst-" + i);
    }

    long deadline = System.currentTimeMillis() + 180_000;
    while (engine1.getManagementService().createJobQuery().processDefinitionKey("two-nodes-burst").count() > 0
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }

    assertThat(engine1.getManagementService().createJobQuery().processDefinitionKey("two-nodes-burst").count())
        .as("jobs left after 3 minutes").isZero();
    assertThat(RUNS).hasSize(BURST);
    assertThat(RUNS.values()).allSatisfy(runs -> assertThat(runs.get()).isEqualTo(1));
    assertThat(engine1.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("two-nodes-burst").completed().count()).isEqualTo(BURST);
    assertThat(engine1.getHistoryService().createHistoricJobLogQuery().processDefinitionKey("two-nodes-burst")
        .failureLog().count()).as("failed job runs").isZero();
    assertThat(engine1.getHistoryService().createHistoricJobLogQuery().processDefinitionKey("two-nodes-burst")
        .successLog().count()).isEqualTo(BURST);
    // both job executors took part
    assertThat(BY_NODE.keySet()).containsExactlyInAnyOrder(engine1, engine2);
    System.out.println("[two nodes] " + BURST + " jobs: node 1 ran " + BY_NODE.get(engine1) + ", node 2 ran "
        + BY_NODE.get(engine2));
  }

  @Test
  void reportDueTimersFallingDueAtOnceFireOnceSendOneMailAndWriteOneTimelineRowEach() throws Exception {
    YearEndBurst burst = new YearEndBurst(greenMail, Map.of(node1, "node-1", node2, "node-2"));
    burst.prepare();
    YearEndBurst.Result result;
    try {
      // both executors awake when the timers fall due (a short burst could fall into one's idle back-off)
      result = burst.run("yeb", TIMERS, 4, 300, true);
    } finally {
      ClockUtil.reset();
    }
    System.out.println(result.summary());

    assertThat(result.keysFired()).as("timers fired").isEqualTo(TIMERS);
    assertThat(result.timerRunsTwice()).as("timers whose work ran more than once").isZero();
    assertThat(engine(node1).getManagementService().createJobQuery().processDefinitionKey(YearEndBurst.PROCESS).count())
        .as("timer jobs left").isZero();
    assertThat(engine(node1).getHistoryService().createHistoricJobLogQuery().processDefinitionKey(YearEndBurst.PROCESS)
        .activityIdIn(YearEndBurst.TIMER).successLog().count()).as("timer jobs run").isEqualTo(TIMERS);
    assertThat(result.mailsReceived()).as("mails received").isEqualTo(TIMERS);
    assertThat(result.mailsMissing()).as("keys without a mail").isZero();
    assertThat(result.mailDuplicates()).as("mails received twice").isZero();
    assertThat(burst.mailsOf("yeb").keySet()).hasSize(TIMERS);
    assertThat(result.auditRows()).as("timeline rows").isEqualTo(TIMERS);
    assertThat(result.auditDuplicates()).isZero();
    assertThat(result.auditMissing()).isZero();
    assertThat(result.failedJobs()).as("failed job runs").isZero();
    // both nodes fired timers and sent mails
    assertThat(result.timersByNode().values()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(result.mailJobsByNode().values()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(result.mailJobsByNode().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(TIMERS);
  }

  @Test
  void historyCleanupIsScheduledForTheNightWindowAndRemovesOnlyWhatIsPastItsTimeToLive() throws Exception {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine(node1)
        .getProcessEngineConfiguration();
    assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("20:00");
    assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("04:00");
    assertThat(config.getHistoryTimeToLive()).isEqualTo("P3650D");
    // one cleanup job for the cluster, due at the next 20:00 of the server's zone
    List<Job> cleanupJobs = engine(node2).getHistoryService().findHistoryCleanupJobs();
    assertThat(cleanupJobs).hasSize(1);
    LocalDateTime due = LocalDateTime.ofInstant(cleanupJobs.get(0).getDuedate().toInstant(), ZoneId.systemDefault());
    LocalTime now = LocalTime.now();
    // A cleanup run that finds nothing to remove puts its job back with a growing delay of at most an hour
    // (Camunda's HistoryCleanupJobHandlerConfiguration.MAX_DELAY); the contexts' start-up may already have run it
    // (seen in CI: at 19:45 due 20:45, at 20:03 due 21:02).
    LocalDateTime latest = LocalDateTime.now().plusHours(1).plusMinutes(1);
    if (now.isBefore(LocalTime.of(4, 0)) || !now.isBefore(LocalTime.of(20, 0))) {
      // inside the window: due now, or within the engine's back-off
      assertThat(due).isBefore(latest);
    } else {
      // before tonight's window: at its start, or within the back-off of a run already made
      LocalDateTime windowStart = LocalDate.now().atTime(20, 0);
      assertThat(due).isBetween(windowStart, latest.isAfter(windowStart) ? latest : windowStart);
    }

    HistoryCleanupRun.Result result = HistoryCleanupRun.run(engine(node1), CLEANUP, CLEANUP, 4, 300);
    System.out.println(result.summary());
    assertThat(result.oldLeft()).as("instances ended 11 years ago left").isZero();
    assertThat(result.oldActivitiesLeft()).as("their activities left").isZero();
    assertThat(result.youngLeft()).as("instances ended 9 years ago and today kept").isEqualTo(CLEANUP);
  }

  @Test
  void aWebappSessionMadeOnOneNodeWorksOnTheOtherWithItsCsrfToken() throws Exception {
    // one browser: its cookies go to both nodes (a cookie is for a host, whatever the port),
    // as behind a load balancer without sticky sessions
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    String auth = "/camunda/api/admin/auth/user/" + engine(node1).getName();

    String token = signIn(browser, cookies, node1);
    // node 2 never saw this browser: it finds the session, its user and its token in the database
    HttpResponse<String> onNode2 = send(browser, node2, auth, "GET", null, null);
    assertThat(onNode2.statusCode()).as(onNode2.body()).isEqualTo(200);
    assertThat(onNode2.body()).contains("\"userId\":\"" + IntegrationTest.ADMIN + "\"");
    HttpResponse<String> profile = send(browser, node2, "/camunda/api/engine/engine/" + engine(node1).getName()
        + "/user/" + IntegrationTest.ADMIN + "/profile", "GET", null, null);
    assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
    // a state-changing call on node 2 with the session's CSRF token: signed out, on node 1 too
    assertThat(send(browser, node2, auth + "/logout", "POST", "", token).statusCode()).isLessThan(300);
    assertThat(send(browser, node1, auth, "GET", null, null).statusCode()).as("signed out on node 1").isEqualTo(404);

    // signed in on node 2; a forged call on node 1 (no token) is refused, and Camunda's CSRF filter
    // ends the session it rode on: ended on node 2 as well
    signIn(browser, cookies, node2);
    assertThat(send(browser, node1, auth, "GET", null, null).statusCode()).isEqualTo(200);
    assertThat(send(browser, node1, auth + "/logout", "POST", "", null).statusCode()).isEqualTo(403);
    assertThat(send(browser, node2, auth, "GET", null, null).statusCode()).as("session ended on node 2").isEqualTo(404);
  }

  /** Signs in to Cockpit on {@code node} as a browser does; returns the new session's CSRF token. */
  private static String signIn(HttpClient browser, CookieManager cookies, ConfigurableApplicationContext node)
      throws Exception {
    String auth = "/camunda/api/admin/auth/user/" + engine(node1).getName();
    HttpResponse<String> first = send(browser, node, auth, "GET", null, null);
    String form = "username=" + IntegrationTest.ADMIN + "&password="
        + URLEncoder.encode(IntegrationTest.ADMIN_PASSWORD, StandardCharsets.UTF_8);
    // the token of the session: in the header when it was just made, otherwise in the XSRF-TOKEN cookie
    HttpResponse<String> login = send(browser, node, auth + "/login/cockpit", "POST", form,
        first.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> csrfCookie(cookies)));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    HttpResponse<String> signedIn = send(browser, node, auth, "GET", null, null);
    assertThat(signedIn.statusCode()).isEqualTo(200);
    assertThat(signedIn.body()).contains("\"userId\":\"" + IntegrationTest.ADMIN + "\"");
    return csrfCookie(cookies);
  }

  private static String csrfCookie(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
  }

  private static HttpResponse<String> send(HttpClient browser, ConfigurableApplicationContext node, String path,
                                           String method, String form, String csrfToken) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:"
        + node.getEnvironment().getProperty("local.server.port") + path)).header("Accept", "application/json");
    if (csrfToken != null) {
      request.header("X-XSRF-TOKEN", csrfToken);
    }
    if (form == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
          .method(method, HttpRequest.BodyPublishers.ofString(form));
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static ProcessEngine engine(ConfigurableApplicationContext node) {
    return node.getBean(ProcessEngine.class);
  }
}
