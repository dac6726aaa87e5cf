package id.go.kerjasama.renewal;

/** Names of the process {@code close-out} (processes/close-out.bpmn). */
final class CloseOutProcess {

  public static final String PROCESS_KEY = "close-out";

  public static final String FIELD_FINAL_REPORT = "finalReport";

  public static final String GATEWAY_SIGNED = "Gateway_DocumentsSigned";
  public static final String TASK_SUBMIT_FINAL_REPORT = "UserTask_SubmitFinalReport";
  public static final String TASK_ARCHIVE = "ServiceTask_ArchiveDocuments";
  public static final String END_COMPLETED = "EndEvent_CloseOutCompleted";

  private CloseOutProcess() {
  }
}
