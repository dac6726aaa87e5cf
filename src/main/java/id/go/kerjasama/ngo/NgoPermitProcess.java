package id.go.kerjasama.ngo;

/** Names of processes/ngo-permit.bpmn and processes/ngo-sanction.bpmn. */
final class NgoPermitProcess {

  static final String PROCESS_KEY = "ngo-permit";
  static final String SANCTION_PROCESS_KEY = "ngo-sanction";
  static final String OPERATIONAL_PROCESS_KEY = "ngo-operational-permit";

  /** Set by the application only (NgoVariables). */
  static final String NGO_ID = "ngoId";
  static final String NGO_GROUP = "ngoGroup";
  static final String PERMIT_REQUEST = "permitRequest";
  static final String SANCTION_ID = "sanctionId";
  static final String SANCTION_KIND = "sanctionKind";
  static final String TPOA_ROUND = "tpoaRound";
  static final String TPOA_ROUND_OUTCOME = "tpoaRoundOutcome";
  static final String TPOA_SEAT = "tpoaSeat";
  static final String PERMIT_ID = "permitId";
  static final String AGREEMENT_ID = "agreementId";
  static final String ISSUER_GROUP = "issuerGroup";

  /** Start form fields. */
  static final String FIELD_NGO = "ngo";
  static final String FIELD_REQUEST = "request";
  static final String FIELD_VALID_UNTIL = "validUntil";
  static final String FIELD_KIND = "kind";
  static final String FIELD_REASON = "reason";
  static final String FIELD_SUSPENDED_UNTIL = "suspendedUntil";

  static final String NEW = "NEW";
  static final String RENEWAL = "RENEWAL";
  static final String NO_OBJECTION = "NO_OBJECTION";
  static final String GRANTED = "GRANTED";

  static final String TASK_CHECK_FILE = "UserTask_CheckNgoFile";
  static final String TASK_REVISE_FILE = "UserTask_ReviseNgoFile";
  static final String TASK_RECOMMEND = "UserTask_RecommendNgoPermit";
  static final String TASK_DECIDE = "UserTask_DecideNgoPermit";
  static final String TASK_DECIDE_OPERATIONAL = "UserTask_DecideOperationalPermit";
  static final String TASK_RESPOND_SANCTION = "UserTask_RespondToSanction";
  static final String TASK_CONCLUDE_SANCTION = "UserTask_ConcludeSanction";

  private NgoPermitProcess() {
  }
}
