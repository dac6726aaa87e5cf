package id.go.kerjasama.signing;

/** Names of the signing phase {@code agreement-signing} (processes/agreement-signing.bpmn). */
public final class SigningProcess {

  public static final String PROCESS_KEY = "agreement-signing";

  // elements
  public static final String START_EVENT = "StartEvent_SigningStarted";
  public static final String GATEWAY_DOCUMENT_TO_SIGN = "Gateway_DocumentToSign";
  public static final String TASK_DRAFT_MSP = "UserTask_DraftMsp";
  public static final String TASK_REVIEW_MSP_DRAFT = "UserTask_ReviewMspDraft";
  public static final String GATEWAY_MSP_DRAFT_APPROVED = "Gateway_MspDraftApproved";
  public static final String TASK_RECORD_MSP = "UserTask_RecordMspSigning";
  public static final String TASK_RECORD_LOI = "UserTask_RecordLoiSigning";
  public static final String TASK_RAISE_LOI_TO_MOU = "UserTask_RaiseLoiToMou";
  public static final String TASK_RECORD_MOU = "UserTask_RecordMouSigning";
  public static final String TASK_RECORD_NK = "UserTask_RecordNkSigning";
  public static final String TASK_RECORD_PKS = "UserTask_RecordPksSigning";
  public static final String END_SIGNED = "EndEvent_AgreementSigned";

  // signing form fields (forms/agreement-signing/record-*-signing.form)
  public static final String FIELD_DOCUMENT_NUMBER = "documentNumber";
  public static final String FIELD_SIGNATORIES = "signatories";
  public static final String FIELD_SIGNED_ON = "signedOn";
  public static final String FIELD_START_DATE = "startDate";
  public static final String FIELD_END_DATE = "endDate";
  static final String[] SIGNING_FIELDS = {FIELD_DOCUMENT_NUMBER, FIELD_SIGNATORIES, FIELD_SIGNED_ON,
      FIELD_START_DATE, FIELD_END_DATE};

  /** The legal bureau's decisions on the MSP draft. */
  public static final String DRAFT_APPROVED = "APPROVED";
  public static final String DRAFT_RETURNED = "RETURNED";

  private SigningProcess() {
  }
}
