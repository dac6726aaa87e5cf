package id.go.kerjasama.approval;

import static id.go.kerjasama.approval.ApprovalProcess.FIELD_OFFER_LETTER_DATE;
import static id.go.kerjasama.approval.ApprovalProcess.FIELD_OFFER_LETTER_NUMBER;

import id.go.kerjasama.platform.forms.FormLimits;
import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.forms.ValidatingTaskEndListener;
import id.go.kerjasama.platform.time.BusinessClock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End listener of UserTask_SendOffer (penawaran kerja sama, Perda DIY 1/2023
 * art. 12(1)b): the offer letter's number (lengths and pattern from the form)
 * and its date, which cannot lie in the future. The number and date stay
 * process variables: the partner's answer task shows which letter it answers.
 * A bad value keeps the task open with a message in Bahasa Indonesia.
 */
@Component
class OfferLetterListener extends ValidatingTaskEndListener {

  OfferLetterListener(FormLimits formLimits) {
    super(formLimits);
  }

  @Override
  protected void completed(DelegateExecution execution, FormValues form) {
    form.text(FIELD_OFFER_LETTER_NUMBER, "Nomor surat penawaran");
    // not in the form: a date relative to today
    LocalDate date = form.date(FIELD_OFFER_LETTER_DATE, "Tanggal surat penawaran");
    if (date != null && date.isAfter(BusinessClock.today())) {
      form.problem("Tanggal surat penawaran tidak boleh di masa depan");
    }
    form.throwIfInvalid();
  }
}
