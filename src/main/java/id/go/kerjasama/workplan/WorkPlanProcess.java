package id.go.kerjasama.workplan;

/**
 * Names of {@code processes/annual-work-plan.bpmn}: element ids, variables
 * and the draft form's fields.
 */
public final class WorkPlanProcess {

  public static final String PROCESS_KEY = "annual-work-plan";

  // variables (the budget year the plan is for: registry.ProcessVariables.CYCLE_YEAR,
  // given by the lifecycle, else the current year)
  /** The registry id of the plan version under review (Long). */
  public static final String WORK_PLAN_ID = "workPlanId";
  /** Where the current version stands: SUBMITTED, RETURNED or APPROVED (routing). */
  public static final String WORK_PLAN_OUTCOME = "workPlanOutcome";
  /** The group of the location province reviewing (multi-instance element variable). */
  public static final String REVIEW_PROVINCE = "reviewProvince";
  /**
   * The group of the foreign NGO that drafts the RKT, per location region (set by the start listener from the
   * agreement when {@code kerjasama.workplan.ngo-drafts-rkt}; absent otherwise). Same name as the NGO processes'.
   */
  public static final String NGO_GROUP = "ngoGroup";
  /** The location region of a regional RKT (multi-instance element variable of SubProcess_RegionalRkt). */
  public static final String RKT_REGION = "rktRegion";
  /** The co-signer of one UserTask_ReviewRegionalRkt: the region or a regency/city the RKT names (A39). */
  public static final String RKT_SIGNATORY = "rktSignatory";

  // display-only variables while the draft task is open (removed on completion)
  static final String RETURN_NOTES = "returnNotes";
  static final String REGENCY_OPTIONS = "regencyOptions";
  static final String MSP_REFERENCE = "mspReference";
  static final String RKT_REGION_NAME = "rktRegionName";

  // outcomes
  public static final String SUBMITTED = "SUBMITTED";
  public static final String APPROVED = "APPROVED";
  public static final String RETURNED = "RETURNED";
  /** A location region rejected its RKT (the NGO redrafts it). */
  public static final String REJECTED = "REJECTED";

  // draft form fields (forms/annual-work-plan/draft-work-plan.form)
  public static final String FIELD_OBJECTIVES = "objectives";
  public static final String FIELD_TARGETS = "targets";
  public static final String FIELD_ACTIVITIES = "activities";
  public static final String FIELD_LOCATION_REGENCIES = "locationRegencies";
  public static final String FIELD_BUDGET_AMOUNT = "budgetAmount";
  public static final String FIELD_BUDGET_CURRENCY = "budgetCurrency";
  public static final String FIELD_PLAN_START = "planStart";
  public static final String FIELD_PLAN_END = "planEnd";
  public static final String FIELD_SCHEDULE = "schedule";
  public static final String FIELD_LOCAL_PARTNERS = "localPartners";
  public static final String FIELD_FOREIGN_STAFF = "foreignStaff";
  public static final String FIELD_REPORT_FREQUENCY = "reportFrequency";
  public static final String FIELD_MASTER_PLAN_REFERENCE = "masterPlanReference";

  static final String[] FORM_FIELDS = {FIELD_OBJECTIVES, FIELD_TARGETS, FIELD_ACTIVITIES, FIELD_LOCATION_REGENCIES,
      FIELD_BUDGET_AMOUNT, FIELD_BUDGET_CURRENCY, FIELD_PLAN_START, FIELD_PLAN_END, FIELD_SCHEDULE,
      FIELD_LOCAL_PARTNERS, FIELD_FOREIGN_STAFF, FIELD_REPORT_FREQUENCY, FIELD_MASTER_PLAN_REFERENCE,
      RETURN_NOTES, REGENCY_OPTIONS, MSP_REFERENCE, RKT_REGION_NAME};

  // elements
  public static final String START_EVENT = "StartEvent_WorkPlanDue";
  public static final String TASK_DRAFT = "UserTask_DraftWorkPlan";
  public static final String TASK_REVIEW_PROVINCE = "UserTask_ReviewWorkPlanProvince";
  public static final String TASK_REVIEW_PARTNER_MINISTRY = "UserTask_ReviewWorkPlanPartnerMinistry";
  public static final String TASK_VERIFY = "UserTask_VerifyWorkPlan";
  public static final String GATEWAY_RKT_BY_NGO = "Gateway_RktByNgo";
  public static final String SUBPROCESS_REGIONAL_RKT = "SubProcess_RegionalRkt";
  public static final String TASK_DRAFT_REGIONAL = "UserTask_DraftRegionalRkt";
  public static final String TASK_REVIEW_REGIONAL = "UserTask_ReviewRegionalRkt";
  public static final String GATEWAY_REJECTED_BY_REGION = "Gateway_RejectedByRegion";
  public static final String END_REGIONAL_AGREED = "EndEvent_RegionalRktAgreed";
  public static final String GATEWAY_RETURNED_BY_PROVINCE = "Gateway_ReturnedByProvince";
  public static final String GATEWAY_HAS_PARTNER_MINISTRY = "Gateway_HasPartnerMinistry";
  public static final String GATEWAY_RETURNED_BY_PARTNER_MINISTRY = "Gateway_ReturnedByPartnerMinistry";
  public static final String GATEWAY_APPROVED = "Gateway_WorkPlanApproved";
  public static final String END_APPROVED = "EndEvent_WorkPlanApproved";

  private WorkPlanProcess() {
  }
}
