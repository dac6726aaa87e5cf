package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Fault suite (issue 14, {@code -Pfault}, docs/reliability.md "Eight users working with mail on"): eight users
 * at once, each working tasks through the engine REST API as Tasklist users do — submit a foreign-NGO proposal,
 * look at the task list, claim the ministry's "check the file" task, complete it, read their notification
 * setting — while every new task sends e-mail (the application's mail sender pointed at GreenMail) and the job
 * executor continues the processes and sends the mails.
 *
 * <p>Asserted: every response 2xx; no database connection timeout in the log and the connection pool never
 * used up; and the mails received are exactly the recipients the tasks had — for every task created in these
 * processes, each member (with an e-mail address, notifications not switched off) of its candidate groups,
 * read from the engine's history and identity tables, not from the outbox — each once.
 *
 * <p>The run (eight users for three minutes) starved the pool and sent 41 mails twice. Data in
 * province 13 (Sumatera Barat); {@code -Dload.iterations} (default 4) proposals per user.
 */
class FaultMailLoadIT extends IntegrationTest {

  static final int USERS = 8;
  static final int ITERATIONS = Integer.getInteger("load.iterations", 4);
  static final int SMTP_PORT = freePort();
  static final Pattern TASK_LINK = Pattern.compile("\\?task=([0-9A-Za-z-]+)");

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
      .withPerMethodLifecycle(false);

  @Autowired
  JavaMailSender mailSender;
  @Autowired
  DataSource dataSource;
  @Autowired
  JdbcTemplate jdbc;

  private static final GreenMailRedirect MAIL = new GreenMailRedirect();

  @BeforeEach
  void pointTheApplicationsMailAtGreenMail() {
    MAIL.pointAt(mailSender, SMTP_PORT);
  }

  @AfterAll
  static void pointItBack() {
    MAIL.pointBack();
  }

  /** Log events that tell of a connection the pool could not give (Hikari's timeout) or an exhausted pool. */
  static final class ConnectionTrouble extends AppenderBase<ILoggingEvent> {
    final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger errors = new AtomicInteger();

    @Override
    protected void append(ILoggingEvent event) {
      if (event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR)) {
        errors.incrementAndGet();
      }
      StringBuilder text = new StringBuilder(String.valueOf(event.getFormattedMessage()));
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        text.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      }
      String all = text.toString();
      if (all.contains("Connection is not available") || all.contains("SQLTransientConnectionException")
          || all.contains("Unable to acquire JDBC Connection") || all.contains("Could not open JDBC Connection")) {
        seen.add(event.getLoggerName() + ": " + all);
      }
    }
  }

  @Test
  void eightUsersWorkingTasksWithMailOnGetNoErrorNoPoolTimeoutAndEveryRecipientOneMail() throws Exception {
    String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    List<String> users = new ArrayList<>();
    for (int u = 1; u <= USERS; u++) {
      users.add(loadUser("it-load-" + u, "ministry-kemensos"));
    }
    // a member for each TPOA seat: every "check the file" completed gives each seat a task, and its member a mail
    for (String seat : List.of("kemlu", "kemhan", "kemendagri", "kemenkeu", "kemensetneg", "polri")) {
      userOf("tpoa-" + seat);
    }
    HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
    int poolSize = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();

    ConnectionTrouble trouble = new ConnectionTrouble();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    trouble.setContext(root.getLoggerContext());
    trouble.start();
    root.addAppender(trouble);

    Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    List<String> instances = Collections.synchronizedList(new ArrayList<>());
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger maxActive = new AtomicInteger();
    AtomicInteger maxWaiting = new AtomicInteger();
    AtomicBoolean sampling = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> {
      while (sampling.get()) {
        maxActive.accumulateAndGet(pool.getActiveConnections(), Math::max);
        maxWaiting.accumulateAndGet(pool.getThreadsAwaitingConnection(), Math::max);
        sleep(50);
      }
    }, "load-pool-sampler");

    long started = System.nanoTime();
    long worked;
    long allSent;
    Map<String, Long> received;
    Set<String> expected;
    try {
      sampler.start();
      ExecutorService people = Executors.newFixedThreadPool(USERS);
      CyclicBarrier together = new CyclicBarrier(USERS);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
          String user = users.get(u);
          int number = u + 1;
          done.add(people.submit(() -> {
            together.await();
            for (int i = 0; i < ITERATIONS; i++) {
              work(user, "Kerja sama uji beban surel Sumatera Barat " + run + "-" + number + "-" + i, statuses,
                  failures, instances, latencies);
            }
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get(5, TimeUnit.MINUTES);
        }
      } finally {
        people.shutdownNow();
      }
      worked = System.nanoTime();
      assertThat(failures).as("answers other than 2xx").isEmpty();
      assertThat(instances).hasSize(USERS * ITERATIONS);

      // the processes continue asynchronously (the TPOA seats' tasks); then every task's mails are queued
      await(Duration.ofMinutes(2), () -> dueJobs(instances) == 0);
      expected = expectedMails(instances);
      assertThat(expected.size()).as("recipients expected: at least the eight users for each check task")
          .isGreaterThanOrEqualTo(USERS * USERS * ITERATIONS);
      // every task of these processes, so that a mail about one of them to anybody not expected is counted too
      Set<String> tasks = Set.copyOf(jdbc.queryForList("SELECT id_ FROM act_hi_taskinst WHERE root_proc_inst_id_ IN ("
          + String.join(",", Collections.nCopies(instances.size(), "?")) + ")", String.class, instances.toArray()));
      await(Duration.ofMinutes(3), () -> received(tasks).keySet().containsAll(expected)
          && dueJobs(instances) == 0 && pendingMails(tasks) == 0);
      allSent = System.nanoTime();
      sleep(2000);
      received = received(tasks);
    } finally {
      sampling.set(false);
      sampler.join();
      root.detachAppender(trouble);
      trouble.stop();
    }

    long mails = received.values().stream().mapToLong(Long::longValue).sum();
    long duplicates = received.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf(Locale.ROOT, "[mail-load] %d users x %d proposals: %d requests (%s) in %.1f s, latency median %d"
            + " / p95 %d / max %d ms; mails all sent after %.1f s; tasks %d, recipients expected %d, mails received"
            + " %d, duplicates %d; pool: max %d active of %d, max %d threads waiting; connection trouble logged %d,"
            + " ERROR log events %d%n",
        USERS, ITERATIONS, sorted.size(), new TreeMap<>(statuses), seconds(worked - started), percentile(sorted, 50),
        percentile(sorted, 95), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), seconds(allSent - started),
        expected.stream().map(e -> e.substring(0, e.indexOf(' '))).distinct().count(), expected.size(), mails,
        duplicates, maxActive.get(), poolSize, maxWaiting.get(), trouble.seen.size(), trouble.errors.get());

    assertThat(trouble.seen).as("connection timeouts or a starved pool in the log").isEmpty();
    assertThat(maxActive.get()).as("connections in use at most, of " + poolSize).isLessThan(poolSize);
    assertThat(received.keySet()).as("who got a mail about which task").isEqualTo(expected);
    assertThat(duplicates).as("mails sent twice").isZero();
    assertThat(mails).as("mails received = recipients expected").isEqualTo(expected.size());
  }

  /** One round of a user's work, as Tasklist does it; every answer not 2xx is recorded. */
  private void work(String user, String title, Map<String, AtomicInteger> statuses, List<String> failures,
                    List<String> instances, List<Long> latencies) {
    Map<String, Object> proposal = new HashMap<>(FaultSameTaskIT.proposal(0));
    proposal.put("title", value(title));
    Response started = timed(user, "POST", "/engine-rest/process-definition/key/cooperation-lifecycle/submit-form",
        Map.of("variables", proposal), statuses, failures, latencies);
    if (started == null) {
      return;
    }
    instances.add(started.json().get("id").asText());
    String key = started.json().get("businessKey").asText();
    awaitFollowUps(key); // the central approval is called in a job; not a request of the user's, so not timed
    timed(user, "GET", "/engine-rest/task?candidateGroup=ministry-kemensos&sortBy=created&sortOrder=desc"
        + "&maxResults=15", null, statuses, failures, latencies);
    timed(user, "GET", "/engine-rest/task/count?candidateGroup=ministry-kemensos", null, statuses, failures, latencies);
    Response found = timed(user, "GET", "/engine-rest/task?processInstanceBusinessKey=" + key
        + "&taskDefinitionKey=UserTask_CheckFileComplete", null, statuses, failures, latencies);
    if (found == null || found.json().isEmpty()) {
      failures.add(user + ": no check task for " + key);
      return;
    }
    String task = found.json().get(0).get("id").asText();
    timed(user, "GET", "/engine-rest/task/" + task + "/form-variables", null, statuses, failures, latencies);
    timed(user, "POST", "/engine-rest/task/" + task + "/claim", Map.of("userId", user), statuses, failures,
        latencies);
    timed(user, "POST", "/engine-rest/task/" + task + "/submit-form",
        Map.of("variables", Map.of("decision", value("COMPLETE"))), statuses, failures, latencies);
    timed(user, "GET", "/api/me/notifications", null, statuses, failures, latencies);
  }

  private Response timed(String user, String method, String path, Object body, Map<String, AtomicInteger> statuses,
                         List<String> failures, List<Long> latencies) {
    long start = System.nanoTime();
    Response answer;
    try {
      answer = exchange(user, method, path, body);
    } catch (RuntimeException e) {
      failures.add(method + " " + path + ": " + e);
      return null;
    }
    latencies.add((System.nanoTime() - start) / 1_000_000);
    statuses.computeIfAbsent(String.valueOf(answer.status()), s -> new AtomicInteger()).incrementAndGet();
    if (answer.status() / 100 != 2) {
      failures.add(method + " " + path + " -> " + answer.status() + " " + answer.body());
      return null;
    }
    return answer;
  }

  /** {@code <task id> <e-mail>} of every recipient the tasks of these processes must have mailed, from the engine. */
  private Set<String> expectedMails(List<String> instances) {
    String in = String.join(",", Collections.nCopies(instances.size(), "?"));
    List<String> pairs = jdbc.queryForList("""
        SELECT DISTINCT t.id_ || ' ' || lower(trim(u.email_))
        FROM act_hi_taskinst t
        JOIN act_hi_identitylink l ON l.task_id_ = t.id_ AND l.type_ = 'candidate' AND l.operation_type_ = 'add'
        LEFT JOIN act_id_membership m ON m.group_id_ = l.group_id_
        JOIN act_id_user u ON u.id_ = COALESCE(l.user_id_, m.user_id_)
        LEFT JOIN notification_preference p ON p.user_id = u.id_
        WHERE t.root_proc_inst_id_ IN (%s) AND u.email_ IS NOT NULL AND trim(u.email_) <> ''
          AND (p.enabled IS NULL OR p.enabled)""".formatted(in), String.class, instances.toArray());
    return Set.copyOf(pairs);
  }

  /** Jobs of these processes that are due now and not failed for good (continuations, mail jobs they started). */
  private int dueJobs(List<String> instances) {
    String in = String.join(",", Collections.nCopies(instances.size(), "?"));
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE root_proc_inst_id_ IN (" + in
        + ") AND retries_ > 0 AND (duedate_ IS NULL OR duedate_ <= CURRENT_TIMESTAMP)", Integer.class,
        instances.toArray());
    return count == null ? 0 : count;
  }

  /** Recipients of these tasks' notifications not yet marked sent in the outbox. */
  private int pendingMails(Set<String> tasks) {
    if (tasks.isEmpty()) {
      return 0;
    }
    String in = String.join(",", Collections.nCopies(tasks.size(), "?"));
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM notification_recipient r JOIN notification n"
        + " ON n.id = r.notification_id WHERE n.task_id IN (" + in + ") AND r.status <> 'SENT'", Integer.class,
        tasks.toArray());
    return count == null ? 0 : count;
  }

  /** {@code <task id> <e-mail>} of each mail GreenMail received about one of {@code tasks}, and how many times. */
  private Map<String, Long> received(Set<String> tasks) {
    Map<String, Long> found = new HashMap<>();
    for (MimeMessage mail : greenMail.getReceivedMessages()) {
      try {
        Object content = mail.getContent();
        Matcher link = TASK_LINK.matcher(String.valueOf(content));
        if (!link.find() || !tasks.contains(link.group(1))) {
          continue;
        }
        for (jakarta.mail.Address to : mail.getAllRecipients()) {
          String address = ((InternetAddress) to).getAddress().toLowerCase(Locale.ROOT).trim();
          found.merge(link.group(1) + " " + address, 1L, Long::sum);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return found;
  }

  private String loadUser(String userId, String group) {
    if (get(ADMIN, "/engine-rest/user/" + userId + "/profile").status() == 404) {
      check(post(ADMIN, "/engine-rest/user/create", Map.of(
          "profile", Map.of("id", userId, "firstName", "IT", "lastName", "Beban", "email", userId + "@kerjasama.test"),
          "credentials", Map.of("password", PASSWORD))), 204);
      check(put(ADMIN, "/engine-rest/group/" + group + "/members/" + userId, null), 204);
    }
    return userId;
  }

  private static long percentile(List<Long> sorted, int p) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
