package id.go.kerjasama.monitoring;

import static id.go.kerjasama.monitoring.MonitoringProcess.*;
import static id.go.kerjasama.registry.ProcessVariables.CYCLE_YEAR;

import id.go.kerjasama.platform.calendar.WorkingDayCalendar;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.ProcessVariables;
import id.go.kerjasama.workplan.ReportFrequency;
import id.go.kerjasama.workplan.WorkPlan;
import id.go.kerjasama.workplan.WorkPlanService;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The reporting calendar of a budget year, called from {@code monitoring.bpmn}:
 * which periods are reported ({@code start}, {@code periods}), and when each
 * report is due, reminded and escalated ({@code dueDate}, {@code reminderDate}).
 *
 * <p>Periods: those of the frequency set in the year's approved work plan
 * (quarterly or per semester) that overlap the plan's activity dates; the last
 * one is the annual report, due {@code kerjasama.monitoring.annual-report-working-days}
 * (default 7) working days after 31 December: a 2019 coordination meeting's
 * recommendation, not an article found so far (docs/regulations.md).
 * Other periods are due {@code kerjasama.monitoring.periodic-report-working-days}
 * after the period ends. A report sent back is due again
 * {@code follow-up-working-days} after it was sent back, never before its original date.
 */
@Component
public class ReportSchedule {

  private final WorkingDayCalendar workingDays;
  private final WorkPlanService workPlans;
  private final MonitoringProperties properties;
  private final AgreementService agreements;

  public ReportSchedule(WorkingDayCalendar workingDays, WorkPlanService workPlans, MonitoringProperties properties,
                        AgreementService agreements) {
    this.workingDays = workingDays;
    this.workPlans = workPlans;
    this.properties = properties;
    this.agreements = agreements;
  }

  /** Process start listener: the budget year (default: the current year) and its reporting periods. */
  public void start(DelegateExecution execution) {
    int year = cycleYear(execution);
    execution.setVariable(CYCLE_YEAR, year);
    long agreementId = ProcessVariables.agreementId(execution);
    String ngo = agreements.get(agreementId).ngoGroup();
    execution.setVariable(REPORTING_GROUP, ngo != null && properties.ngoReports() ? ngo
        : ProcessVariables.proposerGroup(execution));
    execution.setVariable(REPORT_PERIODS, periodsOf(workPlans.approved(agreementId, year), year).stream()
        .map(Enum::name).collect(Collectors.joining(",")));
  }

  List<ReportingPeriod> periodsOf(Optional<WorkPlan> plan, int year) {
    ReportFrequency frequency = plan.map(p -> p.content().reportFrequency())
        .orElse(properties.defaultReportFrequency());
    List<ReportingPeriod> all = ReportingPeriod.of(frequency);
    if (plan.isEmpty()) {
      return all;
    }
    LocalDate from = plan.get().content().startDate();
    LocalDate to = plan.get().content().endDate();
    List<ReportingPeriod> overlapping = all.stream()
        .filter(p -> !p.end(year).isBefore(from) && !p.start(year).isAfter(to))
        .toList();
    return overlapping.isEmpty() ? List.of(all.get(all.size() - 1)) : overlapping;
  }

  /** The multi-instance collection: the period codes, in order. */
  public List<String> periods(DelegateExecution execution) {
    return Arrays.stream(String.valueOf(execution.getVariable(REPORT_PERIODS)).split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** Start listener of each period's sub-process: its own report id, outcome and title. */
  public void startPeriod(DelegateExecution execution) {
    execution.setVariableLocal(REPORT_ID, null);
    execution.setVariableLocal(REPORT_OUTCOME, null);
    execution.setVariableLocal(REPORT_RETURNED_ON, null);
    execution.setVariableLocal(REPORT_TITLE, title(execution));
  }

  /** "Laporan tahunan 2026 (semester II)" or "Laporan kemajuan triwulan I tahun 2026". */
  public String title(VariableScope scope) {
    ReportingPeriod period = period(scope);
    int year = cycleYear(scope);
    return isAnnual(scope)
        ? "Laporan tahunan " + year + " (" + period.label() + ")"
        : "Laporan kemajuan " + period.label() + " tahun " + year;
  }

  /** The due date of the current report (the submit task's {@code camunda:dueDate}; the overdue timer). */
  public Date dueDate(VariableScope scope) {
    Date original = originalDueDate(scope);
    Object returnedOn = scope.getVariable(REPORT_RETURNED_ON);
    if (returnedOn == null) {
      return original;
    }
    Date again = WorkingDayCalendar.closingTime(
        workingDays.addWorkingDays(LocalDate.parse(returnedOn.toString()), properties.followUpWorkingDays()));
    return again.after(original) ? again : original;
  }

  /** The period's own due date, before any return. */
  public Date originalDueDate(VariableScope scope) {
    int year = cycleYear(scope);
    if (isAnnual(scope)) {
      return workingDays.afterBudgetYear(year, properties.annualReportWorkingDays());
    }
    return WorkingDayCalendar.closingTime(
        workingDays.addWorkingDays(period(scope).end(year), properties.periodicReportWorkingDays()));
  }

  /** Reminder timers: {@code which} 1 = the first reminder, 2 = the last one. */
  public Date reminderDate(VariableScope scope, int which) {
    int days = which == 1 ? properties.firstReminderWorkingDays() : properties.lastReminderWorkingDays();
    return workingDays.workingDaysBefore(dueDate(scope), days);
  }

  /** Due date of the province's verification and of Fasker's review. */
  public Date reviewDue() {
    return workingDays.dueIn(properties.reviewWorkingDays());
  }

  public boolean isAnnual(VariableScope scope) {
    List<String> periods = Arrays.asList(String.valueOf(scope.getVariable(REPORT_PERIODS)).split(","));
    return period(scope).name().equals(periods.get(periods.size() - 1).trim());
  }

  public ReportingPeriod period(VariableScope scope) {
    return ReportingPeriod.valueOf(String.valueOf(scope.getVariable(REPORT_PERIOD)));
  }

  /** The submit task's candidate group ({@code ${reportSchedule.implementer(execution)}}): who files the reports. */
  public String implementer(VariableScope scope) {
    return reportingGroup(scope);
  }

  /** Who files the reports (an instance started before the variable existed: the proposer). */
  public static String reportingGroup(VariableScope scope) {
    Object group = scope.getVariable(REPORTING_GROUP);
    return group != null ? group.toString() : ProcessVariables.proposerGroup(scope);
  }

  /** A foreign NGO's annual report carries a financial report ({@code ngo-financial-report-required}). */
  public boolean financialReportRequired(VariableScope scope) {
    return properties.ngoFinancialReportRequired() && isAnnual(scope)
        && !reportingGroup(scope).equals(ProcessVariables.proposerGroup(scope));
  }

  static int cycleYear(VariableScope scope) {
    Object year = scope.getVariable(CYCLE_YEAR);
    return year instanceof Number n ? n.intValue() : BusinessClock.today().getYear();
  }
}
