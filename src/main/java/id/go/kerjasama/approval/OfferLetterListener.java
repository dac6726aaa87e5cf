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
 * and its date, which cannot lie in the future. Both are stored in the
 * registry ({@code offer_letter}, shown under {@code details.centralApproval})
 * and stay process variables: the partner's answer task shows which letter it answers.
 * A bad value keeps the task open with a message in Bahasa Indonesia.
 */
@Component
class OfferLetterListener extends ValidatingTaskEndListener {

  private final ApprovalRecords records;
  private final Actor actor;

  OfferLetterListener(FormLimits formLimits, ApprovalRecords records, Actor actor) {
    super(formLimits);
    this.records = records;
    this.actor = actor;
  }

  @Override
  protected void completed(DelegateExecution execution, FormValues form) {
    String number = form.text(FIELD_OFFER_LETTER_NUMBER, "Nomor surat penawaran");
    // not in the form: a date relative to today
    LocalDate date = form.date(FIELD_OFFER_LETTER_DATE, "Tanggal surat penawaran");
    if (date != null && date.isAfter(BusinessClock.today())) {
      form.problem("Tanggal surat penawaran tidak boleh di masa depan");
    }
    form.throwIfInvalid();
    records.recordOfferLetter(Actor.agreementId(execution), number, date, actor.userId());
  }
}
