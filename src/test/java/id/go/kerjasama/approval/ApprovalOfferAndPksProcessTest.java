package id.go.kerjasama.approval;

import static id.go.kerjasama.approval.ApprovalProcess.TASK_AGREE_KB_PARTNER;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_AGREE_PKS_PARTNER;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_ANSWER_OFFER_PARTNER;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_CONFIRM_KB_PARTNER;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_DRAFT_KB;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_DRAFT_PKS;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_RECORD_KB_SIGNING;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_RECORD_OFFER_ANSWER;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_REVIEW_BY_PROVINCE;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_REVIEW_BY_TKKSD;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_SEND_OFFER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.documents.DocumentService;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.DocumentKind;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.Status;
import id.go.kerjasama.signing.SigningTestData;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The offer (penawaran kerja sama) and the PKS drafting of a region's
 * domestic cooperation (Perda DIY 1/2023 art. 12(1) b and f, restating
 * GR 28/2018 / Home Affairs Reg. 22/2020): the offer letter, the partner
 * region's own answer or the third party's answer recorded by the proposer,
 * a declined offer (assumption A22, both settings), the PKS draft a
 * partner region agrees or returns, and the TKKSD's own group (A25). Province 19 (Kepulauan Bangka Belitung)
 * and its regencies, titles "Regional Empat"; clock fixed at Monday
 * 2 February 2026.
 */
@ProcessTest
class ApprovalOfferAndPksProcessTest extends ApprovalTestSupport {

  @Autowired
  DocumentService documents;
  @Autowired
  ApprovalRouting routing;

  ProcessInstance propose(String type, String proposer, String partnerRegion, String... locations) {
    return propose(type, proposer, partnerRegion, false, locations);
  }

  ProcessInstance propose(String type, String proposer, String partnerRegion, boolean burdens, String... locations) {
    Map<String, Object> form = proposal(type, proposer, locations);
    form.put(LifecycleProcess.FIELD_TITLE, "RG4 Kerja sama Regional Empat " + type);
    form.put(LifecycleProcess.FIELD_BURDENS_PUBLIC_OR_OUTSIDE_BUDGET, burdens);
    form.put(LifecycleProcess.FIELD_COOPERATION_NATURE, "SUKARELA");
    form.put(LifecycleProcess.FIELD_GOVERNMENT_AFFAIR, "Pariwisata");
    if (partnerRegion != null) {
      form.put(LifecycleProcess.FIELD_PARTNER_REGION, partnerRegion);
      form.remove(LifecycleProcess.FIELD_PARTNER_NAME);
      form.remove(LifecycleProcess.FIELD_PARTNER_COUNTRY);
    } else {
      form.put(LifecycleProcess.FIELD_PARTNER_NAME, "PT Wisata Regional Empat");
      form.put(LifecycleProcess.FIELD_PARTNER_COUNTRY, "Indonesia");
    }
    return submit(proposer, form);
  }

  void upload(ProcessInstance pi, DocumentKind kind, String group) {
    documents.upload(agreementId(pi), kind, kind.name().toLowerCase() + ".pdf",
        SigningTestData.pdf(pi.getBusinessKey() + kind), "t-" + group);
  }

  void tkksdApproves(ProcessInstance pi, String group) {
    Map<String, Object> approve = decision("APPROVED", null);
    approve.put("conditionsChecked", ApprovalWalk.CHECKLIST_OF_TASK.get(TASK_REVIEW_BY_TKKSD));
    decide(pi, TASK_REVIEW_BY_TKKSD, "tkksd-" + group, approve);
  }

  Map<String, Object> offerLetter(String number, LocalDate date) {
    return values(ApprovalProcess.FIELD_OFFER_LETTER_NUMBER, number,
        ApprovalProcess.FIELD_OFFER_LETTER_DATE, date.toString(), "notes", "Objek: promosi wisata bahari bersama");
  }

  @Test
  void theTkksdReviewGoesToTheRegionsOwnTkksdGroupNotToEveryOfficerOfTheRegion() {
    ProcessInstance pi = propose("KSDPK", "regency-1971", null, "19");
    Task review = openTask(pi.getBusinessKey(), TASK_REVIEW_BY_TKKSD);
    assertThat(walk().candidateGroups(review)).containsExactly("tkksd-regency-1971");
    assertThat(processEngine.getIdentityService().createGroupQuery().groupId("tkksd-regency-1971").singleResult()
        .getName()).isEqualTo("TKKSD Kota Pangkal Pinang");
    // an officer of the region who is not in its TKKSD cannot work the review
    assertThatThrownBy(() -> complete("regency-1971", review, decision("REFUSED", "Bukan anggota TKKSD")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThat(openTaskKeys(pi)).containsExactly(TASK_REVIEW_BY_TKKSD);
    // with kerjasama.approval.tkksd-own-group=false the region's group reviews, as before
    assertThat(new TkksdReviewers(false).groupOf("regency-1971")).isEqualTo("regency-1971");
    assertThat(new TkksdReviewers(true).groupOf("province-19")).isEqualTo("tkksd-province-19");
  }

  @Test
  void theDprdTaskRequiresTheSevenItemsOfTheRequestLetterAndPutsThemInTheTimeline() {
    ProcessInstance pi = propose("KSDPK", "province-19", null, true, "19");
    tkksdApproves(pi, "province-19");
    upload(pi, DocumentKind.OFFER_LETTER, "province-19");
    decide(pi, TASK_SEND_OFFER, "province-19", ApprovalWalk.approving(TASK_SEND_OFFER));
    decide(pi, TASK_RECORD_OFFER_ANSWER, "province-19", "ACCEPTED", null);
    upload(pi, DocumentKind.KB_DRAFT, "province-19");
    decide(pi, TASK_DRAFT_KB, "province-19", decision(null, null));
    upload(pi, DocumentKind.KB, "province-19");
    decide(pi, TASK_RECORD_KB_SIGNING, "province-19", ApprovalWalk.approving(TASK_RECORD_KB_SIGNING));

    Task dprd = task(pi, ApprovalProcess.TASK_RECORD_DPRD_APPROVAL, "province-19");
    Map<String, Object> letterOnly = values("decision", "APPROVED", "dprdLetterNumber", "170/19/DPRD/2026",
        "dprdLetterDate", today().toString());
    assertThatThrownBy(() -> complete("province-19", dprd, letterOnly))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Tujuan kerja sama wajib diisi")
        .hasMessageContaining("Besarnya kontribusi APBD wajib diisi")
        .hasMessageContaining("Jangka waktu (bulan) wajib diisi")
        .hasMessageContaining("Besarnya pembebanan kepada masyarakat dan jenisnya wajib diisi");
    Map<String, Object> negative = new java.util.HashMap<>(letterOnly);
    negative.putAll(ApprovalWalk.dprdPlanExplanation());
    negative.put("dprdPlanApbdContribution", -1L);
    assertThatThrownBy(() -> complete("province-19", task(pi, ApprovalProcess.TASK_RECORD_DPRD_APPROVAL,
        "province-19"), negative)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("d. Besarnya kontribusi APBD (Rp)");
    assertThat(openTaskKeys(pi)).containsExactly(ApprovalProcess.TASK_RECORD_DPRD_APPROVAL);

    Map<String, Object> complete = new java.util.HashMap<>(letterOnly);
    complete.putAll(ApprovalWalk.dprdPlanExplanation());
    complete("province-19", task(pi, ApprovalProcess.TASK_RECORD_DPRD_APPROVAL, "province-19"), complete);
    assertThat(timeline(pi)).filteredOn(e -> DprdApprovalListener.EVENT_ACTIVITY.equals(e.activity()))
        .extracting(AgreementEvent::actor, AgreementEvent::notes)
        .containsExactly(tuple("t-province-19", "a. Tujuan: Meningkatkan pelayanan publik bersama\n"
            + "b. Objek: Pengelolaan layanan bersama\n"
            + "c. Hak dan kewajiban: Daerah menyediakan lahan, mitra mengelola layanan\n"
            + "d. Kontribusi APBD: Rp 1.500.000.000\ne. Keuntungan: Jasa layanan bagi warga\n"
            + "f. Jangka waktu: 24 bulan\ng. Pembebanan kepada masyarakat: Tidak ada"));
    assertThat(processEngine.getRuntimeService().getVariables(approvalInstanceId(pi)))
        .doesNotContainKeys(DprdApprovalListener.PLAN_ITEMS.toArray(String[]::new));
    assertThat(openTaskKeys(pi)).containsExactly(TASK_DRAFT_PKS);
  }

  @Test
  void theOfferNeedsItsLetterUploadedAndDatedNoLaterThanTodayAndThePartnerRegionAnswersItInItsOwnTask() {
    ProcessInstance pi = propose("KSDD", "regency-1901", "regency-1902", "19");
    tkksdApproves(pi, "regency-1901");
    decide(pi, TASK_REVIEW_BY_PROVINCE, "province-19", "APPROVED", null);

    Task offer = task(pi, TASK_SEND_OFFER, "regency-1901");
    // 10 working days from Monday 2 February 2026 (16 and 17 February are Imlek holidays)
    assertThat(offer.getDueDate()).isEqualTo(closing(LocalDate.of(2026, 2, 18)));
    // no letter uploaded yet
    assertThatThrownBy(() -> complete("regency-1901", offer, offerLetter("130/19/PEM/2026", today())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Dokumen Surat penawaran kerja sama belum diunggah");
    upload(pi, DocumentKind.OFFER_LETTER, "regency-1901");
    // a letter dated tomorrow, a number that is no letter number
    assertThatThrownBy(() -> complete("regency-1901", task(pi, TASK_SEND_OFFER, "regency-1901"),
        offerLetter("130/19/PEM/2026", today().plusDays(1))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Tanggal surat penawaran tidak boleh di masa depan");
    assertThatThrownBy(() -> complete("regency-1901", task(pi, TASK_SEND_OFFER, "regency-1901"),
        offerLetter("<script>", today())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Nomor surat penawaran");
    assertThat(openTaskKeys(pi)).containsExactly(TASK_SEND_OFFER);
    complete("regency-1901", task(pi, TASK_SEND_OFFER, "regency-1901"), offerLetter("130/19/PEM/2026", today()));

    // the partner region answers; it sees which letter it answers
    Task answer = task(pi, TASK_ANSWER_OFFER_PARTNER, "tkksd-regency-1902");
    assertThat(processEngine.getTaskService().getVariable(answer.getId(), ApprovalProcess.FIELD_OFFER_LETTER_NUMBER))
        .isEqualTo("130/19/PEM/2026");
    // declining needs a reason
    assertThatThrownBy(() -> complete("tkksd-regency-1902", answer, decision("DECLINED", null)))
        .isInstanceOf(InvalidInputException.class);
    decide(pi, TASK_ANSWER_OFFER_PARTNER, "tkksd-regency-1902", "ACCEPTED", "Bupati Belitung menerima penawaran");
    assertThat(openTaskKeys(pi)).containsExactly(TASK_DRAFT_KB);
    assertThat(timeline(pi)).filteredOn(e -> e.phase() == Phase.CENTRAL_APPROVAL)
        .extracting(AgreementEvent::activity, AgreementEvent::actor, AgreementEvent::outcome)
        .contains(tuple(TASK_SEND_OFFER, "t-regency-1901", "COMPLETED"),
            tuple(TASK_ANSWER_OFFER_PARTNER, "t-tkksd-regency-1902", "ACCEPTED"));
  }

  @Test
  void thePartnerRegionDecliningTheOfferStopsTheProposalWithItsReason() {
    ProcessInstance pi = propose("KSDD", "province-19", "regency-1971", "19");
    tkksdApproves(pi, "province-19");
    upload(pi, DocumentKind.OFFER_LETTER, "province-19");
    decide(pi, TASK_SEND_OFFER, "province-19", ApprovalWalk.approving(TASK_SEND_OFFER));
    decide(pi, TASK_ANSWER_OFFER_PARTNER, "tkksd-regency-1971", "DECLINED",
        "Objek kerja sama sudah dilaksanakan sendiri oleh Kota Pangkalpinang");

    assertThat(pi).isEnded().hasPassed(LifecycleProcess.END_NOT_APPROVED);
    assertThat(agreementOf(pi).status()).isEqualTo(Status.REFUSED);
    assertThat(agreementOf(pi).statusReason()).isEqualTo("Daerah mitra tidak menerima penawaran kerja sama:"
        + " Objek kerja sama sudah dilaksanakan sendiri oleh Kota Pangkalpinang");
  }

  @Test
  void aThirdPartysAnswerIsRecordedByTheProposerAndADeclineCanReturnTheProposalWhenConfigured() {
    Object configured = ReflectionTestUtils.getField(routing, "offerDeclinedOutcome");
    ReflectionTestUtils.setField(routing, "offerDeclinedOutcome", "RETURNED");
    try {
      ProcessInstance pi = propose("KSDPK", "province-19", null, "19");
      tkksdApproves(pi, "province-19");
      upload(pi, DocumentKind.OFFER_LETTER, "province-19");
      decide(pi, TASK_SEND_OFFER, "province-19", ApprovalWalk.approving(TASK_SEND_OFFER));
      // the third party has no account: the proposing region records its answer
      decide(pi, TASK_RECORD_OFFER_ANSWER, "province-19", "DECLINED",
          "Surat PT Wisata Regional Empat nomor 12/WRE/II/2026: meminta bagi hasil yang lebih besar");
      assertThat(openTaskKeys(pi)).containsExactly(ApprovalProcess.TASK_REVISE_PROPOSAL);
      assertThat(agreementOf(pi).status()).isEqualTo(Status.IN_REVIEW);

      // revised, the route starts again: the TKKSD, a new offer, now accepted
      decide(pi, ApprovalProcess.TASK_REVISE_PROPOSAL, "province-19",
          decision(null, "Bagi hasil disesuaikan dalam penawaran kedua"));
      tkksdApproves(pi, "province-19");
      upload(pi, DocumentKind.OFFER_LETTER, "province-19");
      decide(pi, TASK_SEND_OFFER, "province-19", ApprovalWalk.approving(TASK_SEND_OFFER));
      decide(pi, TASK_RECORD_OFFER_ANSWER, "province-19", "ACCEPTED", "Surat PT Wisata Regional Empat nomor 15");
      assertThat(openTaskKeys(pi)).containsExactly(TASK_DRAFT_KB);
    } finally {
      ReflectionTestUtils.setField(routing, "offerDeclinedOutcome", configured);
    }
  }

  @Test
  void aDeclinedThirdPartyOfferStopsTheProposalByDefault() {
    ProcessInstance pi = propose("KSDPK", "regency-1902", null, "19");
    tkksdApproves(pi, "regency-1902");
    decide(pi, TASK_REVIEW_BY_PROVINCE, "province-19", "APPROVED", null);
    upload(pi, DocumentKind.OFFER_LETTER, "regency-1902");
    decide(pi, TASK_SEND_OFFER, "regency-1902", ApprovalWalk.approving(TASK_SEND_OFFER));
    decide(pi, TASK_RECORD_OFFER_ANSWER, "regency-1902", "DECLINED", "Pihak ketiga tidak berminat");
    assertThat(pi).isEnded();
    assertThat(agreementOf(pi).statusReason())
        .isEqualTo("Pihak ketiga tidak menerima penawaran kerja sama: Pihak ketiga tidak berminat");
  }

  @Test
  void thePksIsDraftedAfterTheKbAndThePartnerRegionAgreesOrReturnsItBeforeItIsSigned() {
    ProcessInstance pi = propose("KSDD", "province-19", "regency-1901", "19");
    tkksdApproves(pi, "province-19");
    upload(pi, DocumentKind.OFFER_LETTER, "province-19");
    decide(pi, TASK_SEND_OFFER, "province-19", ApprovalWalk.approving(TASK_SEND_OFFER));
    decide(pi, TASK_ANSWER_OFFER_PARTNER, "tkksd-regency-1901", "ACCEPTED", null);
    upload(pi, DocumentKind.KB_DRAFT, "province-19");
    decide(pi, TASK_DRAFT_KB, "province-19", decision(null, null));
    decide(pi, TASK_AGREE_KB_PARTNER, "tkksd-regency-1901", ApprovalWalk.approving(TASK_AGREE_KB_PARTNER));
    upload(pi, DocumentKind.KB, "province-19");
    decide(pi, TASK_RECORD_KB_SIGNING, "province-19", ApprovalWalk.approving(TASK_RECORD_KB_SIGNING));
    decide(pi, TASK_CONFIRM_KB_PARTNER, "regency-1901", "CONFIRMED", null);

    // no burden: no DPRD; the PKS is drafted next, its draft uploaded inside the task
    Task draft = task(pi, TASK_DRAFT_PKS, "province-19");
    assertThatThrownBy(() -> complete("province-19", draft, decision(null, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Dokumen Rancangan Perjanjian Kerja Sama belum diunggah");
    upload(pi, DocumentKind.PKS_DRAFT, "province-19");
    decide(pi, TASK_DRAFT_PKS, "province-19", decision(null, "Rancangan PKS promosi wisata"));
    // the partner returns it once (notes required), then agrees
    assertThatThrownBy(() -> complete("tkksd-regency-1901", task(pi, TASK_AGREE_PKS_PARTNER, "tkksd-regency-1901"),
        decision("RETURNED", null))).isInstanceOf(InvalidInputException.class);
    decide(pi, TASK_AGREE_PKS_PARTNER, "tkksd-regency-1901", "RETURNED", "Jadwal kegiatan belum dirinci");
    assertThat(openTaskKeys(pi)).containsExactly(TASK_DRAFT_PKS);
    upload(pi, DocumentKind.PKS_DRAFT, "province-19");
    decide(pi, TASK_DRAFT_PKS, "province-19", decision(null, "Jadwal kegiatan dirinci"));
    decide(pi, TASK_AGREE_PKS_PARTNER, "tkksd-regency-1901", "AGREED", null);

    assertThat(pi).isWaitingAt(LifecycleProcess.CALL_SIGNING);
    assertThat(agreementOf(pi).status()).isEqualTo(Status.APPROVED);
    assertThat(documents.documents(agreementId(pi))).filteredOn(d -> d.kind() == DocumentKind.PKS_DRAFT)
        .singleElement().satisfies(d -> assertThat(d.versions()).hasSize(2));
    assertThat(timeline(pi)).filteredOn(e -> e.phase() == Phase.CENTRAL_APPROVAL)
        .extracting(AgreementEvent::activity, AgreementEvent::outcome)
        .containsSubsequence(tuple(TASK_CONFIRM_KB_PARTNER, "CONFIRMED"), tuple(TASK_DRAFT_PKS, "COMPLETED"),
            tuple(TASK_AGREE_PKS_PARTNER, "RETURNED"), tuple(TASK_DRAFT_PKS, "COMPLETED"),
            tuple(TASK_AGREE_PKS_PARTNER, "AGREED"), tuple(ApprovalProcess.TASK_INFORM_CENTRAL, "INFORMED"));
  }
}
