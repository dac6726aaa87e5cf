package id.go.kerjasama.monitoring;

import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.notification.MailTexts;
import id.go.kerjasama.platform.notification.Message;
import id.go.kerjasama.platform.notification.NotificationKind;
import id.go.kerjasama.platform.notification.Notifier;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.ProcessVariables;
import id.go.kerjasama.workplan.WorkPlanService;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The reminders and the escalation of a report, fired by the timers on the
 * submit task: {@code ${reportNotices.remind(execution, 1)}} (and 2 for the
 * last reminder) mails the implementing unit; {@code ${reportNotices.escalate(execution)}}
 * mails the implementing unit, its province and Fasker and writes the delay
 * into the agreement's timeline. The mails are queued (see platform.notification),
 * so an SMTP outage never fails the report's process.
 */
@Component
public class ReportNotices {

  private static final Logger LOG = LoggerFactory.getLogger(ReportNotices.class);

  private final Notifier notifier;
  private final ReportSchedule schedule;
  private final AgreementService agreementService;
  private final Organisations organisations;
  private final TaskService taskService;
  private final WorkPlanService workPlans;
  private final MonitoringProperties properties;

  public ReportNotices(Notifier notifier, ReportSchedule schedule, AgreementService agreementService,
                       Organisations organisations, @Lazy TaskService taskService, WorkPlanService workPlans,
                       MonitoringProperties properties) {
    this.workPlans = workPlans;
    this.properties = properties;
    this.notifier = notifier;
    this.schedule = schedule;
    this.agreementService = agreementService;
    this.organisations = organisations;
    this.taskService = taskService;
  }

  /** A reminder before the due date; none once the report is overdue (the escalation has taken over). */
  public void remind(DelegateExecution execution, int which) {
    Date due = schedule.dueDate(execution);
    if (!BusinessClock.now().isBefore(due.toInstant())) {
      LOG.debug("Reminder {} of {} skipped: the report is already due", which, execution.getProcessInstanceId());
      return;
    }
    Agreement agreement = agreement(execution);
    String implementer = ReportSchedule.reportingGroup(execution);
    String title = schedule.title(execution);
    Task task = openSubmitTask(execution);
    String body = "Ini pengingat bahwa " + lower(title) + " untuk kerja sama berikut belum disampaikan.\n\n"
        + "Kerja sama  : " + agreement.registrationNumber() + " - " + agreement.title() + "\n"
        + "Unit        : " + unitName(implementer) + "\n"
        + "Batas waktu : " + MailTexts.dateTime(due) + "\n\n"
        + "Sampaikan laporan melalui Tasklist sebelum batas waktu:\n"
        + (task == null ? MailTexts.tasklistLink(notifier.properties().baseUrl())
            : MailTexts.taskLink(notifier.properties().baseUrl(), task.getId()));
    notifier.send(new Message(NotificationKind.REMINDER,
            "Pengingat: " + title + " jatuh tempo " + MailTexts.dateTime(due) + " (" + agreement.registrationNumber() + ")",
            body, agreement.registrationNumber(), task == null ? null : task.getId()),
        List.of(implementer), assignee(task));
  }

  /** The report is overdue: the unit, its province and Fasker are told; the timeline records it. */
  public void escalate(DelegateExecution execution) {
    Date due = schedule.dueDate(execution);
    Agreement agreement = agreement(execution);
    String implementer = ReportSchedule.reportingGroup(execution);
    Object province = execution.getVariable(ProcessVariables.PROVINCE_GROUP);
    Set<String> groups = new LinkedHashSet<>();
    groups.add(implementer);
    if (province != null) {
      groups.add(province.toString());
    }
    groups.add(Groups.FASKER);
    String title = schedule.title(execution);
    Task task = openSubmitTask(execution);
    String body = title + " untuk kerja sama berikut sudah melewati batas waktu dan belum disampaikan.\n\n"
        + "Kerja sama  : " + agreement.registrationNumber() + " - " + agreement.title() + "\n"
        + "Unit        : " + unitName(implementer) + "\n"
        + "Batas waktu : " + MailTexts.dateTime(due) + "\n\n"
        + "Email ini dikirim kepada unit pelaksana"
        + (province != null && !province.equals(implementer) ? ", " + unitName(province.toString()) : "")
        + " dan Fasker Kemendagri untuk ditindaklanjuti.\n\n"
        + "Tugas di Tasklist:\n"
        + (task == null ? MailTexts.tasklistLink(notifier.properties().baseUrl())
            : MailTexts.taskLink(notifier.properties().baseUrl(), task.getId()));
    notifier.send(new Message(NotificationKind.ESCALATION,
            "Laporan terlambat: " + title + " (" + agreement.registrationNumber() + ")",
            body, agreement.registrationNumber(), task == null ? null : task.getId()),
        groups, assignee(task));
    agreementService.recordEvent(agreement.id(), null, Phase.MONITORING, MonitoringProcess.TIMER_OVERDUE,
        "Laporan terlambat", "OVERDUE", title + " belum disampaikan; batas waktu " + MailTexts.dateTime(due)
            + "; dieskalasi ke " + String.join(", ", groups));
  }

  /**
   * A foreign NGO filed a report (assumption A40): the Mitra Utama, Kemlu/TPOA
   * ({@code kerjasama.monitoring.ngo-report-recipients}) and the location
   * regions — the agreement's location provinces and the regencies/cities the
   * year's RKTs name — get it by mail, one event per report version.
   */
  void filed(DelegateExecution execution, ProgressReport report) {
    Agreement agreement = agreement(execution);
    if (agreement.ngoGroup() == null || !agreement.ngoGroup().equals(report.reportingUnit())) {
      return;
    }
    int year = ReportSchedule.cycleYear(execution);
    Set<String> groups = new LinkedHashSet<>();
    if (agreement.partnerMinistry() != null) {
      groups.add(agreement.partnerMinistry());
    }
    groups.addAll(properties.ngoReportRecipients());
    groups.addAll(agreement.locationProvinces());
    for (String province : agreement.locationProvinces()) {
      workPlans.latestInRegion(agreement.id(), year, province)
          .ifPresent(plan -> groups.addAll(plan.content().locationRegencies()));
    }
    String title = schedule.title(execution);
    String body = unitName(agreement.ngoGroup()) + " telah menyampaikan " + lower(title) + ".\n\n"
        + "Kerja sama  : " + agreement.registrationNumber() + " - " + agreement.title() + "\n"
        + "Capaian     : " + report.content().achievements() + "\n"
        + "Hambatan    : " + report.content().obstacles() + "\n"
        + (report.content().financialReport() == null ? ""
            : "Laporan keuangan: " + report.content().financialReport() + "\n")
        + "\nLaporan lengkap ada di registri kerja sama:\n"
        + MailTexts.tasklistLink(notifier.properties().baseUrl());
    notifier.send(new Message(NotificationKind.INFORMATION,
            "Laporan ormas asing: " + title + " (" + agreement.registrationNumber() + ")",
            body, agreement.registrationNumber(), null, "NGO_REPORT:" + report.id()),
        groups, List.of());
  }

  private Agreement agreement(DelegateExecution execution) {
    return agreementService.get(ProcessVariables.agreementId(execution));
  }

  private Task openSubmitTask(DelegateExecution execution) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(MonitoringProcess.TASK_SUBMIT).list();
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  private static List<String> assignee(Task task) {
    List<String> users = new ArrayList<>();
    if (task != null && task.getAssignee() != null) {
      users.add(task.getAssignee());
    }
    return users;
  }

  private String unitName(String group) {
    return organisations.find(group).map(Unit::name).orElse(group);
  }

  private static String lower(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
