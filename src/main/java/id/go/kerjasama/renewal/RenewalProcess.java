package id.go.kerjasama.renewal;

/** Names of the process {@code renewal} (processes/renewal.bpmn). */
final class RenewalProcess {

  public static final String PROCESS_KEY = "renewal";

  // variables
  /** EXTEND, END or EXPIRED: the process's result, mapped out to the lifecycle. */
  public static final String RENEWAL_OUTCOME = "renewalOutcome";
  /** Text (markdown) of the latest evaluations, shown in the renewal forms. */
  public static final String RENEWAL_BRIEF = "renewalBrief";
  /** Text of TPOA's input, shown in the partner ministry's form. */
  public static final String TPOA_INPUT = "tpoaInput";
  /** SUPPORT or OBJECT: TPOA's input on a foreign-NGO renewal. */
  public static final String TPOA_RECOMMENDATION = "tpoaRecommendation";

  // decision codes
  public static final String EXTEND = "EXTEND";
  public static final String END = "END";
  public static final String EXPIRED = "EXPIRED";
  public static final String TPOA_SUPPORT = "SUPPORT";
  public static final String TPOA_OBJECT = "OBJECT";
  /** The partner region's answer to a KSDD renewal the proposing region decided to extend. */
  public static final String PARTNER_AGREE = "AGREE";
  public static final String PARTNER_DECLINE = "DECLINE";

  // elements
  public static final String SUBPROCESS_DECISION = "SubProcess_RenewalDecision";
  public static final String TASK_PREPARE_BRIEF = "ServiceTask_PrepareRenewalBrief";
  public static final String TASK_GIVE_TPOA_INPUT = "UserTask_GiveTpoaInput";
  public static final String TASK_DECIDE = "UserTask_DecideRenewal";
  /** A region's cooperation: the proposing region decides (A26). */
  public static final String TASK_DECIDE_REGION = "UserTask_DecideRenewalRegion";
  /** A KSDD the proposing region extends: the partner region agrees (A27). */
  public static final String TASK_AGREE_PARTNER = "UserTask_AgreeRenewalPartner";
  public static final String TIMER_NO_DECISION = "BoundaryEvent_NoDecisionByEndDate";
  public static final String TASK_MARK_EXPIRED = "ServiceTask_MarkExpired";
  public static final String TASK_FOLLOW_UP_EXPIRY = "UserTask_FollowUpExpiry";
  public static final String END_DECIDED = "EndEvent_RenewalDecided";
  public static final String END_EXPIRED = "EndEvent_AgreementExpired";

  private RenewalProcess() {
  }
}
