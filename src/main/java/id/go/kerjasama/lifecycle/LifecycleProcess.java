package id.go.kerjasama.lifecycle;

import id.go.kerjasama.registry.ProcessVariables;

/**
 * Names of the main process {@code cooperation-lifecycle}: element ids,
 * variables (ids and routing facts only) and the start form's fields.
 */
public final class LifecycleProcess {

  public static final String PROCESS_KEY = "cooperation-lifecycle";

  // the variables every phase receives (agreementId, registrationNumber, the routing facts, term,
  // cycleYear, evaluationKind) are named in registry.ProcessVariables

  // outcomes the phases return
  /** APPROVED, REFUSED or LAPSED: set by central-approval. */
  public static final String APPROVAL_OUTCOME = "approvalOutcome";
  /** EXTEND, END or EXPIRED (no decision by the end date): set by renewal. */
  public static final String RENEWAL_OUTCOME = "renewalOutcome";
  /** APPROVED, REFUSED or LAPSED: the repeated approval route of a region's extension. */
  public static final String EXTENSION_APPROVAL_OUTCOME = "extensionApprovalOutcome";
  public static final String RENEWAL_EXTEND = "EXTEND";
  public static final String RENEWAL_END = "END";
  public static final String RENEWAL_EXPIRED = "EXPIRED";

  // the implementation cycles and the terms (docs/processes.md "Lifecycle")
  /** The phase the yearly cycle is in (WORK_PLAN, MONITORING, EVALUATION); null when no cycle runs. */
  public static final String CYCLE_PHASE = "cyclePhase";
  /** Boolean: renewal (or the extension's signing) runs beside the cycle and is the phase the registry shows. */
  public static final String RENEWAL_RUNNING = "renewalRunning";
  /** How the agreement ended, when it was terminated: status TERMINATED and the reason. */
  public static final String CLOSING_STATUS = "closingStatus";
  public static final String CLOSING_REASON = "closingReason";
  /** Optional text that a termination message carries (REST: processVariables). */
  public static final String TERMINATION_REASON = "terminationReason";

  // messages that interrupt the running cooperation (correlated by business key)
  public static final String MESSAGE_PERMIT_REVOKED = "Message_PermitRevoked";
  public static final String MESSAGE_EARLY_TERMINATION = "Message_EarlyTermination";
  // the operational permit decision a foreign NGO's cooperation waits for after its MSP signing (module ngo sends)
  public static final String MESSAGE_OPERATIONAL_PERMIT_GRANTED = "Message_OperationalPermitGranted";
  public static final String MESSAGE_OPERATIONAL_PERMIT_REFUSED = "Message_OperationalPermitRefused";
  public static final String GATEWAY_OPERATIONAL_PERMIT_DECISION = "Gateway_OperationalPermitDecision";

  // start form fields (forms/cooperation-lifecycle/register-proposal.form)
  public static final String FIELD_TYPE = ProcessVariables.COOPERATION_TYPE;
  public static final String FIELD_TITLE = "title";
  public static final String FIELD_PARTNER_NAME = "partnerName";
  public static final String FIELD_PARTNER_COUNTRY = "partnerCountry";
  public static final String FIELD_PROPOSER_UNIT = "proposerUnit";
  public static final String FIELD_LOCATION_PROVINCES = "locationProvinces";
  public static final String FIELD_SECTORS = "sectors";
  public static final String FIELD_PROPOSED_START = "proposedStart";
  public static final String FIELD_DURATION_MONTHS = "durationMonths";
  public static final String FIELD_BURDENS_PUBLIC_OR_OUTSIDE_BUDGET = ProcessVariables.BURDENS_PUBLIC_OR_OUTSIDE_BUDGET;
  /** The proposal's estimated budget in Rupiah (optional; limits in the form's validate block). */
  public static final String FIELD_ESTIMATED_BUDGET = "estimatedBudget";
  /** Foreign-NGO cooperation: the group of the registered NGO that is a party (optional). */
  public static final String FIELD_NGO = "ngo";

  /** KSDD: the partner region's group (province-.. or regency-..). */
  public static final String FIELD_PARTNER_REGION = "partnerRegion";
  /** DALAM_NEGERI only: the ministry a region agrees a Nota Kesepakatan with, or the region a ministry does (A28). */
  public static final String FIELD_NOTA_KESEPAKATAN_PARTNER = "notaKesepakatanPartner";
  /** Regional types: WAJIB or SUKARELA. */
  public static final String FIELD_COOPERATION_NATURE = "cooperationNature";
  /** Regional types: the government affair (urusan pemerintahan) the cooperation serves. */
  public static final String FIELD_GOVERNMENT_AFFAIR = "governmentAffair";

  static final String[] FORM_FIELDS = {FIELD_TITLE, FIELD_PARTNER_NAME, FIELD_PARTNER_COUNTRY,
      FIELD_PROPOSER_UNIT, FIELD_LOCATION_PROVINCES, FIELD_SECTORS, FIELD_PROPOSED_START, FIELD_DURATION_MONTHS,
      FIELD_BURDENS_PUBLIC_OR_OUTSIDE_BUDGET, FIELD_NGO, FIELD_PARTNER_REGION, FIELD_COOPERATION_NATURE,
      FIELD_GOVERNMENT_AFFAIR, FIELD_NOTA_KESEPAKATAN_PARTNER, FIELD_ESTIMATED_BUDGET};

  // elements
  public static final String START_EVENT = "StartEvent_ProposalSubmitted";
  public static final String TASK_REGISTER = "ServiceTask_RegisterProposal";
  public static final String CALL_CENTRAL_APPROVAL = "CallActivity_CentralApproval";
  public static final String CALL_SIGNING = "CallActivity_AgreementSigning";
  public static final String CALL_EXTENSION_APPROVAL = "CallActivity_ExtensionApproval";
  public static final String CALL_WORK_PLAN = "CallActivity_AnnualWorkPlan";
  public static final String CALL_MONITORING = "CallActivity_Monitoring";
  public static final String CALL_EVALUATION = "CallActivity_Evaluation";
  public static final String CALL_RENEWAL = "CallActivity_Renewal";
  public static final String CALL_EXTENSION_SIGNING = "CallActivity_ExtensionSigning";
  public static final String CALL_CLOSE_OUT = "CallActivity_CloseOut";
  public static final String SUBPROCESS_COOPERATION = "SubProcess_Cooperation";
  public static final String SUBPROCESS_TERM = "SubProcess_Term";
  public static final String SUBPROCESS_BUDGET_YEAR = "SubProcess_BudgetYear";
  public static final String TASK_START_TERM = "ServiceTask_StartTerm";
  public static final String TASK_START_NEXT_TERM = "ServiceTask_StartNextTerm";
  public static final String TASK_RECORD_PERMIT_REVOCATION = "ServiceTask_RecordPermitRevocation";
  public static final String TASK_RECORD_EARLY_TERMINATION = "ServiceTask_RecordEarlyTermination";
  public static final String TASK_CLOSE = "ServiceTask_CloseAgreement";
  public static final String TIMER_RENEWAL_DUE = "TimerEvent_RenewalDue";
  public static final String TIMER_AGREEMENT_ENDS = "TimerEvent_AgreementEnds";
  public static final String BOUNDARY_PERMIT_REVOKED = "BoundaryEvent_PermitRevoked";
  public static final String BOUNDARY_EARLY_TERMINATION = "BoundaryEvent_EarlyTermination";
  public static final String END_TERM_EXTENDED = "EndEvent_TermExtended";
  public static final String END_TERM_ENDED = "EndEvent_TermEnded";
  public static final String END_TERM_EXPIRED = "EndEvent_TermExpired";
  public static final String END_CLOSED = "EndEvent_AgreementClosed";
  public static final String END_NOT_APPROVED = "EndEvent_ProposalNotApproved";

  private LifecycleProcess() {
  }
}
