package id.go.kerjasama.approval;

import static id.go.kerjasama.approval.ApprovalProcess.FIELD_DPRD_LETTER_DATE;
import static id.go.kerjasama.approval.ApprovalProcess.FIELD_DPRD_LETTER_NUMBER;

import id.go.kerjasama.platform.engine.TaskEndListener;
import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.ProcessVariables;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End listener of UserTask_RecordDprdApproval: checks the DPRD letter's
 * number and date and stores the DPRD's decision in the registry. A bad value
 * keeps the task open with a message in Bahasa Indonesia.
 */
@Component("dprdApprovalRecord")
class DprdApprovalListener extends TaskEndListener {

  /** The same pattern as the form: letters, digits, spaces and . / - ( ), starting with a letter or digit. */
  static final Pattern LETTER_NUMBER = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9./()\\- ]*$");

  private final ApprovalRecords records;
  private final Actor actor;

  public DprdApprovalListener(ApprovalRecords records, Actor actor) {
    this.records = records;
    this.actor = actor;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    String code = TaskOutcome.decision(execution);
    FormValues form = new FormValues(execution.getVariables());
    String number = form.text(FIELD_DPRD_LETTER_NUMBER, "Nomor surat DPRD", 3, 100);
    if (number != null && !LETTER_NUMBER.matcher(number).matches()) {
      form.problem("Nomor surat DPRD hanya boleh berisi huruf, angka, spasi dan tanda . / - ( )");
    }
    LocalDate date = form.date(FIELD_DPRD_LETTER_DATE, "Tanggal surat DPRD");
    if (date != null && date.isAfter(BusinessClock.today())) {
      form.problem("Tanggal surat DPRD tidak boleh di masa depan");
    }
    form.throwIfInvalid();
    // the partner region's own DPRD (KSDD) on UserTask_RecordPartnerDprdApproval
    String region = ApprovalProcess.TASK_RECORD_PARTNER_DPRD_APPROVAL.equals(execution.getCurrentActivityId())
        ? (String) execution.getVariable(ProcessVariables.PARTNER_REGION_GROUP)
        : ProcessVariables.proposerGroup(execution);
    records.recordDprdApproval(Actor.agreementId(execution), region, code, number, date,
        TaskOutcome.notes(execution), actor.userId());
    execution.removeVariable(FIELD_DPRD_LETTER_NUMBER);
    execution.removeVariable(FIELD_DPRD_LETTER_DATE);
  }
}
