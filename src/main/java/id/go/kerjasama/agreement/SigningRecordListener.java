package id.go.kerjasama.agreement;

import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.time.BusinessClock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Checks and stores the signed document's details (number, signatories,
 * dates) in the registry when the signing task completes, and takes them out
 * of the process variables. A bad value keeps the task open with a clear
 * message. Attached to the signing task as its end listener.
 */
@Component("signingRecord")
public class SigningRecordListener implements ExecutionListener {

  static final String[] FIELDS = {"documentNumber", "signatories", "signedOn", "startDate", "endDate"};
  /** Perjanjian Kerja Sama: at most 5 years. */
  static final int MAX_MONTHS = 60;
  /** An MSP may not outlast the principle permit (at most 3 years). */
  static final int MAX_MONTHS_ORMAS_ASING = 36;

  private final AgreementService agreementService;

  public SigningRecordListener(AgreementService agreementService) {
    this.agreementService = agreementService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    long id = ((Number) execution.getVariable(LifecycleProcess.AGREEMENT_ID)).longValue();
    Agreement agreement = agreementService.get(id);
    FormValues form = new FormValues(execution.getVariables());
    String number = form.text("documentNumber", "Nomor dokumen", 3, 100);
    String signatories = form.text("signatories", "Para penanda tangan", 3, 500);
    LocalDate signedOn = form.date("signedOn", "Tanggal penandatanganan");
    LocalDate start = form.date("startDate", "Tanggal mulai berlaku");
    LocalDate end = form.date("endDate", "Tanggal berakhir");
    if (signedOn != null && signedOn.isAfter(BusinessClock.today())) {
      form.problem("Tanggal penandatanganan tidak boleh di masa depan");
    }
    if (start != null && end != null) {
      if (!end.isAfter(start)) {
        form.problem("Tanggal berakhir harus sesudah tanggal mulai berlaku");
      } else {
        int max = agreement.type() == CooperationType.ORMAS_ASING ? MAX_MONTHS_ORMAS_ASING : MAX_MONTHS;
        if (end.isAfter(start.plusMonths(max))) {
          form.problem("Jangka waktu paling lama " + max + " bulan; tanggal berakhir paling lambat "
              + start.plusMonths(max) + " (sekarang " + ChronoUnit.MONTHS.between(start, end) + " bulan lebih)");
        }
      }
    }
    form.throwIfInvalid();
    agreementService.recordSigning(id, documentKind(agreement.type()), number, signatories, signedOn, start, end);
    for (String field : FIELDS) {
      execution.removeVariable(field);
    }
  }

  static String documentKind(CooperationType type) {
    return switch (type) {
      case ORMAS_ASING -> "MSP";
      case LUAR_NEGERI -> "MOU";
      case DALAM_NEGERI -> "PKS";
    };
  }
}
