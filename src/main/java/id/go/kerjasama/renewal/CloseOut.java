package id.go.kerjasama.renewal;

import id.go.kerjasama.platform.forms.FormLimits;
import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.ProcessVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The close-out diagram's beans: whether documents were signed (only then is
 * a final report asked for), the final report (via {@link FinalReportListener}), and the
 * archiving of the documents in the registry. The registry keeps everything
 * after the lifecycle ends.
 */
@Component
public class CloseOut {

  private final AgreementService agreements;
  private final CloseOutRepository repository;
  private final IdentityService identityService;
  private final FormLimits formLimits;

  public CloseOut(AgreementService agreements, CloseOutRepository repository, @Lazy IdentityService identityService, FormLimits formLimits) {
    this.formLimits = formLimits;
    this.agreements = agreements;
    this.repository = repository;
    this.identityService = identityService;
  }

  /** {@code Gateway_DocumentsSigned}: an agreement terminated before signing has nothing to report. */
  public boolean signed(DelegateExecution execution) {
    return agreement(execution).signedOn() != null;
  }

  void recordFinalReport(DelegateExecution execution) {
    FormValues form = formLimits.values(execution);
    String report = form.text(CloseOutProcess.FIELD_FINAL_REPORT, "Laporan akhir"); // lengths: the form's
    form.throwIfInvalid();
    repository.saveFinalReport(agreement(execution).id(), report, CurrentUser.id(identityService),
        BusinessClock.now());
    execution.removeVariable(CloseOutProcess.FIELD_FINAL_REPORT);
  }

  /** {@code ServiceTask_ArchiveDocuments}: marks the agreement's documents archived. Idempotent. */
  public void archive(DelegateExecution execution) {
    Agreement agreement = agreement(execution);
    String note = agreement.documentNumber() == null
        ? "Tidak ada dokumen yang ditandatangani; berkas usulan diarsipkan"
        : "Dokumen " + agreement.documentKind() + " " + agreement.documentNumber() + " (masa berlaku ke-"
            + agreement.term() + ") dan laporan diarsipkan";
    repository.markArchived(agreement.id(), note, BusinessClock.now());
    agreements.recordEvent(agreement.id(), null, Phase.CLOSE_OUT, CloseOutProcess.TASK_ARCHIVE,
        "Arsipkan dokumen kerja sama", "ARCHIVED", note);
  }

  private Agreement agreement(DelegateExecution execution) {
    return agreements.get(ProcessVariables.agreementId(execution));
  }
}
