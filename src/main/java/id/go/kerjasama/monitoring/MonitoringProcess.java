package id.go.kerjasama.monitoring;

/**
 * Names of {@code processes/monitoring.bpmn}: element ids, variables and form fields.
 */
public final class MonitoringProcess {

  public static final String PROCESS_KEY = "monitoring";

  // variables (the budget year reported on: registry.ProcessVariables.CYCLE_YEAR,
  // given by the lifecycle, else the current year)
  /** The periods of the year to report on, e.g. "S1,S2" or "Q1,Q2,Q3,Q4"; the last one is the annual report. */
  public static final String REPORT_PERIODS = "reportPeriods";
  /** The period of the current report (multi-instance element variable), e.g. "S1". */
  public static final String REPORT_PERIOD = "reportPeriod";
  /** The registry id of the latest version of the current period's report (Long). */
  public static final String REPORT_ID = "reportId";
  /** Where the current report stands: SUBMITTED, VERIFIED, RETURNED, FOLLOW_UP, ACCEPTED (routing). */
  public static final String REPORT_OUTCOME = "reportOutcome";
  /** The day (ISO) the report was last sent back; the resubmission is due from there. */
  public static final String REPORT_RETURNED_ON = "reportReturnedOn";
  /** Display: "Laporan semester I tahun 2026". */
  public static final String REPORT_TITLE = "reportTitle";
  /**
   * The group that files the reports: the foreign NGO named by the agreement
   * ({@code kerjasama.monitoring.ngo-reports}), else the proposer (set by the start listener).
   */
  public static final String REPORTING_GROUP = "reportingGroup";

  // display-only variables of the submit form (removed on completion)
  static final String REPORT_DUE_LABEL = "reportDueLabel";
  static final String REVIEW_NOTES = "reviewNotes";
  /** Display: true when this report must carry a financial report (a foreign NGO's annual report). */
  static final String FINANCIAL_REPORT_REQUIRED = "financialReportRequired";

  // decisions
  public static final String SUBMITTED = "SUBMITTED";
  public static final String VERIFIED = "VERIFIED";
  public static final String RETURNED = "RETURNED";
  public static final String ACCEPTED = "ACCEPTED";
  public static final String FOLLOW_UP = "FOLLOW_UP";

  // submit form fields (forms/monitoring/submit-progress-report.form)
  public static final String FIELD_ACHIEVEMENTS = "achievements";
  public static final String FIELD_OBSTACLES = "obstacles";
  public static final String FIELD_CHALLENGES = "challenges";
  public static final String FIELD_BENEFITS = "benefits";
  public static final String FIELD_BUDGET_REALISED = "budgetRealised";
  public static final String FIELD_BUDGET_CURRENCY = "budgetCurrency";
  /** A foreign NGO's financial report with its annual report (docs/regulations.md A17). */
  public static final String FIELD_FINANCIAL_REPORT = "financialReport";
  /** Verification form of the province: its consolidation notes. */
  public static final String FIELD_CONSOLIDATION_NOTES = "consolidationNotes";

  static final String[] SUBMIT_FIELDS = {FIELD_ACHIEVEMENTS, FIELD_OBSTACLES, FIELD_CHALLENGES, FIELD_BENEFITS,
      FIELD_BUDGET_REALISED, FIELD_BUDGET_CURRENCY, FIELD_FINANCIAL_REPORT, REPORT_DUE_LABEL, REVIEW_NOTES,
      FINANCIAL_REPORT_REQUIRED};

  // elements
  public static final String START_EVENT = "StartEvent_MonitoringStarted";
  public static final String SUBPROCESS_PERIOD = "SubProcess_ReportPeriod";
  public static final String TASK_SUBMIT = "UserTask_SubmitProgressReport";
  public static final String TASK_VERIFY = "UserTask_VerifyProgressReport";
  public static final String TASK_REVIEW = "UserTask_ReviewProgressReport";
  public static final String TIMER_FIRST_REMINDER = "BoundaryEvent_FirstReminder";
  public static final String TIMER_LAST_REMINDER = "BoundaryEvent_LastReminder";
  public static final String TIMER_OVERDUE = "BoundaryEvent_ReportOverdue";
  public static final String TASK_SEND_FIRST_REMINDER = "ServiceTask_SendFirstReminder";
  public static final String TASK_SEND_LAST_REMINDER = "ServiceTask_SendLastReminder";
  public static final String TASK_ESCALATE = "ServiceTask_EscalateOverdueReport";
  public static final String END_PERIOD_REPORTED = "EndEvent_PeriodReported";
  public static final String END_COMPLETED = "EndEvent_MonitoringCompleted";

  private MonitoringProcess() {
  }
}
