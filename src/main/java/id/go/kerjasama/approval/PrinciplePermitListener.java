package id.go.kerjasama.approval;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import static id.go.kerjasama.approval.ApprovalProcess.FIELD_VALID_UNTIL;
import static id.go.kerjasama.approval.ApprovalProcess.GRANTED;

import id.go.kerjasama.ngo.NgoPermits;
import id.go.kerjasama.platform.engine.TaskEndListener;
import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.forms.IndonesianFormat;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.AgreementService;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End listener of UserTask_DecidePrinciplePermit: checks the permit's
 * validity (required when granted, after the decision day, at most 3 years
 * from it: GR 59/2016) and stores the decision in the registry; a granted
 * permit of an agreement naming its NGO becomes the NGO's permit. A bad value
 * keeps the task open with a message in Bahasa Indonesia.
 */
@Component
@FormerlyNamed("principlePermitRecord")
class PrinciplePermitListener extends TaskEndListener {

  /** A principle permit is valid at most 3 years (Law 17/2013, GR 59/2016). */
  static final int MAX_VALIDITY_YEARS = 3;
  static final String LABEL_VALID_UNTIL = "Izin prinsip berlaku sampai";

  private final ApprovalRecords records;
  private final Actor actor;
  private final AgreementService agreements;
  private final NgoPermits ngoPermits;

  public PrinciplePermitListener(ApprovalRecords records, Actor actor, AgreementService agreements,
                                 NgoPermits ngoPermits) {
    this.records = records;
    this.actor = actor;
    this.agreements = agreements;
    this.ngoPermits = ngoPermits;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    String code = TaskOutcome.decision(execution);
    LocalDate today = BusinessClock.today();
    LocalDate validUntil = null;
    if (GRANTED.equals(code)) {
      FormValues form = new FormValues(execution.getVariables());
      validUntil = form.date(FIELD_VALID_UNTIL, LABEL_VALID_UNTIL);
      if (validUntil != null) {
        LocalDate latest = latestValidUntil(today);
        if (!validUntil.isAfter(today)) {
          form.problem(LABEL_VALID_UNTIL + " harus sesudah tanggal keputusan (" + IndonesianFormat.date(today) + ")");
        } else if (validUntil.isAfter(latest)) {
          form.problem("Izin prinsip berlaku paling lama " + MAX_VALIDITY_YEARS
              + " tahun sejak tanggal keputusan: paling lambat " + IndonesianFormat.date(latest) + ", bukan "
              + IndonesianFormat.date(validUntil));
        }
      }
      form.throwIfInvalid();
    }
    long agreementId = Actor.agreementId(execution);
    records.recordPrinciplePermit(agreementId, code, today, validUntil, TaskOutcome.notes(execution), actor.userId());
    String ngoGroup = agreements.get(agreementId).ngoGroup();
    if (GRANTED.equals(code) && ngoGroup != null) {
      // the permit belongs to the NGO: its later cooperations reuse it (docs/processes.md "NGO route")
      ngoPermits.grantPrinciplePermit(ngoGroup, agreementId, today, validUntil, actor.userId(),
          TaskOutcome.notes(execution));
    }
    execution.removeVariable(FIELD_VALID_UNTIL);
  }

  static LocalDate latestValidUntil(LocalDate decidedOn) {
    return decidedOn.plusYears(MAX_VALIDITY_YEARS);
  }
}
