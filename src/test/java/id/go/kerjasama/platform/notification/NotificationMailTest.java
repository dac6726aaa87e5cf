package id.go.kerjasama.platform.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.monitoring.MonitoringProcess;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.workplan.ImplementationTestSupport;
import id.go.kerjasama.workplan.ReportFrequency;
import id.go.kerjasama.workplan.WorkPlanProcess;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * E-mail over a real SMTP server (GreenMail on a free port; this class gets
 * its own application context pointing spring.mail at it): who gets which
 * mail, and that an SMTP outage loses nothing — the sending job is retried,
 * ends in an incident, and a retry after the server is back delivers.
 */
@ProcessTest
class NotificationMailTest extends ImplementationTestSupport {

  static final int PORT = freePort();
  static final String NO_MAIL_USER = "nm-province-61-nomail";
  static final String OPTED_OUT_USER = "nm-province-61-optout";
  static final String NEW_TASK_OFF_USER = "nm-province-93-notask";
  static final String REMINDER_OFF_USER = "nm-province-93-noreminder";

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", "smtp"))
      .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> PORT);
    registry.add("kerjasama.mail.base-url", () -> "https://kerjasama.example.go.id/");
  }

  @Autowired
  ManagementService managementService;
  @Autowired
  NotificationPreferenceController preferences;
  @Autowired
  Notifier notifier;
  @Autowired
  NotificationRepository outbox;

  static IdentityService identity;

  @BeforeEach
  void cleanMailboxAndUsers() throws Exception {
    identity = processEngine.getIdentityService();
    if (!greenMail.isRunning()) {
      greenMail.start();
    }
    greenMail.purgeEmailFromAllMailboxes();
  }

  @AfterAll
  static void removeExtraUsers() {
    // the in-memory database is shared with the other process tests' context
    if (identity != null) {
      identity.deleteUser(NO_MAIL_USER);
      identity.deleteUser(OPTED_OUT_USER);
      identity.deleteUser(NEW_TASK_OFF_USER);
      identity.deleteUser(REMINDER_OFF_USER);
    }
  }

  @Test
  void aNewTaskReachesEveryMemberOfItsGroupWithAnAddressWhoWantsMail() throws Exception {
    userOf("province-61");
    extraMember(NO_MAIL_USER, "province-61", null);
    extraMember(OPTED_OUT_USER, "province-61", OPTED_OUT_USER + "@kerjasama.test");
    actAsUser(OPTED_OUT_USER, "province-61");
    try {
      assertThat(preferences.put(Map.of("enabled", false)).enabled()).isFalse();
      assertThat(preferences.get()).satisfies(p -> {
        assertThat(p.userId()).isEqualTo(OPTED_OUT_USER);
        assertThat(p.email()).isEqualTo(OPTED_OUT_USER + "@kerjasama.test");
        assertThat(p.mailEnabled()).isTrue();
      });
    } finally {
      actAsSystem();
    }

    Agreement agreement = signedAgreement(CooperationType.LUAR_NEGERI, "province-61", LocalDate.of(2026, 2, 2),
        "province-61");
    startWorkPlan(agreement, 2026);
    assertThat(greenMail.getReceivedMessages()).isEmpty(); // queued, not yet sent

    sendQueuedMails(agreement);
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(addresses(mail)).containsExactly("t-province-61@kerjasama.test");
    assertThat(mail.getSubject()).isEqualTo("[Kerjasama] Tugas baru: Susun rencana kerja tahunan ("
        + agreement.registrationNumber() + ")");
    String body = GreenMailUtil.getBody(mail);
    assertThat(body).contains("Yth. Test province-61", "Tugas       : Susun rencana kerja tahunan",
        "pukul 16.00 WIB", "https://kerjasama.example.go.id/camunda/app/tasklist/default/#/?task=",
        "/api/me/notifications");
    assertThat(notificationsOf(agreement, NotificationKind.NEW_TASK)).singleElement()
        .satisfies(n -> assertThat(n.recipients()).allMatch(r -> r.sentAt() != null));
  }

  @Test
  void aKindSwitchedOffIsNotMailedWhileTheOtherKindsStillAre() throws Exception {
    userOf("province-93");
    extraMember(NEW_TASK_OFF_USER, "province-93", NEW_TASK_OFF_USER + "@kerjasama.test");
    extraMember(REMINDER_OFF_USER, "province-93", REMINDER_OFF_USER + "@kerjasama.test");
    actAsUser(NEW_TASK_OFF_USER, "province-93");
    try {
      NotificationPreferenceController.Preference p = preferences.put(Map.of("kinds", Map.of("NEW_TASK", false)));
      assertThat(p.enabled()).isTrue();
      assertThat(p.kinds()).extracting(k -> k.kind() + "=" + k.enabled())
          .containsExactly("NEW_TASK=false", "REMINDER=true", "ESCALATION=true", "INFORMATION=true");
      assertThat(p.kinds().get(0).label()).isEqualTo("Tugas baru");
      // an unknown kind or a non-boolean is refused, and nothing of the request is stored
      assertThatThrownBy(() -> preferences.put(Map.of("kinds", Map.of("NEW_TASK", true, "SPAM", false))))
          .hasMessageContaining("Jenis pemberitahuan 'SPAM' tidak dikenal");
      assertThatThrownBy(() -> preferences.put(Map.of("kinds", Map.of("NEW_TASK", "ya"))))
          .hasMessageContaining("'NEW_TASK' wajib diisi dengan true atau false");
      assertThat(preferences.get().kinds().get(0).enabled()).isFalse();
    } finally {
      actAsSystem();
    }
    actAsUser(REMINDER_OFF_USER, "province-93");
    try {
      preferences.put(Map.of("kinds", Map.of("REMINDER", false)));
    } finally {
      actAsSystem();
    }

    Agreement agreement = signedAgreement(CooperationType.LUAR_NEGERI, "province-93", LocalDate.of(2026, 2, 2),
        "province-93");
    startWorkPlan(agreement, 2026);
    sendQueuedMails(agreement);
    assertThat(Arrays.stream(greenMail.getReceivedMessages()).flatMap(m -> addresses(m).stream()))
        .containsExactlyInAnyOrder("t-province-93@kerjasama.test", REMINDER_OFF_USER + "@kerjasama.test");
  }

  @Test
  void anEscalationReachesTheUnitItsProvinceAndFasker() throws Exception {
    userOf("regency-3204");
    userOf("province-32");
    userOf("fasker");
    Agreement agreement = signedAgreement(CooperationType.DALAM_NEGERI, "regency-3204", LocalDate.of(2026, 2, 2),
        "province-32");
    approvedPlan(agreement, 2026, ReportFrequency.SEMESTER, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    ProcessInstance pi = startMonitoring(agreement, 2026);
    Job overdue = managementService.createJobQuery().processInstanceId(pi.getId())
        .activityId(MonitoringProcess.TIMER_OVERDUE).singleResult();
    setClock(overdue.getDuedate().toInstant().plusSeconds(60));
    managementService.executeJob(overdue.getId());

    sendQueuedMails(agreement);
    List<MimeMessage> escalations = Arrays.stream(greenMail.getReceivedMessages())
        .filter(m -> subject(m).startsWith("[Kerjasama] Laporan terlambat")).toList();
    assertThat(escalations).flatExtracting(NotificationMailTest::addresses).containsExactlyInAnyOrder(
        "t-regency-3204@kerjasama.test", "t-province-32@kerjasama.test", "t-fasker@kerjasama.test");
    assertThat(GreenMailUtil.getBody(escalations.get(0))).contains("sudah melewati batas waktu",
        "Kabupaten Bandung", "Provinsi Jawa Barat");
  }

  @Test
  void anSmtpOutageEndsInAnIncidentAndARetryAfterwardsDeliversWithoutLosingAnything() throws Exception {
    userOf("province-62");
    userOf("fasker");
    Agreement agreement = signedAgreement(CooperationType.LUAR_NEGERI, "province-62", LocalDate.of(2026, 2, 2),
        "province-62");
    ProcessInstance workPlan = startWorkPlan(agreement, 2026);
    sendQueuedMails(agreement);
    greenMail.purgeEmailFromAllMailboxes();

    greenMail.stop();
    complete("province-62", openTask(agreement.registrationNumber(), WorkPlanProcess.TASK_DRAFT),
        planForm(2026, ReportFrequency.SEMESTER));
    // the draft is stored and Fasker's task exists although no mail can go out
    assertThat(workPlans.latest(agreement.id(), 2026)).isPresent();
    assertThat(openTask(agreement.registrationNumber(), WorkPlanProcess.TASK_VERIFY)).isNotNull();

    Job job = queuedMailJobs(agreement).get(0);
    for (int attempt = 0; attempt < 5 && job != null && job.getRetries() > 0; attempt++) {
      String id = job.getId();
      assertThatThrownBy(() -> managementService.executeJob(id)).hasMessageContaining("gagal dikirim");
      job = managementService.createJobQuery().jobId(id).singleResult();
    }
    assertThat(job.getRetries()).isZero();
    assertThat(job.getExceptionMessage()).contains("gagal dikirim");
    Incident incident = processEngine.getRuntimeService().createIncidentQuery()
        .processInstanceId(job.getProcessInstanceId()).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo(MailNotificationProcess.TASK_SEND_MAIL);
    assertThat(openTask(agreement.registrationNumber(), WorkPlanProcess.TASK_VERIFY)).isNotNull();

    greenMail.start();
    managementService.setJobRetries(job.getId(), 1); // what "retry" in Cockpit does
    managementService.executeJob(job.getId());
    assertThat(greenMail.getReceivedMessages()).extracting(NotificationMailTest::subject)
        .containsExactly("[Kerjasama] Tugas baru: Verifikasi rencana kerja tahunan ("
            + agreement.registrationNumber() + ")");
    assertThat(processEngine.getRuntimeService().createIncidentQuery()
        .processInstanceId(job.getProcessInstanceId()).count()).isZero();
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(job.getProcessInstanceId()).count()).isZero();
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(workPlan.getId()).count()).isEqualTo(1);
  }

  @Test
  void thePreferenceApiRefusesAnythingButABoolean() {
    userOf("province-63");
    actAs("province-63");
    try {
      assertThatThrownBy(() -> preferences.put(Map.of("enabled", "no")))
          .hasMessageContaining("Isian 'enabled' wajib diisi dengan true atau false");
      assertThat(preferences.put(Map.of("enabled", true)).enabled()).isTrue();
      assertThat(preferences.get().enabled()).isTrue();
    } finally {
      actAsSystem();
    }
  }

  @Test
  void aSendingJobThatRunsAgainForTheSameRecipientSendsNothingMore() throws Exception {
    String user = userOf("province-64");
    Message message = new Message(NotificationKind.REMINDER, "Uji sekali kirim", "Isi uji", "KS-UJI-64", null,
        "TEST:once-" + System.nanoTime());
    long id = notifier.send(message, List.of(), List.of(user)).orElseThrow();
    Recipient recipient = outbox.recipients(id).get(0);
    assertThat(recipient.status()).isEqualTo(Recipient.PENDING);
    assertThat(recipient.idempotencyKey()).isEqualTo(message.eventKey() + "/" + user);
    // a second job for the same recipient, as an expired lock, a second node or a hand-made
    // instance would give
    processEngine.getRuntimeService().startProcessInstanceByKey(MailNotificationProcess.PROCESS_KEY,
        org.camunda.bpm.engine.variable.Variables.createVariables()
            .putValue(MailNotificationProcess.NOTIFICATION_ID, id)
            .putValue(MailNotificationProcess.RECIPIENT_ID, recipient.id()));
    List<Job> jobs = mailJobs(id);
    assertThat(jobs).hasSize(2);
    for (Job job : jobs) {
      managementService.executeJob(job.getId());
    }

    assertThat(mailsTo(user + "@kerjasama.test")).hasSize(1);
    Recipient sent = outbox.recipient(recipient.id()).orElseThrow();
    assertThat(sent.status()).isEqualTo(Recipient.SENT);
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(sent.sentAt()).isNotNull();
    assertThat(mailsTo(user + "@kerjasama.test").get(0).getMessageID())
        .isEqualTo("<kerjasama." + message.eventKey().replace(':', '.') + "/" + user + "@kerjasama.example.go.id>");

    // the same event again is not queued again
    assertThat(notifier.send(message, List.of(), List.of(user))).contains(id);
    assertThat(mailJobs(id)).isEmpty();
    assertThat(mailsTo(user + "@kerjasama.test")).hasSize(1);
  }

  @Test
  void aFailedSendLeavesTheRecipientPendingAndTheRetrySendsItOnce() throws Exception {
    String user = userOf("province-65");
    long id = notifier.send(new Message(NotificationKind.REMINDER, "Uji gagal kirim", "Isi uji", "KS-UJI-65", null),
        List.of(), List.of(user)).orElseThrow();
    Job job = mailJobs(id).get(0);

    greenMail.stop();
    assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("gagal dikirim");
    Recipient waiting = outbox.recipients(id).get(0);
    assertThat(waiting.status()).isEqualTo(Recipient.PENDING); // the claim went back with the failed job
    assertThat(waiting.attempts()).isZero();
    assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(2);

    greenMail.start();
    managementService.executeJob(job.getId());
    assertThat(mailsTo(user + "@kerjasama.test")).hasSize(1);
    assertThat(outbox.recipients(id).get(0).status()).isEqualTo(Recipient.SENT);
  }

  @Test
  void aNotificationQueuedBeforeOneInstancePerRecipientHandsEachRecipientItsOwnJob() throws Exception {
    String first = userOf("province-71");
    String second = userOf("province-72");
    long id = outbox.insert(new Message(NotificationKind.REMINDER, "Uji antrean lama", "Isi uji", "KS-UJI-71", null),
        List.of(new NotificationRepository.Addressee(first, "Satu", first + "@kerjasama.test"),
            new NotificationRepository.Addressee(second, "Dua", second + "@kerjasama.test")));
    // as version 1 queued it: one instance for the whole notification, no recipient
    processEngine.getRuntimeService().startProcessInstanceByKey(MailNotificationProcess.PROCESS_KEY,
        org.camunda.bpm.engine.variable.Variables.createVariables()
            .putValue(MailNotificationProcess.NOTIFICATION_ID, id));
    for (int round = 0; round < 3 && !mailJobs(id).isEmpty(); round++) {
      for (Job job : mailJobs(id)) {
        managementService.executeJob(job.getId());
      }
    }
    assertThat(mailJobs(id)).isEmpty();
    assertThat(mailsTo(first + "@kerjasama.test")).hasSize(1);
    assertThat(mailsTo(second + "@kerjasama.test")).hasSize(1);
    assertThat(outbox.recipients(id)).allMatch(r -> Recipient.SENT.equals(r.status()));
  }

  /** The sending jobs of a notification. */
  private List<Job> mailJobs(long notificationId) {
    return processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(MailNotificationProcess.PROCESS_KEY)
        .variableValueEquals(MailNotificationProcess.NOTIFICATION_ID, notificationId)
        .list().stream()
        .flatMap(pi -> managementService.createJobQuery().processInstanceId(pi.getId()).list().stream())
        .toList();
  }

  private static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> addresses(m).contains(address)).toList();
  }

  /** Runs the sending job of every notification queued about the agreement. */
  private void sendQueuedMails(Agreement agreement) {
    for (Job job : queuedMailJobs(agreement)) {
      managementService.executeJob(job.getId());
    }
  }

  private List<Job> queuedMailJobs(Agreement agreement) {
    return processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(MailNotificationProcess.PROCESS_KEY)
        .variableValueEquals(MailNotificationProcess.REGISTRATION_NUMBER, agreement.registrationNumber())
        .list().stream()
        .flatMap(pi -> managementService.createJobQuery().processInstanceId(pi.getId()).list().stream())
        .toList();
  }

  private void extraMember(String userId, String group, String email) {
    IdentityService identity = processEngine.getIdentityService();
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName("Anggota");
      user.setLastName(group);
      user.setEmail(email);
      user.setPassword("Rahasia-Uji-42");
      identity.saveUser(user);
      identity.createMembership(userId, group);
    }
  }

  private void actAsUser(String userId, String group) {
    processEngine.getIdentityService().setAuthentication(userId, List.of(group));
  }

  private static List<String> addresses(MimeMessage message) {
    try {
      return Arrays.stream(message.getAllRecipients()).map(NotificationMailTest::plain).toList();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String plain(Address address) {
    return ((jakarta.mail.internet.InternetAddress) address).getAddress();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
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
