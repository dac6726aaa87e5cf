package id.go.kerjasama.approval;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import static id.go.kerjasama.approval.ApprovalProcess.FIELD_DPRD_LETTER_DATE;
import static id.go.kerjasama.approval.ApprovalProcess.FIELD_DPRD_LETTER_NUMBER;

import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.forms.FormLimits;
import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.forms.ValidatingTaskEndListener;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.ProcessVariables;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End listener of UserTask_RecordDprdApproval: checks the DPRD letter's
 * number and date and stores the DPRD's decision in the registry. A bad value
 * keeps the task open with a message in Bahasa Indonesia.
 */
@Component
@FormerlyNamed("dprdApprovalRecord")
class DprdApprovalListener extends ValidatingTaskEndListener {

  private final ApprovalRecords records;
  private final Actor actor;

  public DprdApprovalListener(ApprovalRecords records, Actor actor, FormLimits formLimits) {
    super(formLimits);
    this.records = records;
    this.actor = actor;
  }

  @Override
  protected void completed(DelegateExecution execution, FormValues form) {
    String code = TaskOutcome.decision(execution);
    // lengths and pattern: the form's validate block
    String number = form.text(FIELD_DPRD_LETTER_NUMBER, "Nomor surat DPRD");
    // not in the form: a date relative to today
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
