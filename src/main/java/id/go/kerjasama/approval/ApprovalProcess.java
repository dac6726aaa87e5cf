package id.go.kerjasama.approval;

import java.util.List;

/**
 * Names of the phase process {@code central-approval}
 * (processes/central-approval.bpmn) and its routing table
 * (processes/central-approval-routing.dmn): element ids, variables and
 * decision codes. The process receives the lifecycle's variables (ids and
 * routing facts) and ends with {@link #APPROVAL_OUTCOME}.
 */
public final class ApprovalProcess {

  public static final String PROCESS_KEY = "central-approval";
  public static final String DECISION_ROUTE = "Decision_ApprovalRoute";

  // the result the lifecycle maps out of the call activity
  /** APPROVED, REFUSED or LAPSED; the registry holds status and reason. */
  public static final String APPROVAL_OUTCOME = "approvalOutcome";
  public static final String APPROVED = "APPROVED";
  public static final String REFUSED = "REFUSED";
  public static final String LAPSED = "LAPSED";

  // routing facts set from Decision_ApprovalRoute
  public static final String REVIEW_TRACK = "reviewTrack";
  public static final String TRACK_TPOA = "TPOA";
  public static final String TRACK_REGIONAL = "REGIONAL";
  public static final String PROVINCE_REVIEW = "provinceReview";
  public static final String FASKER_REVIEW = "faskerReview";
  public static final String KEMLU_CONSULTATION = "kemluConsultation";
  public static final String DPRD_APPROVAL = "dprdApproval";
  public static final String TKKSD_REVIEW = "tkksdReview";
  public static final String FOREIGN_PREPARATION = "foreignPreparation";
  public static final String KESEPAKATAN_BERSAMA = "kesepakatanBersama";
  public static final String MOU_DRAFT_REVIEW = "mouDraftReview";
  /** FASKER (UserTask_DecideCentralApproval), MINISTER (UserTask_RecordMinisterApproval) or NONE (informed only). */
  public static final String CENTRAL_DECISION = "centralDecision";
  /** The Fasker division that works the central tasks besides the group fasker: fasker-kdn, fasker-kan, fasker-oila. */
  public static final String FASKER_GROUP = "faskerGroup";
  /** KSDD: the partner region's own DPRD must approve (set by the partner on UserTask_AgreeKbPartner). */
  public static final String PARTNER_BURDENS = "partnerBurdensPublicOrOutsideBudget";
  /** The decision's result while the routing task runs (local, never stored). */
  public static final String APPROVAL_ROUTE = "approvalRoute";

  // TPOA review rounds
  /** The seat code of one TPOA recommendation task (multi-instance element variable), e.g. kemhan. */
  public static final String TPOA_SEAT = "tpoaSeat";
  /** Number of the current TPOA round (1, 2 after a clarification or revision, ...). */
  public static final String TPOA_ROUND = "tpoaRound";
  /** NO_OBJECTION while no seat objected or returned in the current round, else OBJECTION or RETURNED. */
  public static final String TPOA_ROUND_OUTCOME = "tpoaRoundOutcome";

  // decision codes (the tasks' "decisions" properties)
  public static final String COMPLETE = "COMPLETE";
  public static final String RETURNED = "RETURNED";
  public static final String NO_OBJECTION = "NO_OBJECTION";
  public static final String OBJECTION = "OBJECTION";
  public static final String GRANTED = "GRANTED";
  public static final String CLARIFICATION = "CLARIFICATION";
  public static final String SUPPORTED = "SUPPORTED";
  public static final String NOT_SUPPORTED = "NOT_SUPPORTED";
  public static final String AGREED = "AGREED";
  public static final String CONFIRMED = "CONFIRMED";
  public static final String DISPUTED = "DISPUTED";
  /** The partner's answer to the offer (penawaran kerja sama). */
  public static final String ACCEPTED = "ACCEPTED";
  public static final String DECLINED = "DECLINED";

  // form fields besides decision and notes
  public static final String FIELD_VALID_UNTIL = "validUntil";
  public static final String FIELD_DPRD_LETTER_NUMBER = "dprdLetterNumber";
  public static final String FIELD_DPRD_LETTER_DATE = "dprdLetterDate";
  public static final String FIELD_OFFER_LETTER_NUMBER = "offerLetterNumber";
  public static final String FIELD_OFFER_LETTER_DATE = "offerLetterDate";

  // elements
  public static final String START_EVENT = "StartEvent_ApprovalRequested";
  public static final String TASK_DETERMINE_ROUTE = "BusinessRuleTask_DetermineRoute";
  public static final String TASK_CHECK_FILE_COMPLETE = "UserTask_CheckFileComplete";
  public static final String TASK_DISTRIBUTE_TO_TPOA = "ServiceTask_DistributeToTpoa";
  public static final String TASK_RECOMMEND_PERMIT = "UserTask_RecommendPermit";
  public static final String TASK_DECIDE_PRINCIPLE_PERMIT = "UserTask_DecidePrinciplePermit";
  public static final String TASK_SUPPLY_CLARIFICATION = "UserTask_SupplyClarification";
  public static final String TASK_REVIEW_BY_PROVINCE = "UserTask_ReviewByProvince";
  public static final String TASK_REVIEW_BY_FASKER = "UserTask_ReviewByFasker";
  public static final String TASK_CONSULT_KEMLU = "UserTask_ConsultKemlu";
  public static final String TASK_RECORD_DPRD_APPROVAL = "UserTask_RecordDprdApproval";
  public static final String TASK_DECIDE_CENTRAL_APPROVAL = "UserTask_DecideCentralApproval";
  public static final String TASK_REVISE_PROPOSAL = "UserTask_ReviseProposal";
  public static final String TASK_REVIEW_BY_TKKSD = "UserTask_ReviewByTkksd";
  public static final String TASK_RECORD_LOI = "UserTask_RecordLoi";
  public static final String TASK_DRAFT_COOPERATION_PLAN = "UserTask_DraftCooperationPlan";
  public static final String TASK_DRAFT_KB = "UserTask_DraftKb";
  public static final String TASK_AGREE_KB_PARTNER = "UserTask_AgreeKbPartner";
  public static final String TASK_RECORD_KB_SIGNING = "UserTask_RecordKbSigning";
  public static final String TASK_CONFIRM_KB_PARTNER = "UserTask_ConfirmKbPartner";
  public static final String TASK_RECORD_PARTNER_DPRD_APPROVAL = "UserTask_RecordPartnerDprdApproval";
  public static final String TASK_DRAFT_MOU = "UserTask_DraftMou";
  public static final String TASK_REVIEW_MOU_DRAFT = "UserTask_ReviewMouDraft";
  public static final String TASK_RECORD_MINISTER_APPROVAL = "UserTask_RecordMinisterApproval";
  /** KSDD/KSDPK: the offer (penawaran) and its answer, before the KB is drafted (Perda DIY 1/2023 art. 12(1)b). */
  public static final String TASK_SEND_OFFER = "UserTask_SendOffer";
  public static final String TASK_ANSWER_OFFER_PARTNER = "UserTask_AnswerOfferPartner";
  public static final String TASK_RECORD_OFFER_ANSWER = "UserTask_RecordOfferAnswer";
  /** KSDD/KSDPK: the PKS drafted after the KB and the DPRD, agreed by a partner region (art. 12(1)f). */
  public static final String TASK_DRAFT_PKS = "UserTask_DraftPks";
  public static final String TASK_AGREE_PKS_PARTNER = "UserTask_AgreePksPartner";
  public static final String TASK_INFORM_CENTRAL = "ServiceTask_InformCentral";
  public static final String TIMER_REVISION_OVERDUE = "BoundaryEvent_RevisionOverdue";
  public static final String TASK_RECORD_APPROVAL = "ServiceTask_RecordApproval";
  public static final String TASK_RECORD_REFUSAL = "ServiceTask_RecordRefusal";
  public static final String TASK_RECORD_LAPSE = "ServiceTask_RecordLapse";
  public static final String END_APPROVED = "EndEvent_ProposalApproved";
  public static final String END_REFUSED = "EndEvent_ProposalRefused";
  public static final String END_LAPSED = "EndEvent_ProposalLapsed";

  /** The review tasks whose due date is configured as kerjasama.approval.due.&lt;task&gt;. */
  /** Region with a ministry, or a ministry with a region (GR 28/2018 art. 46; A28). */
  public static final String TASK_DRAFT_NOTA_KESEPAKATAN = "UserTask_DraftNotaKesepakatan";
  public static final String TASK_AGREE_NOTA_KESEPAKATAN_PARTNER = "UserTask_AgreeNotaKesepakatanPartner";

  public static final List<String> TASKS_WITH_DEADLINE = List.of(TASK_CHECK_FILE_COMPLETE, TASK_RECOMMEND_PERMIT,
      TASK_DECIDE_PRINCIPLE_PERMIT, TASK_SUPPLY_CLARIFICATION, TASK_REVIEW_BY_PROVINCE, TASK_REVIEW_BY_FASKER,
      TASK_CONSULT_KEMLU, TASK_RECORD_DPRD_APPROVAL, TASK_DECIDE_CENTRAL_APPROVAL, TASK_REVIEW_BY_TKKSD,
      TASK_DRAFT_COOPERATION_PLAN, TASK_DRAFT_KB, TASK_AGREE_KB_PARTNER, TASK_RECORD_KB_SIGNING,
      TASK_CONFIRM_KB_PARTNER, TASK_RECORD_PARTNER_DPRD_APPROVAL, TASK_DRAFT_MOU, TASK_REVIEW_MOU_DRAFT,
      TASK_RECORD_MINISTER_APPROVAL, TASK_RECORD_LOI, TASK_SEND_OFFER, TASK_ANSWER_OFFER_PARTNER,
      TASK_RECORD_OFFER_ANSWER, TASK_DRAFT_PKS, TASK_AGREE_PKS_PARTNER, TASK_DRAFT_NOTA_KESEPAKATAN,
      TASK_AGREE_NOTA_KESEPAKATAN_PARTNER);

  private ApprovalProcess() {
  }
}
