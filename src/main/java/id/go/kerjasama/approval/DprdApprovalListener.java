package id.go.kerjasama.approval;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import id.go.kerjasama.platform.forms.FieldRule;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.Phase;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
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
 * End listener of UserTask_RecordDprdApproval (and the partner region's
 * UserTask_RecordPartnerDprdApproval): checks the DPRD letter's number and
 * date and stores the DPRD's decision in the registry. For a KSDD or KSDPK
 * it also requires the seven items the region's request
 * to the DPRD explains (Perda DIY 1/2023 art. 12(4): purpose, object, rights
 * and obligations, APBD contribution, benefit, term, burden on the public;
 * the form shows them only for those types) and puts them in the agreement's
 * timeline. A bad value keeps the task open with a message in Bahasa Indonesia.
 */
@Component
@FormerlyNamed("dprdApprovalRecord")
class DprdApprovalListener extends ValidatingTaskEndListener {

  /** The seven items of the request letter's explanation of the cooperation plan (art. 12(4) a-g). */
  static final String PURPOSE = "dprdPlanPurpose";
  static final String OBJECT = "dprdPlanObject";
  static final String RIGHTS_OBLIGATIONS = "dprdPlanRightsObligations";
  static final String APBD_CONTRIBUTION = "dprdPlanApbdContribution";
  static final String BENEFIT = "dprdPlanBenefit";
  static final String TERM_MONTHS = "dprdPlanTermMonths";
  static final String PUBLIC_BURDEN = "dprdPlanPublicBurden";
  static final List<String> PLAN_ITEMS = List.of(PURPOSE, OBJECT, RIGHTS_OBLIGATIONS, APBD_CONTRIBUTION, BENEFIT,
      TERM_MONTHS, PUBLIC_BURDEN);
  /** The timeline entry holding the seven items. */
  static final String EVENT_ACTIVITY = "DprdRequest_PlanExplanation";

  private final ApprovalRecords records;
  private final Actor actor;
  private final AgreementService agreementService;

  public DprdApprovalListener(ApprovalRecords records, Actor actor, FormLimits formLimits,
                              AgreementService agreementService) {
    super(formLimits);
    this.records = records;
    this.actor = actor;
    this.agreementService = agreementService;
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
    DprdApproval.Plan plan = regionalDomestic(execution) ? plan(form) : null;
    form.throwIfInvalid();
    // the partner region's own DPRD (KSDD) on UserTask_RecordPartnerDprdApproval
    String region = ApprovalProcess.TASK_RECORD_PARTNER_DPRD_APPROVAL.equals(execution.getCurrentActivityId())
        ? (String) execution.getVariable(ProcessVariables.PARTNER_REGION_GROUP)
        : ProcessVariables.proposerGroup(execution);
    records.recordDprdApproval(Actor.agreementId(execution), region, code, number, date,
        TaskOutcome.notes(execution), actor.userId(), plan);
    if (plan != null) {
      agreementService.recordEvent(Actor.agreementId(execution), actor.userId(), Phase.CENTRAL_APPROVAL,
          EVENT_ACTIVITY, "Penjelasan rencana kerja sama dalam permohonan kepada DPRD", "RECORDED",
          planExplanation(plan));
    }
    execution.removeVariable(FIELD_DPRD_LETTER_NUMBER);
    execution.removeVariable(FIELD_DPRD_LETTER_DATE);
    PLAN_ITEMS.forEach(execution::removeVariable);
  }

  private static boolean regionalDomestic(DelegateExecution execution) {
    Object type = execution.getVariable(ProcessVariables.COOPERATION_TYPE);
    try {
      CooperationType t = type == null ? null : CooperationType.valueOf(type.toString());
      return t != null && t.regionalDomestic();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The seven items, required (the form hides them for the other types); null after a problem. */
  static DprdApproval.Plan plan(FormValues form) {
    String purpose = form.text(PURPOSE, "Tujuan kerja sama");
    String object = form.text(OBJECT, "Objek kerja sama");
    String rights = form.text(RIGHTS_OBLIGATIONS, "Hak dan kewajiban para pihak");
    BigDecimal contribution = number(form, APBD_CONTRIBUTION, "Besarnya kontribusi APBD");
    String benefit = form.text(BENEFIT, "Keuntungan yang diperoleh");
    BigDecimal months = number(form, TERM_MONTHS, "Jangka waktu (bulan)");
    String burden = form.text(PUBLIC_BURDEN, "Besarnya pembebanan kepada masyarakat dan jenisnya");
    if (!form.problems().isEmpty()) {
      return null;
    }
    return new DprdApproval.Plan(purpose, object, rights, contribution, benefit, months.toBigInteger().intValue(), burden);
  }

  /** The seven items as the timeline shows them. */
  static String planExplanation(DprdApproval.Plan plan) {
    return "a. Tujuan: " + plan.purpose() + "\nb. Objek: " + plan.object() + "\nc. Hak dan kewajiban: "
        + plan.rightsObligations() + "\nd. Kontribusi APBD: " + rupiah(plan.apbdContribution()) + "\ne. Keuntungan: "
        + plan.benefit() + "\nf. Jangka waktu: " + plan.termMonths() + " bulan\ng. Pembebanan kepada masyarakat: "
        + plan.publicBurden();
  }

  private static BigDecimal number(FormValues form, String key, String label) {
    form.form().field(key);
    Object v = form.value(key);
    if (!form.passed(key)) {
      return null;
    }
    if (v == null || v.toString().isBlank()) {
      form.problem(label + " wajib diisi");
      return null;
    }
    BigDecimal n = FieldRule.number(v);
    if (n == null) {
      form.problem(label + " harus berupa angka");
    }
    return n;
  }

  /** Rp 1.500.000.000: the amount as Indonesians write it. */
  static String rupiah(BigDecimal amount) {
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("id-ID")));
    return "Rp " + format.format(amount);
  }
}
