package id.go.kerjasama.ngo;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.platform.notification.Notification;
import id.go.kerjasama.platform.notification.NotificationRepository;
import id.go.kerjasama.platform.notification.Recipient;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/ngo-reminders.bpmn: every morning the NGO's staff are reminded,
 * once per event, of a permit or a foreign staff member's stay ending within
 * {@code kerjasama.ngo.reminder-days} (30).
 */
@ProcessTest
class NgoReminderProcessTest extends NgoTestSupport {

  @Autowired
  NgoReminders reminders;
  @Autowired
  NotificationRepository notifications;
  @Autowired
  NgoRepository repository;

  @Test
  void theNgoIsRemindedOnceOfAPermitAndAStayEndingSoon() {
    Ngo ngo = newNgo("Uji Pengingat");
    LocalDate permitEnd = today().plusDays(45);
    NgoPermit permit = permits.grantPrinciplePermit(ngo.groupId(), null, today(), permitEnd, "t-tpoa-kemlu", null);
    LocalDate stayEnd = today().plusDays(20);
    long staffId = repository.insertStaff(ngo.id(), new NewStaff("Maria Santos", "Filipina", "P9988776",
        "Programme Officer", "KITAS-77", today().minusMonths(6), stayEnd), "t-" + ngo.groupId());

    reminders.sendDue();
    String permitEvent = "NGO_PERMIT_DUE:" + permit.id() + ":" + permitEnd;
    String staffEvent = "NGO_STAFF_DUE:" + staffId + ":" + stayEnd;
    // the permit ends in 45 days: not yet; the stay in 20: now, to the NGO's staff
    assertThat(notifications.findByEventKey(permitEvent)).isEmpty();
    Optional<Long> staffMail = notifications.findByEventKey(staffEvent);
    assertThat(staffMail).isPresent();
    Notification mail = notifications.find(staffMail.get()).orElseThrow();
    assertThat(mail.subject()).contains("Maria Santos");
    assertThat(notifications.recipients(staffMail.get())).extracting(Recipient::userId)
        .containsExactly("t-" + ngo.groupId());

    // 20 days later the permit is due too; the stay's reminder is not sent twice
    setClock(today().plusDays(20).atTime(7, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
    reminders.sendDue();
    assertThat(notifications.findByEventKey(permitEvent)).isPresent();
    assertThat(notifications.findByEventKey(staffEvent)).contains(staffMail.get());

    // the daily timer runs the same sweep
    Job timer = processEngine.getManagementService().createJobQuery().processDefinitionKey("ngo-reminders")
        .timers().singleResult();
    assertThat(timer).isNotNull();
    processEngine.getManagementService().executeJob(timer.getId());
    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("ngo-reminders").finished().count()).isPositive();
  }
}
