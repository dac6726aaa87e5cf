package id.go.kerjasama.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.platform.calendar.WorkingDayCalendar;
import id.go.kerjasama.platform.notification.Notification;
import id.go.kerjasama.platform.notification.NotificationKind;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.ProcessVariables;
import id.go.kerjasama.workplan.ImplementationTestSupport;
import id.go.kerjasama.workplan.ReportFrequency;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of processes/monitoring.bpmn with a fixed clock: periods from
 * the work plan, a regency's report through its province, on-time, late and
 * overdue reports, and the annual report across the year boundary.
 */
@ProcessTest
class MonitoringProcessTest extends ImplementationTestSupport {

  static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
  static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);

  @Autowired
  WorkingDayCalendar workingDays;
  @Autowired
  ProgressReportService reports;

  @Test
  void aRegencysReportGoesThroughItsProvinceAndFaskerCanAskForFollowUp() {
    Agreement agreement = signedAgreement(CooperationType.DALAM_NEGERI, "regency-3273", LocalDate.of(2026, 2, 2),
        "province-32");
    approvedPlan(agreement, 2026, ReportFrequency.SEMESTER, JAN_1, DEC_31);
    ProcessInstance pi = startMonitoring(agreement, 2026);
    String key = agreement.registrationNumber();
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), MonitoringProcess.REPORT_PERIODS))
        .isEqualTo("S1,S2");

    Task submit = openTask(key, MonitoringProcess.TASK_SUBMIT);
    assertThat(submit).hasCandidateGroup("regency-3273");
    Date s1Due = closing(workingDays.addWorkingDays(LocalDate.of(2026, 6, 30), 7));
    assertThat(submit.getDueDate()).isEqualTo(s1Due);
    assertThat(taskVariables(submit)).containsEntry("reportTitle", "Laporan kemajuan semester I tahun 2026")
        .containsEntry("budgetCurrency", "IDR");

    setClock(ZonedDateTime.of(2026, 7, 6, 9, 0, 0, 0, BusinessClock.ZONE).toInstant());
    complete("regency-3273", submit, reportForm("Capaian semester I: 80 aparatur terlatih"));
    Task verify = openTask(key, MonitoringProcess.TASK_VERIFY);
    assertThat(verify).hasCandidateGroup("province-32");
    complete("province-32", verify, decision("RETURNED", "Lampirkan daftar peserta"));

    // resubmission: due 10 working days after the return, as that is later than the period's own date
    Task resubmit = openTask(key, MonitoringProcess.TASK_SUBMIT);
    assertThat(resubmit.getDueDate()).isEqualTo(closing(workingDays.addWorkingDays(LocalDate.of(2026, 7, 6), 10)));
    assertThat(taskVariables(resubmit)).containsEntry("achievements", "Capaian semester I: 80 aparatur terlatih")
        .containsEntry("reviewNotes", "province-32: Lampirkan daftar peserta");
    complete("regency-3273", resubmit, reportForm("Capaian semester I: 80 aparatur terlatih, daftar terlampir"));
    Map<String, Object> verified = decision("VERIFIED", null);
    verified.put("consolidationNotes", "Sesuai data provinsi");
    complete("province-32", openTask(key, MonitoringProcess.TASK_VERIFY), verified);
    Task review = openTask(key, MonitoringProcess.TASK_REVIEW);
    assertThat(review).hasCandidateGroup("fasker");
    complete("fasker", review, decision("FOLLOW_UP", "Jelaskan realisasi anggaran yang rendah"));
    complete("regency-3273", openTask(key, MonitoringProcess.TASK_SUBMIT), reportForm("Capaian dengan penjelasan"));
    complete("province-32", openTask(key, MonitoringProcess.TASK_VERIFY), decision("VERIFIED", null));
    complete("fasker", openTask(key, MonitoringProcess.TASK_REVIEW), decision("ACCEPTED", null));

    List<ProgressReport> s1 = reports.reports(agreement.id());
    assertThat(s1).extracting(ProgressReport::period, ProgressReport::version, ProgressReport::status,
            ProgressReport::late)
        .containsExactly(tuple(ReportingPeriod.S1, 1, ReportStatus.RETURNED, false),
            tuple(ReportingPeriod.S1, 2, ReportStatus.FOLLOW_UP, false),
            tuple(ReportingPeriod.S1, 3, ReportStatus.ACCEPTED, false));
    assertThat(s1.get(1).provinceNotes()).isEqualTo("Sesuai data provinsi");
    assertThat(s1.get(0).content().budgetRealised()).isEqualByComparingTo(new BigDecimal("250000000.50"));
    assertThat(s1.get(0).reportingUnit()).isEqualTo("regency-3273");
    assertThat(s1).allMatch(r -> !r.annual());
    assertThat(reports.reviews(s1.get(1).id())).extracting(ReportReview::step, ReportReview::decision)
        .containsExactly(tuple("PROVINCE", "VERIFIED"), tuple("FASKER", "FOLLOW_UP"));

    // the second semester's report is the annual report
    Task annual = openTask(key, MonitoringProcess.TASK_SUBMIT);
    assertThat(taskVariables(annual)).containsEntry("reportTitle", "Laporan tahunan 2026 (semester II)");
    assertThat(annual.getDueDate()).isEqualTo(jakarta(2027, 1, 12, 16));
    complete("regency-3273", annual, reportForm("Capaian tahun 2026"));
    complete("province-32", openTask(key, MonitoringProcess.TASK_VERIFY), decision("VERIFIED", null));
    complete("fasker", openTask(key, MonitoringProcess.TASK_REVIEW), decision("ACCEPTED", null));
    assertThat(pi).isEnded().hasPassed(MonitoringProcess.END_COMPLETED);
    assertThat(reports.reports(agreement.id())).last()
        .satisfies(r -> assertThat(r.annual()).isTrue())
        .satisfies(r -> assertThat(r.period()).isEqualTo(ReportingPeriod.S2));
  }

  @Test
  void aReportOnTimeNeedsNoReminderAndAProvincesOwnReportGoesStraightToFasker() {
    userOf("province-32");
    Agreement agreement = signedAgreement(CooperationType.LUAR_NEGERI, "province-32", LocalDate.of(2026, 2, 2),
        "province-32");
    approvedPlan(agreement, 2026, ReportFrequency.SEMESTER, JAN_1, DEC_31);
    ProcessInstance pi = startMonitoring(agreement, 2026);
    String key = agreement.registrationNumber();
    assertThat(timer(pi, MonitoringProcess.TIMER_FIRST_REMINDER)).isNotNull();

    complete("province-32", openTask(key, MonitoringProcess.TASK_SUBMIT), reportForm("Capaian awal"));
    assertThat(openTask(key, MonitoringProcess.TASK_VERIFY)).isNull();
    complete("fasker", openTask(key, MonitoringProcess.TASK_REVIEW), decision("ACCEPTED", null));

    assertThat(notificationsOf(agreement, NotificationKind.REMINDER)).isEmpty();
    assertThat(notificationsOf(agreement, NotificationKind.ESCALATION)).isEmpty();
    assertThat(reports.reports(agreement.id())).singleElement().satisfies(r -> assertThat(r.late()).isFalse());
    // the timers of the second semester are waiting, those of the first are gone
    Date s2Due = jakarta(2027, 1, 12, 16);
    assertThat(timer(pi, MonitoringProcess.TIMER_OVERDUE).getDuedate()).isEqualTo(s2Due);
    assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count())
        .isEqualTo(3);
  }

  @Test
  void aLateReportGetsTwoRemindersBeforeItsDueDate() {
    userOf("province-32");
    Agreement agreement = signedAgreement(CooperationType.LUAR_NEGERI, "province-32", LocalDate.of(2026, 2, 2),
        "province-32");
    approvedPlan(agreement, 2026, ReportFrequency.QUARTERLY, JAN_1, DEC_31);
    ProcessInstance pi = startMonitoring(agreement, 2026);
    String key = agreement.registrationNumber();
    Date due = closing(workingDays.addWorkingDays(LocalDate.of(2026, 3, 31), 7));
    assertThat(openTask(key, MonitoringProcess.TASK_SUBMIT).getDueDate()).isEqualTo(due);

    Job first = timer(pi, MonitoringProcess.TIMER_FIRST_REMINDER);
    assertThat(first.getDuedate()).isEqualTo(workingDays.workingDaysBefore(due, 5));
    fire(first);
    List<Notification> reminders = notificationsOf(agreement, NotificationKind.REMINDER);
    assertThat(reminders).singleElement().satisfies(n -> {
      assertThat(recipients(n)).containsExactly("t-province-32");
      assertThat(n.subject()).startsWith("Pengingat: Laporan kemajuan triwulan I tahun 2026 jatuh tempo");
      assertThat(n.body()).contains(agreement.title(), "Provinsi Jawa Barat");
    });

    Job last = timer(pi, MonitoringProcess.TIMER_LAST_REMINDER);
    assertThat(last.getDuedate()).isEqualTo(workingDays.workingDaysBefore(due, 1));
    fire(last);
    assertThat(notificationsOf(agreement, NotificationKind.REMINDER)).hasSize(2);

    complete("province-32", openTask(key, MonitoringProcess.TASK_SUBMIT), reportForm("Capaian triwulan I"));
    assertThat(reports.reports(agreement.id())).singleElement().satisfies(r -> {
      assertThat(r.late()).isFalse();
      assertThat(r.dueAt()).isEqualTo(due.toInstant());
    });
    assertThat(notificationsOf(agreement, NotificationKind.ESCALATION)).isEmpty();
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), MonitoringProcess.REPORT_PERIODS))
        .isEqualTo("Q1,Q2,Q3,Q4");
  }

  @Test
  void anOverdueReportIsEscalatedToTheUnitItsProvinceAndFasker() {
    userOf("regency-3273");
    userOf("province-32");
    userOf("fasker");
    Agreement agreement = signedAgreement(CooperationType.DALAM_NEGERI, "regency-3273", LocalDate.of(2026, 2, 2),
        "province-32");
    approvedPlan(agreement, 2026, ReportFrequency.SEMESTER, JAN_1, DEC_31);
    ProcessInstance pi = startMonitoring(agreement, 2026);
    String key = agreement.registrationNumber();
    Date due = openTask(key, MonitoringProcess.TASK_SUBMIT).getDueDate();

    Job first = timer(pi, MonitoringProcess.TIMER_FIRST_REMINDER);
    Job last = timer(pi, MonitoringProcess.TIMER_LAST_REMINDER);
    Job overdue = timer(pi, MonitoringProcess.TIMER_OVERDUE);
    assertThat(overdue.getDuedate()).isEqualTo(due);
    setClock(due.toInstant().plusSeconds(3600));
    // reminders that come due after the report is overdue stay silent
    processEngine.getManagementService().executeJob(first.getId());
    processEngine.getManagementService().executeJob(last.getId());
    processEngine.getManagementService().executeJob(overdue.getId());

    assertThat(notificationsOf(agreement, NotificationKind.REMINDER)).isEmpty();
    assertThat(notificationsOf(agreement, NotificationKind.ESCALATION)).singleElement().satisfies(n -> {
      assertThat(recipients(n)).containsExactly("t-regency-3273", "t-province-32", "t-fasker");
      assertThat(n.subject()).startsWith("Laporan terlambat: Laporan kemajuan semester I tahun 2026");
    });
    assertThat(agreements.events(agreement.id())).filteredOn(e -> e.outcome().equals("OVERDUE")).singleElement()
        .satisfies(e -> assertThat(e.notes()).contains("dieskalasi ke regency-3273, province-32, fasker"));
    assertThat(pi).isWaitingAt(MonitoringProcess.TASK_SUBMIT);

    complete("regency-3273", openTask(key, MonitoringProcess.TASK_SUBMIT), reportForm("Capaian terlambat"));
    assertThat(reports.reports(agreement.id())).singleElement().satisfies(r -> assertThat(r.late()).isTrue());
    assertThat(openTask(key, MonitoringProcess.TASK_VERIFY)).hasCandidateGroup("province-32");
  }

  @Test
  void theAnnualReportOf2026IsDueOn12January2027() {
    Agreement agreement = signedAgreement(CooperationType.LUAR_NEGERI, "province-32", LocalDate.of(2026, 9, 1),
        "province-32");
    // activities only in the last quarter: one report, the annual one
    approvedPlan(agreement, 2026, ReportFrequency.QUARTERLY, LocalDate.of(2026, 10, 1), DEC_31);
    ProcessInstance pi = startMonitoring(agreement, 2026);
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), MonitoringProcess.REPORT_PERIODS))
        .isEqualTo("Q4");
    Task annual = openTask(agreement.registrationNumber(), MonitoringProcess.TASK_SUBMIT);
    // 2027 has no holiday file: weekends and 1 January only; 31 Dec 2026 + 7 working days = Tue 12 Jan 2027
    assertThat(annual.getDueDate()).isEqualTo(jakarta(2027, 1, 12, 16));
    assertThat(taskVariables(annual)).containsEntry("reportTitle", "Laporan tahunan 2026 (triwulan IV)");
    assertThat(timer(pi, MonitoringProcess.TIMER_FIRST_REMINDER).getDuedate()).isEqualTo(jakarta(2027, 1, 5, 16));
    assertThat(timer(pi, MonitoringProcess.TIMER_LAST_REMINDER).getDuedate()).isEqualTo(jakarta(2027, 1, 11, 16));
    assertThat(timer(pi, MonitoringProcess.TIMER_OVERDUE).getDuedate()).isEqualTo(jakarta(2027, 1, 12, 16));
  }

  @Test
  void withoutWorkPlanOrCycleYearTheCurrentYearIsReportedPerSemester() {
    Agreement agreement = signedAgreement(CooperationType.ORMAS_ASING, "ministry-kemensos", LocalDate.of(2026, 2, 2),
        "province-53");
    ProcessInstance pi = startMonitoring(agreement, null);
    assertThat(processEngine.getRuntimeService().getVariables(pi.getId()))
        .containsEntry(ProcessVariables.CYCLE_YEAR, 2026)
        .containsEntry(MonitoringProcess.REPORT_PERIODS, "S1,S2");
    assertThat(openTask(agreement.registrationNumber(), MonitoringProcess.TASK_SUBMIT))
        .hasCandidateGroup("ministry-kemensos");
  }

  private Job timer(ProcessInstance pi, String activityId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(activityId).singleResult();
  }

  private void fire(Job job) {
    setClock(job.getDuedate().toInstant().plusSeconds(60));
    processEngine.getManagementService().executeJob(job.getId());
  }

  private static Date closing(LocalDate day) {
    return WorkingDayCalendar.closingTime(day);
  }

  private static Date jakarta(int year, int month, int day, int hour) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, BusinessClock.ZONE).toInstant());
  }
}
