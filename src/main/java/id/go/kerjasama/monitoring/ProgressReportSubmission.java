package id.go.kerjasama.monitoring;

import static id.go.kerjasama.monitoring.MonitoringProcess.*;

import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.forms.FormLimits;
import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.forms.ValidatingTaskEndListener;
import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.platform.notification.MailTexts;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.ProcessVariables;
import id.go.kerjasama.workplan.Money;
import id.go.kerjasama.workplan.WorkPlanService;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The submit task of a report. As start listener
 * ({@code ${progressReportSubmission.prefill(execution)}}) it fills the form
 * with the version sent back (or the plan's currency) and shows the due date
 * and the reviewers' notes; as end listener ({@code ${progressReportSubmission}})
 * it checks the report, stores it as a new version with its due date and
 * whether it came late, mails a foreign NGO's report to the parties that
 * follow it (ReportNotices, A40), and takes the form's values out of the variables.
 */
@Component
public class ProgressReportSubmission extends ValidatingTaskEndListener {

  private final ProgressReportService reports;
  private final WorkPlanService workPlans;
  private final ReportSchedule schedule;
  private final IdentityService identityService;
  private final ReportNotices notices;

  public ProgressReportSubmission(ProgressReportService reports, WorkPlanService workPlans, ReportSchedule schedule,
                                  @Lazy IdentityService identityService, FormLimits formLimits, ReportNotices notices) {
    super(formLimits);
    this.notices = notices;
    this.reports = reports;
    this.workPlans = workPlans;
    this.schedule = schedule;
    this.identityService = identityService;
  }

  public void prefill(DelegateExecution execution) {
    Map<String, Object> values = new HashMap<>();
    Object reportId = execution.getVariable(REPORT_ID);
    if (reportId instanceof Number id) {
      reports.get(id.longValue()).ifPresent(r -> {
        values.put(FIELD_ACHIEVEMENTS, r.content().achievements());
        values.put(FIELD_OBSTACLES, r.content().obstacles());
        values.put(FIELD_CHALLENGES, r.content().challenges());
        values.put(FIELD_BENEFITS, r.content().benefits());
        values.put(FIELD_BUDGET_REALISED, r.content().budgetRealised().doubleValue());
        values.put(FIELD_BUDGET_CURRENCY, r.content().budgetCurrency());
        values.put(FIELD_FINANCIAL_REPORT, r.content().financialReport());
        values.put(REVIEW_NOTES, reports.reviews(r.id()).stream()
            .filter(v -> v.notes() != null)
            .map(v -> v.reviewerGroup() + ": " + v.notes())
            .collect(Collectors.joining("\n")));
      });
    }
    if (!values.containsKey(FIELD_BUDGET_CURRENCY)) {
      long agreementId = agreementId(execution);
      values.put(FIELD_BUDGET_CURRENCY, workPlans.approved(agreementId, ReportSchedule.cycleYear(execution))
          .map(p -> p.content().budgetCurrency()).orElse("IDR"));
    }
    values.put(REPORT_DUE_LABEL, MailTexts.dateTime(schedule.dueDate(execution)));
    values.put(FINANCIAL_REPORT_REQUIRED, schedule.financialReportRequired(execution));
    values.forEach((k, v) -> {
      if (v != null) {
        execution.setVariableLocal(k, v);
      }
    });
  }

  @Override
  protected void completed(DelegateExecution execution, FormValues form) {
    Map<String, Object> values = execution.getVariables();
    String achievements = form.text(FIELD_ACHIEVEMENTS, "Capaian");
    String obstacles = form.text(FIELD_OBSTACLES, "Hambatan");
    String challenges = form.text(FIELD_CHALLENGES, "Tantangan");
    String benefits = form.text(FIELD_BENEFITS, "Manfaat");
    BigDecimal realised = Money.amount(form, FIELD_BUDGET_REALISED, "Realisasi anggaran");
    String currency = Money.currency(form, FIELD_BUDGET_CURRENCY, "Mata uang");
    String notes = form.optionalText(TaskOutcome.NOTES, "Catatan");
    String financialReport = null;
    if (schedule.financialReportRequired(execution)) {
      // a foreign NGO publishes the sources, amounts and uses of its funds (UU 17/2013 art. 51(e))
      financialReport = form.text(FIELD_FINANCIAL_REPORT, "Laporan keuangan (sumber, jumlah dan penggunaan dana)");
    }
    form.throwIfInvalid();

    ProgressReport report = reports.submit(agreementId(execution), ReportSchedule.cycleYear(execution),
        schedule.period(execution), schedule.isAnnual(execution),
        ReportSchedule.reportingGroup(execution),
        new ReportContent(achievements, obstacles, challenges, benefits, realised, currency, notes, financialReport),
        schedule.dueDate(execution).toInstant(), CurrentUser.id(identityService),
        execution.getProcessInstanceId(), BusinessClock.now());
    execution.setVariable(REPORT_ID, report.id());
    execution.setVariable(REPORT_OUTCOME, SUBMITTED);
    // a foreign NGO's report reaches the Mitra Utama, Kemlu/TPOA and the location regions (A40)
    notices.filed(execution, report);
    for (String field : SUBMIT_FIELDS) {
      execution.removeVariable(field);
    }
  }

  static long agreementId(DelegateExecution execution) {
    return ProcessVariables.agreementId(execution);
  }
}
