package id.go.kerjasama.lifecycle;

/**
 * Names of the main process {@code cooperation-lifecycle}: element ids,
 * variables (ids and routing facts only) and the start form's fields.
 */
public final class LifecycleProcess {

  public static final String PROCESS_KEY = "cooperation-lifecycle";

  // variables every phase receives
  public static final String AGREEMENT_ID = "agreementId";
  /** The agreement's registration number (also the business key), shown in forms. */
  public static final String REGISTRATION_NUMBER = "registrationNumber";
  public static final String COOPERATION_TYPE = "cooperationType";
  /** Group of the proposing unit (ministry, province or regency/city). */
  public static final String PROPOSER_GROUP = "proposerGroup";
  /** Group of the proposer's province; null for a ministry. */
  public static final String PROVINCE_GROUP = "provinceGroup";
  /** Group of the partner ministry (Mitra Utama); set for foreign-NGO cooperation. */
  public static final String PARTNER_MINISTRY_GROUP = "partnerMinistryGroup";
  /** Level of the proposer: MINISTRY, PROVINCE or REGENCY. */
  public static final String PROPOSER_LEVEL = "proposerLevel";
  /**
   * Boolean: the (domestic) cooperation burdens the public/region or is not in
   * the current budget, so it needs DPRD approval (Home Affairs Reg. 22/2020).
   * Also the start form's field of that name.
   */
  public static final String BURDENS_PUBLIC_OR_OUTSIDE_BUDGET = "burdensPublicOrOutsideBudget";

  // outcomes the phases return
  public static final String APPROVAL_OUTCOME = "approvalOutcome";
  public static final String RENEWAL_OUTCOME = "renewalOutcome";

  // start form fields (forms/cooperation-lifecycle/register-proposal.form)
  public static final String FIELD_TYPE = "cooperationType";
  public static final String FIELD_TITLE = "title";
  public static final String FIELD_PARTNER_NAME = "partnerName";
  public static final String FIELD_PARTNER_COUNTRY = "partnerCountry";
  public static final String FIELD_PROPOSER_UNIT = "proposerUnit";
  public static final String FIELD_LOCATION_PROVINCES = "locationProvinces";
  public static final String FIELD_SECTORS = "sectors";
  public static final String FIELD_PROPOSED_START = "proposedStart";
  public static final String FIELD_DURATION_MONTHS = "durationMonths";
  public static final String FIELD_BURDENS_PUBLIC_OR_OUTSIDE_BUDGET = BURDENS_PUBLIC_OR_OUTSIDE_BUDGET;

  static final String[] FORM_FIELDS = {FIELD_TITLE, FIELD_PARTNER_NAME, FIELD_PARTNER_COUNTRY,
      FIELD_PROPOSER_UNIT, FIELD_LOCATION_PROVINCES, FIELD_SECTORS, FIELD_PROPOSED_START, FIELD_DURATION_MONTHS,
      FIELD_BURDENS_PUBLIC_OR_OUTSIDE_BUDGET};

  // elements
  public static final String START_EVENT = "StartEvent_ProposalSubmitted";
  public static final String TASK_REGISTER = "ServiceTask_RegisterProposal";
  public static final String CALL_CENTRAL_APPROVAL = "CallActivity_CentralApproval";
  public static final String CALL_SIGNING = "CallActivity_AgreementSigning";
  public static final String CALL_WORK_PLAN = "CallActivity_AnnualWorkPlan";
  public static final String CALL_MONITORING = "CallActivity_Monitoring";
  public static final String CALL_EVALUATION = "CallActivity_Evaluation";
  public static final String CALL_RENEWAL = "CallActivity_Renewal";
  public static final String END_CLOSED = "EndEvent_AgreementClosed";
  public static final String END_NOT_APPROVED = "EndEvent_ProposalNotApproved";

  private LifecycleProcess() {
  }
}
