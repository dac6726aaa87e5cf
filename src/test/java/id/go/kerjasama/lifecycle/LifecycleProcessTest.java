package id.go.kerjasama.lifecycle;

import id.go.kerjasama.platform.forms.IndonesianFormat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.approval.ApprovalWalk;
import id.go.kerjasama.evaluation.EvaluationKind;
import id.go.kerjasama.evaluation.EvaluationService;
import id.go.kerjasama.evaluation.EvaluationView;
import id.go.kerjasama.evaluation.Rating;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.AgreementTerm;
import id.go.kerjasama.registry.DocumentKind;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.Status;
import id.go.kerjasama.signing.SigningTestData;
import id.go.kerjasama.signing.SigningWalk;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lifecycle of each type walked to closure as the users of each role
 * (processes/cooperation-lifecycle.bpmn); renewal, termination and
 * close-out in detail: renewal.RenewalProcessTest, renewal.TerminationProcessTest.
 */
@ProcessTest
class LifecycleProcessTest extends LifecycleTestSupport {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  EvaluationService evaluations;

  @Test
  void regionalForeignCooperationRunsFromProposalToClosureOverTwoTerms() {
    ProcessInstance pi = submit("province-32", proposal("LUAR_NEGERI", "province-32", "32"));
    String key = pi.getBusinessKey();
    assertThat(key).matches("KS-LN-2026-\\d{6}");
    Agreement agreement = agreementOf(pi);
    assertThat(agreement.phase()).isEqualTo(Phase.CENTRAL_APPROVAL);
    assertThat(agreement.createdBy()).isEqualTo("t-province-32");
    assertThat(pi).isWaitingAt(LifecycleProcess.CALL_CENTRAL_APPROVAL);

    // central approval of a province's foreign cooperation recorded before KSDPL/KSDLL: the province's DPRD,
    // Kemlu, Fasker's verification, Fasker's decision
    assertThat(approve(key)).containsExactly(
        new ApprovalWalk.Step("UserTask_RecordDprdApproval", "province-32"),
        new ApprovalWalk.Step("UserTask_ConsultKemlu", "ministry-kemlu"),
        new ApprovalWalk.Step("UserTask_ReviewByFasker", "fasker"),
        new ApprovalWalk.Step("UserTask_DecideCentralApproval", "fasker"));

    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.SIGNING);
    assertThat(agreementOf(pi).status()).isEqualTo(Status.APPROVED);
    // a LoI first, then the region's follow-up task raises it to an MoU
    Task signing = openTask(key, "UserTask_RecordLoiSigning");
    assertThat(signing).hasCandidateGroup("province-32");
    assertThat(sign(key, "province-32", "MOU-001/2026", today(), today().plusMonths(24)))
        .extracting(SigningWalk.Step::taskKey).containsExactly("UserTask_RecordLoiSigning", "UserTask_RaiseLoiToMou");
    Agreement signed = agreementOf(pi);
    assertThat(signed.status()).isEqualTo(Status.ACTIVE);
    assertThat(signed.documentKind()).isEqualTo("MOU");
    assertThat(signed.documentNumber()).isEqualTo("MOU-001/2026");
    assertThat(signed.endDate()).isEqualTo(LocalDate.of(2028, 2, 2));

    // term 1 runs the budget years 2026-2028; renewal starts 6 months before the end date
    AgreementTerm term1 = terms.find(signed.id(), 1).orElseThrow();
    assertThat(term1.budgetYears()).containsExactly(2026, 2027, 2028);
    assertThat(term1.renewalStartsOn()).isEqualTo(LocalDate.of(2027, 8, 2));
    assertThat(dueDay(timer(key, LifecycleProcess.TIMER_RENEWAL_DUE))).isEqualTo(LocalDate.of(2027, 8, 2));
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.WORK_PLAN);
    assertThat(task(key, "UserTask_DraftWorkPlan")).hasCandidateGroup("province-32");
    assertThat(processEngine.getRuntimeService().createVariableInstanceQuery().variableName("cycleYear")
        .list()).extracting(v -> v.getValue()).contains(2026);
    // 2026: the plan goes back once, the first report needs a follow-up
    complete("province-32", task(key, "UserTask_DraftWorkPlan"), workPlan(2026));
    complete("fasker", task(key, "UserTask_VerifyWorkPlan"), decision("RETURNED", "Anggaran belum rinci"));
    walkWorkPlan(key, "province-32");
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.MONITORING);
    complete("province-32", task(key, "UserTask_SubmitProgressReport"), report("Capaian semester 1"));
    complete("fasker", task(key, "UserTask_ReviewProgressReport"), decision("FOLLOW_UP", "Lengkapi data manfaat"));
    walkMonitoring(key, "province-32");
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.EVALUATION);
    walkEvaluation(key, "province-32", 4);
    walkCycle(key, "province-32", 4);

    // 2 August 2027: renewal starts beside the 2028 cycle
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.RENEWAL);
    Task renewal = task(key, "UserTask_DecideRenewal");
    assertThat(renewal).hasCandidateGroup("fasker");
    assertThat((String) processEngine.getTaskService().getVariable(renewal.getId(), "renewalBrief"))
        .contains("2027 (tahunan): **Sangat baik**").contains("2026 (tahunan): **Sangat baik**");
    complete("fasker", renewal, decision("EXTEND", null));

    // the extension is signed: term 2, the registry shows the running cycle again after signing
    assertThat(agreementOf(pi).term()).isEqualTo(2);
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.SIGNING);
    // the extension renews the MoU directly
    assertThat(sign(key, "province-32", "MOU-002/2028", LocalDate.of(2028, 2, 2), LocalDate.of(2029, 12, 31)))
        .extracting(SigningWalk.Step::taskKey).containsExactly("UserTask_RecordMouSigning");
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.WORK_PLAN);
    walkCycle(key, "province-32", 3);

    // term 2 continues with 2029; its renewal is not extended
    AgreementTerm term2 = terms.find(signed.id(), 2).orElseThrow();
    assertThat(term2.budgetYears()).containsExactly(2029);
    walkCycle(key, "province-32", 3);
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    assertThat(today()).isEqualTo(LocalDate.of(2029, 6, 30));
    complete("fasker", task(key, "UserTask_DecideRenewal"), decision("END", "Program selesai"));
    assertThat(dueDay(timer(key, LifecycleProcess.TIMER_AGREEMENT_ENDS))).isEqualTo(LocalDate.of(2029, 12, 31));
    fire(key, LifecycleProcess.TIMER_AGREEMENT_ENDS);

    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.CLOSE_OUT);
    Task report = task(key, "UserTask_SubmitFinalReport");
    assertThat(report).hasCandidateGroup("province-32");
    complete("province-32", report, Map.of("finalReport", "Semua target program tercapai dalam dua masa berlaku."));

    assertThat(pi).isEnded().hasPassed(LifecycleProcess.END_CLOSED, LifecycleProcess.END_TERM_EXTENDED,
        LifecycleProcess.END_TERM_ENDED);
    Agreement closed = agreementOf(pi);
    assertThat(closed.phase()).isEqualTo(Phase.CLOSED);
    assertThat(closed.status()).isEqualTo(Status.CLOSED);
    assertThat(closed.statusReason()).isEqualTo("Masa berlaku berakhir pada 31/12/2029 dan kerja sama tidak diperpanjang");
    assertThat(evaluations.series(closed.id())).extracting(EvaluationView::budgetYear, EvaluationView::term,
        EvaluationView::kind, EvaluationView::rating).containsExactly(
        tuple(2026, 1, EvaluationKind.ANNUAL, Rating.SANGAT_BAIK),
        tuple(2027, 1, EvaluationKind.ANNUAL, Rating.SANGAT_BAIK),
        tuple(2028, 1, EvaluationKind.END_OF_TERM, Rating.BAIK),
        tuple(2029, 2, EvaluationKind.END_OF_TERM, Rating.BAIK));
    List<AgreementEvent> timeline = agreements.events(closed.id());
    assertThat(timeline).extracting(AgreementEvent::activity).startsWith(
        "StartEvent_ProposalSubmitted", "UserTask_RecordDprdApproval", "UserTask_ConsultKemlu",
        "UserTask_ReviewByFasker", "UserTask_DecideCentralApproval", "ServiceTask_RecordApproval",
        "Document_LOI", "UserTask_RecordLoiSigning", "Document_MOU", "UserTask_RaiseLoiToMou");
    assertThat(timeline).filteredOn(e -> e.activity().equals("UserTask_DecideRenewal"))
        .extracting(AgreementEvent::outcome, AgreementEvent::actor, AgreementEvent::notes)
        .containsExactly(tuple("EXTEND", "t-fasker", null), tuple("END", "t-fasker", "Program selesai"));
    assertThat(timeline).extracting(AgreementEvent::activity).endsWith("UserTask_SubmitFinalReport",
        "ServiceTask_ArchiveDocuments");
  }

  @Test
  void foreignNgoCooperationIsReviewedByTpoaAndSignedByThePartnerMinistry() {
    ProcessInstance pi = submit("ministry-kemensos", proposal("ORMAS_ASING", "ministry-kemensos", "53", "52"));
    String key = pi.getBusinessKey();
    assertThat(key).startsWith("KS-OA-");
    assertThat(agreementOf(pi).partnerMinistry()).isEqualTo("ministry-kemensos");

    // the partner ministry checks the file, every TPOA seat recommends, the coordinator grants the permit
    List<ApprovalWalk.Step> steps = approve(key);
    assertThat(steps).first().isEqualTo(new ApprovalWalk.Step("UserTask_CheckFileComplete", "ministry-kemensos"));
    assertThat(steps).last().isEqualTo(new ApprovalWalk.Step("UserTask_DecidePrinciplePermit", "tpoa-kemlu"));
    assertThat(steps).filteredOn(s -> s.taskKey().equals("UserTask_RecommendPermit")).hasSize(7);
    // the ministry drafts the MSP with the NGO, its legal bureau reviews it, then it is signed
    Task signing = openTask(key, "UserTask_DraftMsp");
    assertThat(signing).hasCandidateGroup("ministry-kemensos");
    assertThat(sign(key, "ministry-kemensos", "MSP-07/2026", today(), LocalDate.of(2026, 12, 31)))
        .extracting(SigningWalk.Step::taskKey)
        .containsExactly("UserTask_DraftMsp", "UserTask_ReviewMspDraft", "UserTask_RecordMspSigning");
    assertThat(agreementOf(pi).documentKind()).isEqualTo("MSP");

    walkCycle(key, "ministry-kemensos", 5);
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    complete("tpoa-kemlu", task(key, "UserTask_GiveTpoaInput"), decision("SUPPORT", null));
    Task renewal = task(key, "UserTask_DecideRenewal");
    assertThat(renewal).hasCandidateGroup("ministry-kemensos");
    complete("ministry-kemensos", renewal, decision("END", "Izin prinsip tidak diperpanjang"));
    fire(key, LifecycleProcess.TIMER_AGREEMENT_ENDS);
    complete("ministry-kemensos", task(key, "UserTask_SubmitFinalReport"),
        Map.of("finalReport", "Program perlindungan anak selesai sesuai MSP."));
    assertThat(pi).isEnded();
    assertThat(agreementOf(pi).status()).isEqualTo(Status.CLOSED);
  }

  @Test
  void domesticCooperationOfARegencyIsVisibleToItsProvince() {
    ProcessInstance pi = submit("regency-3273", proposal("DALAM_NEGERI", "regency-3273", "32"));
    Agreement agreement = agreementOf(pi);
    assertThat(agreement.proposerProvince()).isEqualTo("province-32");
    assertThat(agreement.involvedGroups()).contains("regency-3273", "province-32");
    String key = pi.getBusinessKey();
    // a regency's proposal passes its province first
    assertThat(approve(key)).containsExactly(
        new ApprovalWalk.Step("UserTask_ReviewByProvince", "province-32"),
        new ApprovalWalk.Step("UserTask_DecideCentralApproval", "fasker"));
    // a Nota Kesepahaman, then the Perjanjian Kerja Sama
    Task signing = openTask(key, "UserTask_RecordNkSigning");
    assertThat(signing).hasCandidateGroup("regency-3273");
    assertThat(sign(key, "regency-3273", "PKS-12/2026", today(), LocalDate.of(2026, 12, 31)))
        .extracting(SigningWalk.Step::taskKey).containsExactly("UserTask_RecordNkSigning", "UserTask_RecordPksSigning");
    assertThat(agreementOf(pi).documentKind()).isEqualTo("PKS");
    walkCycle(key, "regency-3273", 4);
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    complete("fasker", task(key, "UserTask_DecideRenewal"), decision("END", "Selesai"));
    fire(key, LifecycleProcess.TIMER_AGREEMENT_ENDS);
    complete("regency-3273", task(key, "UserTask_SubmitFinalReport"),
        Map.of("finalReport", "Kerja sama pengelolaan sampah antarwilayah selesai."));
    assertThat(pi).isEnded().hasPassed(LifecycleProcess.END_CLOSED);
  }

  @Test
  void aRefusedProposalEndsItsLifecycleWithTheReasonAndKeepsItsRecord() {
    ProcessInstance pi = submit("province-51", proposal("LUAR_NEGERI", "province-51", "51"));
    // the DPRD and Kemlu come before Fasker's verification
    complete("province-51", openTask(pi.getBusinessKey(), "UserTask_RecordDprdApproval"),
        ApprovalWalk.approving("UserTask_RecordDprdApproval"));
    complete("ministry-kemlu", openTask(pi.getBusinessKey(), "UserTask_ConsultKemlu"),
        ApprovalWalk.approving("UserTask_ConsultKemlu"));
    Task review = openTask(pi.getBusinessKey(), "UserTask_ReviewByFasker");

    assertThatThrownBy(() -> complete("fasker", review, decision("REFUSED", " ")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Catatan wajib diisi");
    assertThat(openTask(pi.getBusinessKey(), "UserTask_ReviewByFasker")).isNotNull();

    complete("fasker", openTask(pi.getBusinessKey(), "UserTask_ReviewByFasker"),
        decision("REFUSED", "Tidak ada hubungan diplomatik dengan negara mitra"));
    assertThat(pi).isEnded().hasPassed(LifecycleProcess.END_NOT_APPROVED);
    Agreement refused = agreementOf(pi);
    assertThat(refused.status()).isEqualTo(Status.REFUSED);
    assertThat(refused.phase()).isEqualTo(Phase.CLOSED);
    assertThat(refused.statusReason()).isEqualTo(
        "Tidak lolos verifikasi Kemendagri (Fasker): Tidak ada hubungan diplomatik dengan negara mitra");
    assertThat(agreements.events(refused.id())).extracting(AgreementEvent::notes)
        .contains("Tidak ada hubungan diplomatik dengan negara mitra");
  }

  @Test
  void anUnknownDecisionIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance pi = submit("province-51", proposal("LUAR_NEGERI", "province-51", "51"));
    // the DPRD and Kemlu come before Fasker's verification
    complete("province-51", openTask(pi.getBusinessKey(), "UserTask_RecordDprdApproval"),
        ApprovalWalk.approving("UserTask_RecordDprdApproval"));
    complete("ministry-kemlu", openTask(pi.getBusinessKey(), "UserTask_ConsultKemlu"),
        ApprovalWalk.approving("UserTask_ConsultKemlu"));
    Task review = openTask(pi.getBusinessKey(), "UserTask_ReviewByFasker");
    assertThatThrownBy(() -> complete("fasker", review, decision("MAYBE", null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Keputusan 'MAYBE' tidak dikenal");
    assertThat(openTask(pi.getBusinessKey(), "UserTask_ReviewByFasker")).isNotNull();
  }

  @Test
  void anInvalidProposalIsRefusedWithEveryProblemAndWritesNothing() {
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM agreement", Integer.class);
    Map<String, Object> bad = proposal("ORMAS_ASING", "province-32", "99");
    bad.put(LifecycleProcess.FIELD_TITLE, "abc");
    bad.put(LifecycleProcess.FIELD_DURATION_MONTHS, 48L);
    bad.put(LifecycleProcess.FIELD_PROPOSED_START, "2020-01-01");

    assertThatThrownBy(() -> submit("province-32", bad))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsExactlyInAnyOrder(
            "Judul kerja sama minimal 5 karakter (sekarang 3)",
            "Kerja sama ormas asing diajukan oleh kementerian/lembaga mitra utama, bukan oleh Provinsi Jawa Barat",
            "Provinsi lokasi '99' tidak dikenal",
            "Rencana tanggal mulai tidak boleh sebelum hari ini (02/02/2026)",
            "Jangka waktu kerja sama ormas asing paling lama 36 bulan (izin prinsip berlaku paling lama 3 tahun)"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agreement", Integer.class)).isEqualTo(before);
  }

  @Test
  void nobodyProposesInTheNameOfAnotherUnit() {
    assertThatThrownBy(() -> submit("province-33", proposal("LUAR_NEGERI", "province-32", "32")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Anda bukan anggota unit pengusul Provinsi Jawa Barat");
  }

  @Test
  void faskerMayRegisterOnBehalfOfARegion() {
    ProcessInstance pi = submit("fasker", proposal("DALAM_NEGERI", "province-33", "33"));
    assertThat(agreementOf(pi).proposerUnit()).isEqualTo("province-33");
  }

  @Test
  void anMspBeyondThePrinciplePermitIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance pi = submit("ministry-kemensos", proposal("ORMAS_ASING", "ministry-kemensos", "53"));
    approveWithPermitUntil(pi.getBusinessKey(), today().plusMonths(30));
    long id = agreementOf(pi).id();
    documents.upload(id, DocumentKind.MSP_DRAFT, "rancangan.pdf", SigningTestData.PDF, "t-ministry-kemensos");
    complete("ministry-kemensos", openTask(pi.getBusinessKey(), "UserTask_DraftMsp"), decision(null, null));
    complete("ministry-kemensos", openTask(pi.getBusinessKey(), "UserTask_ReviewMspDraft"), decision("APPROVED", null));
    documents.upload(id, DocumentKind.MSP, "msp.pdf", SigningTestData.PDF, "t-ministry-kemensos");
    Task signing = openTask(pi.getBusinessKey(), "UserTask_RecordMspSigning");

    assertThatThrownBy(() -> complete("ministry-kemensos", signing, signing("MSP-1", 31)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("melewati masa berlaku izin prinsip (" + IndonesianFormat.date(today().plusMonths(30)) + ")");
    Map<String, Object> reversed = signing("MSP-1", 12);
    reversed.put("endDate", today().minusDays(1).toString());
    assertThatThrownBy(() -> complete("ministry-kemensos", signing, reversed))
        .hasMessageContaining("Tanggal berakhir harus sesudah tanggal mulai berlaku");
    assertThat(agreementOf(pi).documentNumber()).isNull();
    assertThat(openTask(pi.getBusinessKey(), "UserTask_RecordMspSigning")).isNotNull();
  }

  @Test
  void formValuesLeaveTheProcessOnlyIdsAndRoutingFactsStay() {
    ProcessInstance pi = submit("province-32", proposal("LUAR_NEGERI", "province-32", "32"));
    Map<String, Object> variables = processEngine.getRuntimeService().getVariables(pi.getId());
    // besides ids and routing facts only the Tasklist cards' display copies (server-set, protected)
    assertThat(variables).containsOnlyKeys("agreementId", "registrationNumber", "cooperationType", "proposerGroup",
        "proposerLevel", "provinceGroup", "partnerMinistryGroup", "burdensPublicOrOutsideBudget", "partnerRegionGroup",
        "cooperationTitle", "proposerName");
  }

  private Map<String, Object> signing(String number, int months) {
    Map<String, Object> v = new HashMap<>();
    v.put("documentNumber", number);
    v.put("signatories", "Kepala Daerah, Perwakilan Mitra");
    v.put("signedOn", today().toString());
    v.put("startDate", today().toString());
    v.put("endDate", today().plusMonths(months).toString());
    return v;
  }
}
