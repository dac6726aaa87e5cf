package id.go.kerjasama.it;

import com.icegreen.greenmail.base.GreenMailOperations;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.notification.Message;
import id.go.kerjasama.platform.notification.NotificationKind;
import id.go.kerjasama.platform.notification.Notifier;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.NewProposal;
import id.go.kerjasama.registry.Phase;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The year-end burst (issue 15) on application nodes that share one database: {@code n} report-due
 * timers fall due at the same moment; each, like the monitoring process's reminders and escalation
 * ({@code monitoring/ReportNotices}), queues a reminder mail through the application's outbox (one
 * {@code mail-notification} job per recipient, sent to GreenMail) and writes a line into the agreement's
 * timeline ({@code agreement_event}). The engine clock (shared by the nodes in this JVM) is moved past
 * the due date, as the year's end arriving.
 *
 * <p>What it measures and checks: when the first timer fired and when every timer had fired and every mail
 * had arrived; per business key how often the timer's work ran, how many mails GreenMail received and how
 * many timeline rows were written (exactly once each is the claim); and which node ran the timers and the
 * mail jobs (the engine's job log, each node with a host name of its own). Used by {@link TwoNodesIT}
 * (small, asserted) and {@link ClusterBenchmark} (sizes as parameters, figures).
 */
final class YearEndBurst {

  static final String PROCESS = "year-end-burst";
  static final String TIMER = "TimerEvent_ReportDue";
  static final String NOTICE = "ServiceTask_ReportDueNotice";
  static final int RECIPIENTS = 10;
  static final String RECIPIENT_PASSWORD = "Kata-Sandi-2026!q";
  private static final Pattern KEY_IN_SUBJECT = Pattern.compile("\\(([a-z0-9]+-\\d+)\\)$");

  /** Each engine's application context, by engine name: the delegate reaches the node's beans through it. */
  static final Map<String, ApplicationContext> NODES = new ConcurrentHashMap<>();
  static final Map<String, AtomicInteger> FIRED = new ConcurrentHashMap<>();
  static final Map<String, AtomicInteger> FIRED_BY_ENGINE = new ConcurrentHashMap<>();
  static final AtomicLong FIRST_FIRED_NANOS = new AtomicLong();
  static final AtomicLong LAST_FIRED_NANOS = new AtomicLong();

  /** The timer's work: a reminder to one recipient and a timeline row, as the report reminders do. */
  public static class ReportDueNotice implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      long now = System.nanoTime();
      FIRST_FIRED_NANOS.compareAndSet(0, now);
      LAST_FIRED_NANOS.accumulateAndGet(now, Math::max);
      String key = execution.getProcessBusinessKey();
      FIRED.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      String engine = execution.getProcessEngine().getName();
      FIRED_BY_ENGINE.computeIfAbsent(engine, k -> new AtomicInteger()).incrementAndGet();
      ApplicationContext node = NODES.get(engine);
      String registrationNumber = (String) execution.getVariable("registrationNumber");
      // its own event (no event key): a timer run twice would queue, and send, a second mail
      node.getBean(Notifier.class).send(new Message(NotificationKind.REMINDER,
              "Pengingat: laporan akhir tahun jatuh tempo (" + key + ")",
              "Ini pengingat bahwa laporan akhir tahun untuk kerja sama " + registrationNumber + " belum disampaikan.",
              registrationNumber, null),
          List.of(), List.of((String) execution.getVariable("recipient")));
      node.getBean(AgreementService.class).recordEvent(((Number) execution.getVariable("agreementId")).longValue(),
          null, Phase.MONITORING, NOTICE, "Pengingat laporan akhir tahun", "REMINDED", key);
    }
  }

  /** What one burst did. */
  record Result(String tag, int timers, List<String> nodes, double startSeconds, double firstFiredSeconds,
                double timersDoneSeconds, double mailsDoneSeconds, Map<String, Integer> timersByNode,
                Map<String, Long> mailJobsByNode, int keysFired, long timerRunsTwice, int mailsReceived,
                long mailDuplicates, long mailsMissing, long auditRows, long auditDuplicates, long auditMissing,
                long failedJobs, double cpuSeconds) {

    /** Drain time: from the first timer fired to the last mail received. */
    double drainSeconds() {
      return mailsDoneSeconds - firstFiredSeconds;
    }

    String summary() {
      return String.format(java.util.Locale.ROOT, "[year-end burst] %s: %d timers on %s; started in %.1f s; after the "
              + "due time: first fired %.1f s, all fired %.1f s, all %d mails received %.1f s (drain %.1f s); "
              + "timers by node %s, mail jobs by node %s; keys fired %d, fired twice %d, mail duplicates %d, missing "
              + "%d, timeline rows %d (duplicates %d, missing %d), failed job runs %d; CPU (this JVM and its PostgreSQL) "
              + "from the due time to the last mail %.1f s, %.1f ms per timer", tag, timers, nodes, startSeconds,
          firstFiredSeconds, timersDoneSeconds, mailsReceived, mailsDoneSeconds, drainSeconds(), timersByNode,
          mailJobsByNode, keysFired, timerRunsTwice, mailDuplicates, mailsMissing, auditRows, auditDuplicates,
          auditMissing, failedJobs, cpuSeconds, cpuSeconds * 1000 / timers);
    }
  }

  private final GreenMailOperations greenMail;
  private final List<ConfigurableApplicationContext> nodes;
  private final Map<ConfigurableApplicationContext, String> hostnames;
  private long agreementId;
  private String registrationNumber;

  /** {@code nodes}: each node with the host name its engine writes into the job log. */
  YearEndBurst(GreenMailOperations greenMail, Map<ConfigurableApplicationContext, String> nodes) {
    this.greenMail = greenMail;
    this.hostnames = new LinkedHashMap<>(nodes);
    this.nodes = new ArrayList<>(nodes.keySet());
    nodes.keySet().forEach(n -> NODES.put(engine(n).getName(), n));
  }

  static ProcessEngine engine(ApplicationContext node) {
    return node.getBean(ProcessEngine.class);
  }

  /** The process, the recipients (users with e-mail addresses) and one agreement, once per database. */
  void prepare() {
    ApplicationContext first = nodes.get(0);
    ProcessEngine engine = engine(first);
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      engine.getRepositoryService().createDeployment().name(PROCESS)
          .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
              .camundaHistoryTimeToLive(3650)
              .startEvent()
              .intermediateCatchEvent(TIMER).name("Laporan jatuh tempo").timerWithDate("${reportDue}")
              .serviceTask(NOTICE).name("Kirim pengingat").camundaClass(ReportDueNotice.class.getName())
              .endEvent()
              .done())
          .deploy();
    }
    for (int i = 0; i < RECIPIENTS; i++) {
      if (engine.getIdentityService().createUserQuery().userId(recipient(i)).count() == 0) {
        User user = engine.getIdentityService().newUser(recipient(i));
        user.setFirstName("Penerima");
        user.setLastName("Uji " + i);
        user.setEmail(recipient(i) + "@kerjasama.test");
        user.setPassword(RECIPIENT_PASSWORD);
        engine.getIdentityService().saveUser(user);
      }
    }
    Unit unit = first.getBean(Organisations.class).find("province-93").orElseThrow();
    Agreement agreement = first.getBean(AgreementService.class).register(new NewProposal(CooperationType.DALAM_NEGERI,
        "Kerja sama uji laporan akhir tahun", "Mitra uji", "Indonesia", unit.group(), unit.provinceGroup(), null,
        List.of("93"), List.of("PENDIDIKAN"), LocalDate.of(2026, 1, 1), 24, false), "t-burst", null);
    agreementId = agreement.id();
    registrationNumber = agreement.registrationNumber();
  }

  static String recipient(int i) {
    return "burst-penerima-" + i;
  }

  /**
   * Starts {@code n} instances (through the nodes in turn, from {@code starters} threads) whose timers fall due
   * an hour later on the engine clock, moves the clock past that, and waits until every timer fired and every
   * mail arrived (at most {@code limitSeconds}).
   */
  Result run(String tag, int n, int starters, long limitSeconds) throws Exception {
    return run(tag, n, starters, limitSeconds, false);
  }

  /**
   * {@code wakeExecutors}: right after the clock moved, every node's job executor is told that jobs are due,
   * as the engine tells its own when a transaction creates a due job. Without it a node whose executor is in
   * its idle back-off (up to 60 s while nothing is due) may sleep through a short burst, which is what a
   * real one does but leaves a small test unable to show both nodes at work.
   */
  Result run(String tag, int n, int starters, long limitSeconds, boolean wakeExecutors) throws Exception {
    FIRED.clear();
    FIRED_BY_ENGINE.clear();
    FIRST_FIRED_NANOS.set(0);
    LAST_FIRED_NANOS.set(0);
    ProcessEngine engine = engine(nodes.get(0));
    Map<String, Long> mailJobsBefore = mailJobsByNode();
    long failedBefore = failedJobs(engine);
    Date due = new Date(ClockUtil.getCurrentTime().getTime() + 3_600_000);

    long s0 = System.nanoTime();
    ExecutorService threads = Executors.newFixedThreadPool(starters);
    try {
      List<Future<?>> started = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        ProcessEngine through = engine(nodes.get(i % nodes.size()));
        started.add(threads.submit(() -> through.getRuntimeService().startProcessInstanceByKey(PROCESS,
            tag + "-" + index, Variables.createVariables()
                .putValue("reportDue", due)
                .putValue("recipient", recipient(index % RECIPIENTS))
                .putValue("agreementId", agreementId)
                .putValue("registrationNumber", registrationNumber))));
      }
      for (Future<?> f : started) {
        f.get(30, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdown();
    }
    double startSeconds = seconds(System.nanoTime() - s0);

    // the year ends: the engine clock (the nodes' clock in this JVM) moves a second past the due date
    ClockUtil.offset(due.getTime() - System.currentTimeMillis() + 1000);
    long t0 = System.nanoTime();
    double cpu0 = cpuSeconds();
    if (wakeExecutors) {
      nodes.forEach(node -> ((ProcessEngineConfigurationImpl) engine(node).getProcessEngineConfiguration())
          .getJobExecutor().jobWasAdded());
    }
    long limit = t0 + TimeUnit.SECONDS.toNanos(limitSeconds);
    while (countFired(tag) < n && System.nanoTime() < limit) {
      Thread.sleep(100);
    }
    long timersDone = LAST_FIRED_NANOS.get();
    while (mailsOf(tag).values().stream().mapToLong(Long::longValue).sum() < n && System.nanoTime() < limit) {
      Thread.sleep(250);
    }
    long mailsDone = System.nanoTime();
    double cpu = cpuSeconds() - cpu0;
    // a moment more, so that a mail sent twice would be seen
    while (engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("mail-notification").count() > 0
        && System.nanoTime() < limit) {
      Thread.sleep(250);
    }

    Map<String, Long> mails = mailsOf(tag);
    JdbcTemplate jdbc = nodes.get(0).getBean(JdbcTemplate.class);
    List<Long> auditPerKey = jdbc.queryForList("SELECT COUNT(*) FROM agreement_event WHERE agreement_id = ? "
        + "AND activity = ? AND notes LIKE ? GROUP BY notes", Long.class, agreementId, NOTICE, tag + "-%");
    Map<String, Integer> timersByNode = new LinkedHashMap<>();
    nodes.forEach(node -> timersByNode.put(hostnames.get(node),
        FIRED_BY_ENGINE.getOrDefault(engine(node).getName(), new AtomicInteger()).get()));
    Map<String, Long> mailJobsAfter = mailJobsByNode();
    Map<String, Long> mailJobs = new LinkedHashMap<>();
    mailJobsAfter.forEach((host, count) -> mailJobs.put(host, count - mailJobsBefore.getOrDefault(host, 0L)));
    return new Result(tag, n, new ArrayList<>(hostnames.values()), startSeconds,
        seconds(FIRST_FIRED_NANOS.get() - t0), seconds(timersDone - t0), seconds(mailsDone - t0), timersByNode,
        mailJobs, countFired(tag), FIRED.values().stream().filter(c -> c.get() > 1).count(),
        (int) mails.values().stream().mapToLong(Long::longValue).sum(),
        mails.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum(), n - mails.size(),
        auditPerKey.stream().mapToLong(Long::longValue).sum(), auditPerKey.stream().filter(c -> c > 1).count(),
        n - auditPerKey.size(), failedJobs(engine) - failedBefore, cpu);
  }

  /**
   * CPU time used so far by this JVM and by the PostgreSQL server the nodes use (its postmaster, its live
   * backends and those it reaped), in seconds: a figure less dependent than wall time on what else the shared
   * machine runs. PostgreSQL's part only where /proc is readable (Linux) and the server runs on this host.
   */
  double cpuSeconds() {
    double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    String url = nodes.get(0).getEnvironment().getProperty("spring.datasource.url", "");
    Matcher port = Pattern.compile(":(\\d+)/").matcher(url);
    if (!port.find()) {
      return jvm;
    }
    long ticks = 0;
    try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
      List<String[]> stats = new ArrayList<>();
      String postmaster = null;
      for (java.nio.file.Path proc : (Iterable<java.nio.file.Path>) procs::iterator) {
        if (!proc.getFileName().toString().matches("\\d+")) {
          continue;
        }
        try {
          String stat = java.nio.file.Files.readString(proc.resolve("stat"));
          // fields after the command (which may hold spaces): state ppid ... utime(14) stime(15) cutime cstime
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          stats.add(new String[] {proc.getFileName().toString(), f[1], f[11], f[12], f[13], f[14]});
          String cmd = java.nio.file.Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
          if (cmd.contains("bin/postgres ") && cmd.contains(" -p " + port.group(1) + " ")) {
            postmaster = proc.getFileName().toString();
          }
        } catch (java.io.IOException | RuntimeException e) {
          // a process that ended meanwhile
        }
      }
      for (String[] f : stats) {
        if (f[0].equals(postmaster)) {
          ticks += Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[4]) + Long.parseLong(f[5]);
        } else if (f[1].equals(postmaster)) {
          ticks += Long.parseLong(f[2]) + Long.parseLong(f[3]);
        }
      }
    } catch (java.io.IOException e) {
      return jvm;
    }
    return jvm + ticks / 100.0;
  }

  private static int countFired(String tag) {
    return (int) FIRED.keySet().stream().filter(k -> k.startsWith(tag + "-")).count();
  }

  private Map<String, Long> mailJobsByNode() {
    Map<String, Long> byNode = new LinkedHashMap<>();
    ProcessEngine engine = engine(nodes.get(0));
    for (String host : hostnames.values()) {
      byNode.put(host, engine.getHistoryService().createHistoricJobLogQuery().processDefinitionKey("mail-notification")
          .successLog().hostname(host).count());
    }
    return byNode;
  }

  private static long failedJobs(ProcessEngine engine) {
    return engine.getHistoryService().createHistoricJobLogQuery().failureLog().count();
  }

  /** Mails received per business key of this burst (the key is in the subject). */
  Map<String, Long> mailsOf(String tag) {
    return Arrays.stream(greenMail.getReceivedMessages()).map(YearEndBurst::keyOf)
        .filter(k -> k != null && k.startsWith(tag + "-"))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static String keyOf(MimeMessage message) {
    try {
      String subject = message.getSubject();
      Matcher m = subject == null ? null : KEY_IN_SUBJECT.matcher(subject);
      return m != null && m.find() ? m.group(1) : null;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static double seconds(long nanos) {
    return Math.round(nanos / 1e8) / 10.0;
  }
}
