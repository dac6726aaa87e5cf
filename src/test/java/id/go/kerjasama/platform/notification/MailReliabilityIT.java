package id.go.kerjasama.platform.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import id.go.kerjasama.it.GreenMailRedirect;
import id.go.kerjasama.it.TestSmtpServer;
import id.go.kerjasama.it.IntegrationTest;
import id.go.kerjasama.platform.notification.NotificationRepository.Addressee;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail under faults and load, on PostgreSQL with the job executor running
 * and a real SMTP server (GreenMail): the same recipient's job executed
 * concurrently sends one mail; a burst of {@code -Dmail.burst} mails (2,000
 * by default; 10,000 by hand) reaches every recipient exactly once while
 * {@code /actuator/health} and an {@code /api} call keep answering (their
 * latencies are printed, not asserted); an SMTP outage makes mails wait and
 * they go out once when it is back. docs/reliability.md has how to run it
 * and its figures.
 *
 * <p>It shares the integration tests' application: for its duration the
 * application's mail sender points at this class's GreenMail.
 */
class MailReliabilityIT extends IntegrationTest {

  static final int SMTP_PORT = TestSmtpServer.freePort();
  static final int BURST = Integer.getInteger("mail.burst", 2000);
  static final int RECIPIENTS_PER_NOTIFICATION = 10;
  static final int PRODUCERS = 8;

  @RegisterExtension
  static GreenMailExtension greenMail = TestSmtpServer.on(SMTP_PORT);

  @Autowired
  JavaMailSender mailSender;
  @Autowired
  Notifier notifier;
  @Autowired
  NotificationRepository outbox;
  @Autowired
  ManagementService managementService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DataSource dataSource;
  @Autowired
  PlatformTransactionManager transactions;

  private static final GreenMailRedirect MAIL = new GreenMailRedirect();

  @BeforeEach
  void pointTheApplicationsMailAtGreenMail() {
    MAIL.pointAt(mailSender, SMTP_PORT);
  }

  @AfterAll
  static void pointItBack() {
    MAIL.pointBack();
  }

  @Test
  void theSameRecipientsJobExecutedConcurrentlySendsOneMail() throws Exception {
    String run = "conc" + System.nanoTime();
    List<Addressee> recipients = addressees(run, 1);
    // queued with its job due only in an hour, so that the job executor leaves it to this test's threads
    long id = new TransactionTemplate(transactions).execute(tx -> {
      long queued = queue(run, recipients);
      long recipientId = outbox.pendingRecipientIds(queued).get(0);
      // two more instances for the same recipient row, as a second node or a hand-made instance would give
      for (int i = 0; i < 2; i++) {
        runtimeService.startProcessInstanceByKey(MailNotificationProcess.PROCESS_KEY, Variables.createVariables()
            .putValue(MailNotificationProcess.NOTIFICATION_ID, queued)
            .putValue(MailNotificationProcess.RECIPIENT_ID, recipientId));
      }
      Date later = new Date(System.currentTimeMillis() + 3_600_000);
      jobsOf(queued).forEach(job -> managementService.setJobDuedate(job.getId(), later));
      return queued;
    });
    long recipientId = outbox.recipients(id).get(0).id();
    List<Job> jobs = jobsOf(id);
    // each job three times at once, beside the running job executor
    List<String> executions = new ArrayList<>();
    jobs.forEach(job -> executions.addAll(List.of(job.getId(), job.getId(), job.getId())));
    CyclicBarrier start = new CyclicBarrier(executions.size());
    ExecutorService threads = Executors.newFixedThreadPool(executions.size());
    AtomicInteger refused = new AtomicInteger();
    Map<String, Integer> refusals = new java.util.concurrent.ConcurrentHashMap<>();
    try {
      List<Future<?>> done = executions.stream().map(jobId -> threads.submit(() -> {
        start.await();
        try {
          managementService.executeJob(jobId);
        } catch (RuntimeException e) {
          // the job was gone or changed under it: the engine refuses it, nothing is sent
          refused.incrementAndGet();
          refusals.merge(e.getClass().getSimpleName(), 1, Integer::sum);
        }
        return null;
      })).collect(Collectors.toList());
      for (Future<?> f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(mailsTo(recipients.get(0).email())).hasSize(1);
    Recipient row = outbox.recipient(recipientId).orElseThrow();
    assertThat(row.status()).isEqualTo(Recipient.SENT);
    assertThat(row.attempts()).isEqualTo(1);
    assertThat(jobsOf(id)).isEmpty();
    System.out.printf("[mail-reliability] concurrent: %d executions at once of %d jobs for one recipient, "
        + "%d refused %s, mails sent %d%n", executions.size(), jobs.size(), refused.get(), refusals,
        mailsTo(recipients.get(0).email()).size());
  }

  @Test
  void aBurstReachesEveryRecipientOnceWhileHealthAndApiAnswer() throws Exception {
    String run = "burst" + System.nanoTime();
    String apiUser = userOf("province-11");
    int notifications = Math.max(1, BURST / RECIPIENTS_PER_NOTIFICATION);
    List<Addressee> all = addressees(run, notifications * RECIPIENTS_PER_NOTIFICATION);
    HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();

    List<Long> health = Collections.synchronizedList(new ArrayList<>());
    List<Long> api = Collections.synchronizedList(new ArrayList<>());
    List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger maxActive = new AtomicInteger();
    AtomicInteger maxWaiting = new AtomicInteger();
    AtomicBoolean probing = new AtomicBoolean(true);
    Thread probe = new Thread(() -> {
      while (probing.get()) {
        statuses.add(timed(health, () -> get(null, "/actuator/health").status()));
        statuses.add(timed(api, () -> get(apiUser, "/api/me/notifications").status()));
        maxActive.accumulateAndGet(pool.getActiveConnections(), Math::max);
        maxWaiting.accumulateAndGet(pool.getThreadsAwaitingConnection(), Math::max);
        sleep(100);
      }
    }, "mail-burst-probe");

    long started = System.nanoTime();
    probe.start();
    ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
    try {
      List<Future<?>> queued = IntStream.range(0, notifications).mapToObj(n -> producers.submit(() ->
          queue(run, all.subList(n * RECIPIENTS_PER_NOTIFICATION, (n + 1) * RECIPIENTS_PER_NOTIFICATION))))
          .collect(Collectors.toList());
      for (Future<?> f : queued) {
        f.get(10, TimeUnit.MINUTES);
      }
    } finally {
      producers.shutdown();
    }
    long queuedAt = System.nanoTime();
    await(Duration.ofSeconds(120 + BURST / 5), () -> sentCount(run) == all.size());
    long sentAt = System.nanoTime();
    probing.set(false);
    probe.join();

    Map<String, Long> received = receivedPerAddress(run);
    long duplicates = received.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum();
    System.out.printf("[mail-reliability] burst: %d recipients in %d notifications queued by %d threads in %.1f s, "
            + "all sent after %.1f s; mails received %d, distinct recipients %d, duplicates %d; "
            + "pool: max %d active of %d, max %d threads waiting%n",
        all.size(), notifications, PRODUCERS, seconds(queuedAt - started), seconds(sentAt - started),
        received.values().stream().mapToLong(Long::longValue).sum(), received.size(), duplicates,
        maxActive.get(), dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize(), maxWaiting.get());
    System.out.printf("[mail-reliability] during the burst: /actuator/health %s; /api/me/notifications %s%n",
        stats(health), stats(api));

    assertThat(received).hasSize(all.size());
    assertThat(duplicates).isZero();
    assertThat(statuses).isNotEmpty().allMatch(s -> s == 200);
  }

  @Test
  void mailsWaitWhileTheSmtpServerIsDownAndGoOutOnceWhenItIsBack() throws Exception {
    String run = "outage" + System.nanoTime();
    List<Addressee> recipients = addressees(run, 20);
    greenMail.stop();
    List<Long> ids = new ArrayList<>();
    try {
      for (int n = 0; n < 5; n++) {
        ids.add(queue(run, recipients.subList(n * 4, n * 4 + 4)));
      }
      // every job tried once by the job executor, failed, and waits for its next attempt (R3/PT5M)
      await(Duration.ofMinutes(2), () -> ids.stream().flatMap(id -> jobsOf(id).stream())
          .filter(j -> j.getExceptionMessage() != null && j.getRetries() == 2).count() == recipients.size());
      assertThat(ids.stream().flatMap(id -> outbox.recipients(id).stream()))
          .hasSize(recipients.size()).allMatch(r -> Recipient.PENDING.equals(r.status()) && r.sentAt() == null);
    } finally {
      greenMail.start();
    }
    // the server is back; instead of waiting the five minutes, the next attempt is due now
    for (Long id : ids) {
      for (Job job : jobsOf(id)) {
        managementService.setJobDuedate(job.getId(), new Date());
      }
    }
    await(Duration.ofMinutes(3), () -> sentCount(run) == recipients.size());

    Map<String, Long> received = receivedPerAddress(run);
    assertThat(received).hasSize(recipients.size()).allSatisfy((address, count) -> assertThat(count).isOne());
    assertThat(runtimeService.createIncidentQuery().processDefinitionKeyIn(MailNotificationProcess.PROCESS_KEY)
        .list().stream().filter(i -> ids.contains(notificationOf(i.getProcessInstanceId())))).isEmpty();
    System.out.printf("[mail-reliability] SMTP outage: %d mails waited, %d delivered once after it%n",
        recipients.size(), received.size());
  }

  /** Queues a notification to the given (already resolved) recipients as Notifier does: one transaction. */
  private long queue(String run, List<Addressee> recipients) {
    return new TransactionTemplate(transactions).execute(tx -> {
      long id = outbox.insert(new Message(NotificationKind.REMINDER, "Uji keandalan " + run, "Isi uji keandalan.",
          "KS-UJI-" + run, null), recipients);
      notifier.startSending(id, "KS-UJI-" + run, outbox.pendingRecipientIds(id));
      return id;
    });
  }

  private static List<Addressee> addressees(String run, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new Addressee(run + "-" + i, "Penerima " + i, run + "-" + i + "@kerjasama.test"))
        .toList();
  }

  private List<Job> jobsOf(long notificationId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(MailNotificationProcess.PROCESS_KEY)
        .variableValueEquals(MailNotificationProcess.NOTIFICATION_ID, notificationId).list().stream()
        .flatMap(pi -> managementService.createJobQuery().processInstanceId(pi.getId()).list().stream())
        .toList();
  }

  private Long notificationOf(String processInstanceId) {
    Object id = runtimeService.getVariable(processInstanceId, MailNotificationProcess.NOTIFICATION_ID);
    return id == null ? null : ((Number) id).longValue();
  }

  private long sentCount(String run) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM notification_recipient WHERE user_id LIKE ? AND status = ?",
        Long.class, run + "-%", Recipient.SENT);
  }

  private static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> addresses(m).contains(address)).toList();
  }

  private static Map<String, Long> receivedPerAddress(String run) {
    return Arrays.stream(greenMail.getReceivedMessages()).flatMap(m -> addresses(m).stream())
        .filter(a -> a.startsWith(run + "-"))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static List<String> addresses(MimeMessage message) {
    try {
      Address[] to = message.getAllRecipients();
      return to == null ? List.of() : Arrays.stream(to).map(a -> ((InternetAddress) a).getAddress()).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int timed(List<Long> millis, java.util.function.IntSupplier call) {
    long t = System.nanoTime();
    int status;
    try {
      status = call.getAsInt();
    } catch (RuntimeException e) {
      status = -1;
    }
    millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t));
    return status;
  }

  private static String stats(List<Long> millis) {
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return "no calls";
    }
    return String.format("%d calls, median %d ms, p95 %d ms, max %d ms", sorted.size(),
        sorted.get(sorted.size() / 2), sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.95))),
        sorted.get(sorted.size() - 1));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
