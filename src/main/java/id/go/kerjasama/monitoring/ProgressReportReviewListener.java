package id.go.kerjasama.monitoring;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import static id.go.kerjasama.monitoring.MonitoringProcess.*;

import id.go.kerjasama.platform.engine.TaskEndListener;
import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.forms.FormLimits;
import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.ProcessVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * End listener of the province's verification (of a regency's report:
 * VERIFIED or RETURNED, with the province's consolidation notes) and of
 * Fasker's review (ACCEPTED or FOLLOW_UP): records the review with the report
 * version, updates its status and sets the routing variable
 * {@code reportOutcome}; a return or a follow-up request starts the
 * resubmission's deadline ({@code reportReturnedOn}). Codes and required notes
 * are checked before it runs (the engine plugin's first end listener).
 */
@Component
@FormerlyNamed("progressReportReview")
class ProgressReportReviewListener extends TaskEndListener {

  private final ProgressReportService reports;
  private final IdentityService identityService;
  private final FormLimits formLimits;

  public ProgressReportReviewListener(ProgressReportService reports, @Lazy IdentityService identityService, FormLimits formLimits) {
    this.formLimits = formLimits;
    this.reports = reports;
    this.identityService = identityService;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    boolean province = TASK_VERIFY.equals(execution.getCurrentActivityId());
    String decision = TaskOutcome.decision(execution);
    String notes = TaskOutcome.notes(execution);
    boolean sendBack = RETURNED.equals(decision) || FOLLOW_UP.equals(decision);
    long reportId = ((Number) execution.getVariable(REPORT_ID)).longValue();
    if (province) {
      FormValues form = formLimits.values(execution);
      String consolidation = form.optionalText(FIELD_CONSOLIDATION_NOTES, "Catatan konsolidasi provinsi");
      form.throwIfInvalid();
      if (consolidation != null) {
        reports.recordProvinceNotes(reportId, consolidation);
      }
      execution.removeVariable(FIELD_CONSOLIDATION_NOTES);
    }
    reports.review(reportId, province ? "PROVINCE" : "FASKER",
        province ? String.valueOf(execution.getVariable(ProcessVariables.PROVINCE_GROUP)) : Groups.FASKER,
        CurrentUser.id(identityService), ReportStatus.valueOf(decision), notes);
    execution.setVariable(REPORT_OUTCOME, decision);
    if (sendBack) {
      execution.setVariable(REPORT_RETURNED_ON, BusinessClock.today().toString());
    }
  }
}
