package id.go.kerjasama.renewal;

import id.go.kerjasama.platform.calendar.WorkingDayCalendar;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.ProcessVariables;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Dates of the renewal and close-out diagrams: the agreement's end date (the
 * deadline of the renewal decision) and the due dates of their tasks
 * ({@code kerjasama.renewal.*}, {@code kerjasama.close-out.*}).
 */
@Component
public class RenewalSchedule {

  private final AgreementService agreements;
  private final WorkingDayCalendar workingDays;
  private final int tpoaInputDays;
  private final int expiryFollowUpDays;
  private final int finalReportDays;

  public RenewalSchedule(AgreementService agreements, WorkingDayCalendar workingDays,
                         @Value("${kerjasama.renewal.tpoa-input-working-days:15}") int tpoaInputDays,
                         @Value("${kerjasama.renewal.expiry-follow-up-working-days:5}") int expiryFollowUpDays,
                         @Value("${kerjasama.close-out.final-report-working-days:30}") int finalReportDays) {
    this.agreements = agreements;
    this.workingDays = workingDays;
    this.tpoaInputDays = tpoaInputDays;
    this.expiryFollowUpDays = expiryFollowUpDays;
    this.finalReportDays = finalReportDays;
  }

  /** The boundary timer {@code BoundaryEvent_NoDecisionByEndDate}: 00:00 WIB of the end date. */
  public Date endDate(DelegateExecution execution) {
    return Date.from(end(execution).atStartOfDay(BusinessClock.ZONE).toInstant());
  }

  /** The renewal decision is due on the last working day before the end date, or within 5 working days if that is past. */
  public Date decisionDue(DelegateExecution execution) {
    LocalDate due = workingDays.minusWorkingDays(end(execution), 1);
    return due.isAfter(BusinessClock.today()) ? WorkingDayCalendar.closingTime(due) : workingDays.dueIn(5);
  }

  public Date tpoaInputDue() {
    return workingDays.dueIn(tpoaInputDays);
  }

  public Date expiryFollowUpDue() {
    return workingDays.dueIn(expiryFollowUpDays);
  }

  public Date finalReportDue() {
    return workingDays.dueIn(finalReportDays);
  }

  private LocalDate end(DelegateExecution execution) {
    Agreement agreement = agreements.get(ProcessVariables.agreementId(execution));
    if (agreement.endDate() == null) {
      throw new IllegalStateException("Agreement " + agreement.registrationNumber() + " has no end date");
    }
    return agreement.endDate();
  }
}
