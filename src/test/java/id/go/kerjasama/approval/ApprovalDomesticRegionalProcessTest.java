package id.go.kerjasama.approval;

import static id.go.kerjasama.approval.ApprovalProcess.TASK_AGREE_KB_PARTNER;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_AGREE_PKS_PARTNER;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_ANSWER_OFFER_PARTNER;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_DRAFT_PKS;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_RECORD_OFFER_ANSWER;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_SEND_OFFER;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_CONFIRM_KB_PARTNER;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_DRAFT_KB;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_INFORM_CENTRAL;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_RECORD_DPRD_APPROVAL;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_RECORD_KB_SIGNING;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_RECORD_PARTNER_DPRD_APPROVAL;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_REVIEW_BY_PROVINCE;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_REVIEW_BY_TKKSD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.documents.DocumentService;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.platform.web.ForbiddenException;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementController;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.DocumentKind;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.Status;
import id.go.kerjasama.signing.SigningTestData;
import id.go.kerjasama.signing.SigningWalk;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A region's domestic cooperation as GR 28/2018 lays it down (KSDD with
 * another region, KSDPK with a third party): the region's TKKSD, its
 * province for a regency/city, the Kesepakatan Bersama (drafted, agreed by a
 * partner region, signed and co-signed), the DPRD only when the cooperation
 * burdens the public/region or is outside the APBD (each party's own), no
 * central approval but Kemendagri and the province informed, then the PKS.
 * Provinces 15, 16, 17 and their regencies/cities; clock fixed at Monday
 * 2 February 2026.
 */
@ProcessTest
class ApprovalDomesticRegionalProcessTest extends ApprovalTestSupport {

  @Autowired
  DocumentService documents;
  @Autowired
  AgreementController agreementApi;

  ProcessInstance propose(String type, String proposer, String partnerRegion, boolean burdens, String... locations) {
    Map<String, Object> form = proposal(type, proposer, locations);
    form.put(LifecycleProcess.FIELD_BURDENS_PUBLIC_OR_OUTSIDE_BUDGET, burdens);
    form.put(LifecycleProcess.FIELD_COOPERATION_NATURE, "SUKARELA");
    form.put(LifecycleProcess.FIELD_GOVERNMENT_AFFAIR, "Perhubungan");
    form.put(LifecycleProcess.FIELD_PARTNER_COUNTRY, "Indonesia");
    if (partnerRegion != null) {
      form.put(LifecycleProcess.FIELD_PARTNER_REGION, partnerRegion);
      form.remove(LifecycleProcess.FIELD_PARTNER_NAME);
      form.remove(LifecycleProcess.FIELD_PARTNER_COUNTRY);
    } else {
      form.put(LifecycleProcess.FIELD_PARTNER_NAME, "PT Angkutan Sumatera");
    }
    return submit(proposer, form);
  }

  ApprovalWalk documentWalk() {
    return new ApprovalWalk(processEngine, this::complete, documents);
  }

  void upload(ProcessInstance pi, DocumentKind kind, String group) {
    documents.upload(agreementId(pi), kind, kind.name().toLowerCase() + ".pdf",
        SigningTestData.pdf(pi.getBusinessKey() + kind), "t-" + group);
  }

  @Test
  void aProvincesCooperationWithAThirdPartyWithinItsBudgetNeedsNoCentralApprovalAndInformsKemendagri() {
    ProcessInstance pi = propose("KSDPK", "province-15", null, false, "15");
    Agreement proposed = agreementOf(pi);
    assertThat(proposed.registrationNumber()).matches("KS-PK-2026-\\d{6}");
    assertThat(proposed.cooperationNature()).isEqualTo("SUKARELA");
    assertThat(proposed.governmentAffair()).isEqualTo("Perhubungan");

    Task tkksd = task(pi, TASK_REVIEW_BY_TKKSD, "tkksd-province-15");
    // 10 working days from Monday 2 February 2026 (16 and 17 February are Imlek holidays)
    assertThat(tkksd.getDueDate()).isEqualTo(closing(LocalDate.of(2026, 2, 18)));

    assertThat(documentWalk().approve(pi.getBusinessKey())).containsExactly(
        new ApprovalWalk.Step(TASK_REVIEW_BY_TKKSD, "tkksd-province-15"),
        new ApprovalWalk.Step(TASK_SEND_OFFER, "province-15"),
        new ApprovalWalk.Step(TASK_RECORD_OFFER_ANSWER, "province-15"),
        new ApprovalWalk.Step(TASK_DRAFT_KB, "province-15"),
        new ApprovalWalk.Step(TASK_RECORD_KB_SIGNING, "province-15"),
        new ApprovalWalk.Step(TASK_DRAFT_PKS, "province-15"));

    // no Fasker task: the region decides, Kemendagri's domestic division is informed
    assertThat(pi).isWaitingAt(LifecycleProcess.CALL_SIGNING);
    Agreement approved = agreementOf(pi);
    assertThat(approved.status()).isEqualTo(Status.APPROVED);
    assertThat(timeline(pi)).filteredOn(e -> e.phase() == Phase.CENTRAL_APPROVAL)
        .extracting(AgreementEvent::activity, AgreementEvent::outcome)
        .containsSubsequence(tuple(TASK_REVIEW_BY_TKKSD, "APPROVED"), tuple(TASK_RECORD_KB_SIGNING, "COMPLETED"),
            tuple(TASK_INFORM_CENTRAL, "INFORMED"), tuple(ApprovalProcess.TASK_RECORD_APPROVAL, "APPROVED"));
    assertThat(timeline(pi)).filteredOn(e -> TASK_INFORM_CENTRAL.equals(e.activity()))
        .extracting(AgreementEvent::notes)
        .containsExactly("Diberitahukan kepada Fasker - Bidang Kerja Sama Dalam Negeri (KDN)");
    assertThat(timeline(pi)).extracting(AgreementEvent::activity)
        .doesNotContain(ApprovalProcess.TASK_REVIEW_BY_FASKER, ApprovalProcess.TASK_DECIDE_CENTRAL_APPROVAL);

    // the PKS follows the KB
    Task pks = openTask(pi.getBusinessKey(), "UserTask_RecordPksSigning");
    assertThat(pks).hasCandidateGroup("province-15");
    new SigningWalk(processEngine, documents, this::complete)
        .sign(pi.getBusinessKey(), "PKS-015/2026", today(), today().plusMonths(1), today().plusMonths(25));
    assertThat(agreementOf(pi).status()).isEqualTo(Status.ACTIVE);
    assertThat(agreementOf(pi).documentKind()).isEqualTo("PKS");
  }

  @Test
  void aRegencysCooperationWithAnotherRegionMakesThePartnerAPartyWithItsOwnTasksAndDprd() {
    ProcessInstance pi = propose("KSDD", "regency-1571", "regency-1671", true, "15");
    Agreement proposed = agreementOf(pi);
    assertThat(proposed.partnerRegion()).isEqualTo("regency-1671");
    assertThat(proposed.partnerName()).isEqualTo("Kota Palembang");
    assertThat(proposed.partnerCountry()).isEqualTo("Indonesia");
    // the partner's province is a location province too
    assertThat(proposed.locationProvinces()).containsExactly("province-15", "province-16");

    decide(pi, TASK_REVIEW_BY_TKKSD, "tkksd-regency-1571",
        withChecklist(decision("APPROVED", null), TASK_REVIEW_BY_TKKSD));
    decide(pi, TASK_REVIEW_BY_PROVINCE, "province-15", "APPROVED", null);
    offerAccepted(pi, "regency-1571", "regency-1671");
    upload(pi, DocumentKind.KB_DRAFT, "regency-1571");
    decide(pi, TASK_DRAFT_KB, "regency-1571", decision(null, "Rancangan pertama"));

    // the partner region's TKKSD (A25) returns the draft once, then agrees and needs its own DPRD; the partner
    // region's other officers cannot work its review
    Task partnerReview = task(pi, TASK_AGREE_KB_PARTNER, "tkksd-regency-1671");
    assertThatThrownBy(() -> complete("regency-1671", partnerReview, decision("RETURNED", "Bukan anggota TKKSD")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThat(openTaskKeys(pi)).containsExactly(TASK_AGREE_KB_PARTNER);
    decide(pi, TASK_AGREE_KB_PARTNER, "tkksd-regency-1671", "RETURNED", "Pasal pembiayaan perlu dirinci");
    assertThat(openTaskKeys(pi)).containsExactly(TASK_DRAFT_KB);
    upload(pi, DocumentKind.KB_DRAFT, "regency-1571");
    decide(pi, TASK_DRAFT_KB, "regency-1571", decision(null, "Pasal pembiayaan dirinci"));
    Map<String, Object> agree = withChecklist(decision("AGREED", null), TASK_AGREE_KB_PARTNER);
    agree.put(ApprovalProcess.PARTNER_BURDENS, true);
    decide(pi, TASK_AGREE_KB_PARTNER, "tkksd-regency-1671", agree);

    upload(pi, DocumentKind.KB, "regency-1571");
    decide(pi, TASK_RECORD_KB_SIGNING, "regency-1571", ApprovalWalk.approving(TASK_RECORD_KB_SIGNING));
    decide(pi, TASK_CONFIRM_KB_PARTNER, "regency-1671", "CONFIRMED", null);

    // each party's DPRD, the proposer's first
    decide(pi, TASK_RECORD_DPRD_APPROVAL, "regency-1571", ApprovalWalk.approving(TASK_RECORD_DPRD_APPROVAL));
    Task partnerDprd = task(pi, TASK_RECORD_PARTNER_DPRD_APPROVAL, "regency-1671");
    assertThat(partnerDprd.getDueDate()).isEqualTo(closing(LocalDate.of(2026, 3, 25)));
    complete("regency-1671", partnerDprd, ApprovalWalk.approving(TASK_RECORD_PARTNER_DPRD_APPROVAL));
    // the PKS drafted after both DPRDs, agreed by the partner
    upload(pi, DocumentKind.PKS_DRAFT, "regency-1571");
    decide(pi, TASK_DRAFT_PKS, "regency-1571", decision(null, "Rancangan PKS angkutan antarwilayah"));
    decide(pi, TASK_AGREE_PKS_PARTNER, "tkksd-regency-1671", "AGREED", null);

    assertThat(pi).isWaitingAt(LifecycleProcess.CALL_SIGNING);
    long id = agreementId(pi);
    assertThat(records.dprdApprovals(id)).extracting(DprdApproval::regionGroup, DprdApproval::recordedBy)
        .containsExactly(tuple("regency-1571", "t-regency-1571"), tuple("regency-1671", "t-regency-1671"));
    // Kemendagri and both provinces are informed
    assertThat(timeline(pi)).filteredOn(e -> TASK_INFORM_CENTRAL.equals(e.activity()))
        .extracting(AgreementEvent::notes).containsExactly("Diberitahukan kepada Fasker - Bidang Kerja Sama Dalam"
            + " Negeri (KDN), Provinsi Jambi, Provinsi Sumatera Selatan");

    // the partner region sees the cooperation: registry and its process instances
    actAs("regency-1671");
    assertThat(agreementApi.get(id).agreement().partnerRegion()).isEqualTo("regency-1671");
    assertThat(processEngine.getAuthorizationService().isUserAuthorized("t-regency-1671", List.of("regency-1671"),
        Permissions.READ, Resources.PROCESS_INSTANCE, pi.getId())).isTrue();
    actAsSystem();
    // a region that is no party does not
    actAs("regency-1771");
    assertThatThrownBy(() -> agreementApi.get(id)).isInstanceOf(ForbiddenException.class);
    actAsSystem();

    // the PKS, co-signed by the partner
    assertThat(new SigningWalk(processEngine, documents, this::complete)
        .sign(pi.getBusinessKey(), "PKS-1571/2026", today(), today().plusMonths(1), today().plusMonths(25)))
        .extracting(SigningWalk.Step::taskKey, SigningWalk.Step::group)
        .containsExactly(tuple("UserTask_RecordPksSigning", "regency-1571"),
            tuple("UserTask_ConfirmPksPartner", "regency-1671"));
    assertThat(agreementOf(pi).status()).isEqualTo(Status.ACTIVE);
  }

  @Test
  void withoutABurdenNeitherDprdIsAskedAndThePartnerStillAgreesAndCoSigns() {
    ProcessInstance pi = propose("KSDD", "province-16", "province-17", false, "16");
    assertThat(documentWalk().approve(pi.getBusinessKey())).containsExactly(
        new ApprovalWalk.Step(TASK_REVIEW_BY_TKKSD, "tkksd-province-16"),
        new ApprovalWalk.Step(TASK_SEND_OFFER, "province-16"),
        new ApprovalWalk.Step(TASK_ANSWER_OFFER_PARTNER, "tkksd-province-17"),
        new ApprovalWalk.Step(TASK_DRAFT_KB, "province-16"),
        new ApprovalWalk.Step(TASK_AGREE_KB_PARTNER, "tkksd-province-17"),
        new ApprovalWalk.Step(TASK_RECORD_KB_SIGNING, "province-16"),
        new ApprovalWalk.Step(TASK_CONFIRM_KB_PARTNER, "province-17"),
        new ApprovalWalk.Step(TASK_DRAFT_PKS, "province-16"),
        new ApprovalWalk.Step(TASK_AGREE_PKS_PARTNER, "tkksd-province-17"));
    assertThat(records.dprdApprovals(agreementId(pi))).isEmpty();
    assertThat(agreementOf(pi).status()).isEqualTo(Status.APPROVED);
  }

  @Test
  void thePartnerRegionsCoSignatureNotTheProposersRecordPutsThePksInForce() {
    ProcessInstance pi = propose("KSDD", "province-16", "province-17", false, "16");
    documentWalk().approve(pi.getBusinessKey());
    assertThat(pi).isWaitingAt(LifecycleProcess.CALL_SIGNING);

    // the proposer records the PKS with its signature: the PKS is the agreement's document, not yet in force
    upload(pi, DocumentKind.PKS, "province-16");
    complete("province-16", task(pi, "UserTask_RecordPksSigning", "province-16"),
        SigningTestData.signing("PKS-016/2026", today(), 24));
    Agreement recorded = agreementOf(pi);
    assertThat(recorded.documentKind()).isEqualTo("PKS");
    assertThat(recorded.documentNumber()).isEqualTo("PKS-016/2026");
    assertThat(recorded.status()).isEqualTo(Status.APPROVED);

    // the partner province co-signs in its own task, due in 5 working days; the proposer, the partner's TKKSD and
    // a region that is no party cannot
    Task coSign = task(pi, "UserTask_ConfirmPksPartner", "province-17");
    assertThat(coSign.getDueDate()).isEqualTo(closing(LocalDate.of(2026, 2, 9)));
    for (String outsider : List.of("province-16", "tkksd-province-17", "province-15", "regency-1671")) {
      assertThatThrownBy(() -> complete(outsider, coSign, decision("CONFIRMED", null)))
          .as(outsider).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    }
    // a dispute needs its reason and returns the record to the proposer; still not in force
    assertThatThrownBy(() -> complete("province-17", coSign, decision("DISPUTED", null)))
        .isInstanceOf(InvalidInputException.class);
    complete("province-17", coSign, decision("DISPUTED", "Nama penanda tangan pihak Provinsi 17 keliru"));
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).list())
        .extracting(Task::getTaskDefinitionKey).containsExactly("UserTask_RecordPksSigning");
    assertThat(agreementOf(pi).status()).isEqualTo(Status.APPROVED);
    complete("province-16", task(pi, "UserTask_RecordPksSigning", "province-16"),
        SigningTestData.signing("PKS-016/2026-R", today(), 24));
    assertThat(agreementOf(pi).status()).isEqualTo(Status.APPROVED);

    complete("province-17", task(pi, "UserTask_ConfirmPksPartner", "province-17"), decision("CONFIRMED", null));
    Agreement signed = agreementOf(pi);
    assertThat(signed.status()).isEqualTo(Status.ACTIVE);
    assertThat(signed.documentNumber()).isEqualTo("PKS-016/2026-R");
    assertThat(pi).isWaitingAt(LifecycleProcess.CALL_WORK_PLAN);
    assertThat(timeline(pi)).filteredOn(e -> e.phase() == Phase.SIGNING)
        .extracting(AgreementEvent::activity, AgreementEvent::actor, AgreementEvent::outcome)
        .containsSubsequence(tuple("UserTask_ConfirmPksPartner", "t-province-17", "DISPUTED"),
            tuple("UserTask_ConfirmPksPartner", "t-province-17", "CONFIRMED"));
  }

  @Test
  void thePartnersDprdRefusingStopsTheCooperationWithItsLetter() {
    ProcessInstance pi = propose("KSDD", "province-17", "regency-1501", false, "17");
    decide(pi, TASK_REVIEW_BY_TKKSD, "tkksd-province-17", withChecklist(decision("APPROVED", null), TASK_REVIEW_BY_TKKSD));
    offerAccepted(pi, "province-17", "regency-1501");
    upload(pi, DocumentKind.KB_DRAFT, "province-17");
    decide(pi, TASK_DRAFT_KB, "province-17", decision(null, null));
    Map<String, Object> agree = withChecklist(decision("AGREED", null), TASK_AGREE_KB_PARTNER);
    agree.put(ApprovalProcess.PARTNER_BURDENS, true);
    decide(pi, TASK_AGREE_KB_PARTNER, "tkksd-regency-1501", agree);
    upload(pi, DocumentKind.KB, "province-17");
    decide(pi, TASK_RECORD_KB_SIGNING, "province-17", ApprovalWalk.approving(TASK_RECORD_KB_SIGNING));
    decide(pi, TASK_CONFIRM_KB_PARTNER, "regency-1501", "CONFIRMED", null);
    // the proposer's own cooperation does not burden it: only the partner's DPRD
    assertThat(openTaskKeys(pi)).containsExactly(TASK_RECORD_PARTNER_DPRD_APPROVAL);
    Map<String, Object> refusal = decision("REFUSED", "Belum dianggarkan dalam APBD 2026");
    refusal.put("dprdLetterNumber", "172/9/DPRD-KRC/2026");
    refusal.put("dprdLetterDate", "2026-01-29");
    refusal.putAll(ApprovalWalk.dprdPlanExplanation());
    decide(pi, TASK_RECORD_PARTNER_DPRD_APPROVAL, "regency-1501", refusal);

    assertThat(pi).isEnded().hasPassed(LifecycleProcess.END_NOT_APPROVED);
    assertThat(agreementOf(pi).status()).isEqualTo(Status.REFUSED);
    assertThat(agreementOf(pi).statusReason()).isEqualTo("DPRD daerah mitra tidak menyetujui kerja sama (surat nomor"
        + " 172/9/DPRD-KRC/2026 tanggal 2026-01-29): Belum dianggarkan dalam APBD 2026");
  }

  @Test
  void theTkksdApprovesOnlyWithEveryConditionCheckedAndItsChecklistIsInTheTimeline() {
    ProcessInstance pi = propose("KSDPK", "regency-1601", null, false, "16");
    Task tkksd = task(pi, TASK_REVIEW_BY_TKKSD, "tkksd-regency-1601");
    Map<String, Object> partial = decision("APPROVED", null);
    partial.put("conditionsChecked", List.of("REGIONAL_COMPETENCE", "PLAN_FIT"));
    assertThatThrownBy(() -> complete("tkksd-regency-1601", tkksd, partial))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("belum dicentang: Pembiayaan jelas (tercantum dalam APBD atau sumber lain yang sah);"
            + " Dokumen yang dipersyaratkan lengkap");
    Map<String, Object> unknown = decision("APPROVED", null);
    unknown.put("conditionsChecked", List.of("DIPLOMATIC_RELATIONS"));
    assertThatThrownBy(() -> complete("tkksd-regency-1601", task(pi, TASK_REVIEW_BY_TKKSD, "tkksd-regency-1601"), unknown))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Syarat 'DIPLOMATIC_RELATIONS' tidak termasuk daftar periksa tugas ini");

    // returning needs no full checklist: it records what was found
    Map<String, Object> returned = decision("RETURNED", "Kajian kelayakan belum dilampirkan");
    returned.put("conditionsChecked", List.of("REGIONAL_COMPETENCE", "PLAN_FIT", "BUDGET"));
    returned.put("checklistNotes", "Kajian kelayakan tidak ada dalam berkas");
    complete("tkksd-regency-1601", task(pi, TASK_REVIEW_BY_TKKSD, "tkksd-regency-1601"), returned);
    assertThat(timeline(pi)).filteredOn(e -> TASK_REVIEW_BY_TKKSD.equals(e.activity()))
        .extracting(AgreementEvent::notes).containsExactly("Kajian kelayakan belum dilampirkan\n"
            + "Daftar periksa - terpenuhi: Urusan yang dikerjasamakan menjadi kewenangan daerah; Sesuai dengan"
            + " RPJMN/RPJMD; Pembiayaan jelas (tercantum dalam APBD atau sumber lain yang sah). Belum terpenuhi:"
            + " Dokumen yang dipersyaratkan lengkap. Catatan pemeriksaan: Kajian kelayakan tidak ada dalam berkas");
    assertThat(processEngine.getRuntimeService().getVariables(approvalInstanceId(pi)))
        .doesNotContainKeys("conditionsChecked", "checklistNotes");
    assertThat(openTaskKeys(pi)).containsExactly(ApprovalProcess.TASK_REVISE_PROPOSAL);

    // after the revision the TKKSD reviews again; refusing stops the proposal with its reason
    complete("regency-1601", task(pi, ApprovalProcess.TASK_REVISE_PROPOSAL, "regency-1601"),
        decision(null, "Kajian kelayakan dilampirkan"));
    decide(pi, TASK_REVIEW_BY_TKKSD, "tkksd-regency-1601", "REFUSED", "Bukan urusan kewenangan kabupaten");
    assertThat(pi).isEnded();
    assertThat(agreementOf(pi).statusReason()).isEqualTo(
        "Tidak disetujui Tim Koordinasi Kerja Sama Daerah (TKKSD): Bukan urusan kewenangan kabupaten");
  }

  @Test
  void aPksBeforeTheKesepakatanBersamaIsRefusedSayingWhatComesFirst() {
    // a KSDPK agreement whose signing phase starts without a KB (e.g. an instance moved by an administrator)
    Agreement agreement = agreements.register(new id.go.kerjasama.registry.NewProposal(CooperationType.KSDPK,
        "Pengelolaan terminal bersama", "PT Terminal Bengkulu", "Indonesia", "province-17", "province-17", null,
        List.of("province-17"), List.of("INFRASTRUKTUR"), today().plusMonths(1), 24, false, null, "WAJIB",
        "Perhubungan", null), "t-test", null);
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("agreementId", agreement.id());
    variables.put("registrationNumber", agreement.registrationNumber());
    variables.put("cooperationType", "KSDPK");
    variables.put("proposerGroup", "province-17");
    variables.put("proposerLevel", "PROVINCE");
    variables.put("provinceGroup", "province-17");
    ProcessInstance signing = processEngine.getRuntimeService()
        .startProcessInstanceByKey("agreement-signing", agreement.registrationNumber(), variables);
    Task pks = processEngine.getTaskService().createTaskQuery().processInstanceId(signing.getId()).singleResult();
    assertThat(pks.getTaskDefinitionKey()).isEqualTo("UserTask_RecordPksSigning");
    documents.upload(agreement.id(), DocumentKind.PKS, "pks.pdf", SigningTestData.pdf("pks"), "t-province-17");
    Map<String, Object> values = new java.util.HashMap<>();
    values.put("documentNumber", "PKS-17/2026");
    values.put("signatories", "Gubernur Bengkulu, Direktur PT Terminal Bengkulu");
    values.put("signedOn", today().toString());
    values.put("startDate", today().plusMonths(1).toString());
    values.put("endDate", today().plusMonths(25).toString());
    assertThatThrownBy(() -> complete("province-17", pks, values))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Perjanjian Kerja Sama belum dapat dicatat: Kesepakatan Bersama (KB) harus"
            + " ditandatangani lebih dahulu");
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(signing.getId()).count())
        .isEqualTo(1);
    assertThat(agreements.get(agreement.id()).documentKind()).isNull();
  }

  @Test
  void thePartnerRegionsTkksdAnswersTheOfferAndAgreesThePksDraftWhileItsOfficersSignAndRecordItsDprd() {
    ProcessInstance pi = propose("KSDD", "regency-1572", "regency-1672", true, "15");
    decide(pi, TASK_REVIEW_BY_TKKSD, "tkksd-regency-1572",
        withChecklist(decision("APPROVED", null), TASK_REVIEW_BY_TKKSD));
    decide(pi, TASK_REVIEW_BY_PROVINCE, "province-15", "APPROVED", null);
    upload(pi, DocumentKind.OFFER_LETTER, "regency-1572");
    decide(pi, TASK_SEND_OFFER, "regency-1572", ApprovalWalk.approving(TASK_SEND_OFFER));

    // the offer answer is the partner's TKKSD's (A25): neither the partner region's group nor another region's
    // TKKSD nor the proposer can work it
    Task answer = task(pi, TASK_ANSWER_OFFER_PARTNER, "tkksd-regency-1672");
    for (String outsider : List.of("regency-1672", "tkksd-regency-1673", "regency-1572", "tkksd-regency-1572")) {
      assertThatThrownBy(() -> complete(outsider, answer, decision("ACCEPTED", null)))
          .as(outsider).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    }
    assertThat(openTaskKeys(pi)).containsExactly(TASK_ANSWER_OFFER_PARTNER);
    decide(pi, TASK_ANSWER_OFFER_PARTNER, "tkksd-regency-1672", "ACCEPTED", null);
    upload(pi, DocumentKind.KB_DRAFT, "regency-1572");
    decide(pi, TASK_DRAFT_KB, "regency-1572", decision(null, null));
    decide(pi, TASK_AGREE_KB_PARTNER, "tkksd-regency-1672", ApprovalWalk.approving(TASK_AGREE_KB_PARTNER));
    upload(pi, DocumentKind.KB, "regency-1572");
    decide(pi, TASK_RECORD_KB_SIGNING, "regency-1572", ApprovalWalk.approving(TASK_RECORD_KB_SIGNING));

    // the co-signature is the regional head's, given through the region's officers: not the TKKSD's
    Task coSign = task(pi, TASK_CONFIRM_KB_PARTNER, "regency-1672");
    assertThatThrownBy(() -> complete("tkksd-regency-1672", coSign, decision("CONFIRMED", null)))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    complete("regency-1672", coSign, decision("CONFIRMED", null));
    decide(pi, TASK_RECORD_DPRD_APPROVAL, "regency-1572", ApprovalWalk.approving(TASK_RECORD_DPRD_APPROVAL));

    // the PKS draft is agreed by the partner's TKKSD again, not by its officers or another region
    upload(pi, DocumentKind.PKS_DRAFT, "regency-1572");
    decide(pi, TASK_DRAFT_PKS, "regency-1572", decision(null, null));
    Task agreePks = task(pi, TASK_AGREE_PKS_PARTNER, "tkksd-regency-1672");
    for (String outsider : List.of("regency-1672", "tkksd-regency-1673", "regency-1673")) {
      assertThatThrownBy(() -> complete(outsider, agreePks, decision("AGREED", null)))
          .as(outsider).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    }
    decide(pi, TASK_AGREE_PKS_PARTNER, "tkksd-regency-1672", "AGREED", null);

    assertThat(pi).isWaitingAt(LifecycleProcess.CALL_SIGNING);
    assertThat(timeline(pi)).filteredOn(e -> e.phase() == Phase.CENTRAL_APPROVAL)
        .extracting(AgreementEvent::activity, AgreementEvent::actor)
        .contains(tuple(TASK_ANSWER_OFFER_PARTNER, "t-tkksd-regency-1672"),
            tuple(TASK_AGREE_KB_PARTNER, "t-tkksd-regency-1672"),
            tuple(TASK_CONFIRM_KB_PARTNER, "t-regency-1672"),
            tuple(TASK_AGREE_PKS_PARTNER, "t-tkksd-regency-1672"));
  }

  /** The offer sent with its letter and accepted by the partner region (its TKKSD, A25). */
  void offerAccepted(ProcessInstance pi, String proposer, String partner) {
    upload(pi, DocumentKind.OFFER_LETTER, proposer);
    decide(pi, TASK_SEND_OFFER, proposer, ApprovalWalk.approving(TASK_SEND_OFFER));
    decide(pi, TASK_ANSWER_OFFER_PARTNER, "tkksd-" + partner, "ACCEPTED", null);
  }

  Map<String, Object> withChecklist(Map<String, Object> values, String taskKey) {
    values.put("conditionsChecked", ApprovalWalk.CHECKLIST_OF_TASK.get(taskKey));
    return values;
  }
}
