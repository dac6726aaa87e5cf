package id.go.kerjasama.signing;

import id.go.kerjasama.platform.forms.IndonesianFormat;
import static id.go.kerjasama.signing.SigningTestData.PDF;
import static id.go.kerjasama.signing.SigningTestData.pdf;
import static id.go.kerjasama.signing.SigningTestData.signing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.ProcessTestSupport;
import id.go.kerjasama.documents.DocumentService;
import id.go.kerjasama.platform.calendar.WorkingDayCalendar;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementQuery;
import id.go.kerjasama.registry.AgreementSearch;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.AgreementSummary;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.DocumentKind;
import id.go.kerjasama.registry.NewProposal;
import id.go.kerjasama.registry.ProcessVariables;
import id.go.kerjasama.registry.Status;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of processes/agreement-signing.bpmn, with its date limits and document checks. */
@ProcessTest
class AgreementSigningProcessTest extends ProcessTestSupport {

  @Autowired
  AgreementService agreements;
  @Autowired
  DocumentService documents;
  @Autowired
  SigningRepository signings;
  @Autowired
  AgreementSearch search;
  @Autowired
  WorkingDayCalendar workingDays;
  @Autowired
  JdbcTemplate jdbc;

  // ---------------------------------------------------------------- ORMAS_ASING: MSP

  @Test
  void anMspIsDraftedReviewedByTheLegalBureauAndSignedWithinThePrinciplePermit() {
    Agreement agreement = register(CooperationType.ORMAS_ASING, "ministry-kemensos", null, "ministry-kemensos");
    grantPermit(agreement.id(), today().plusMonths(30));
    ProcessInstance pi = startSigning(agreement);
    String key = agreement.registrationNumber();

    Task draft = openTask(key, SigningProcess.TASK_DRAFT_MSP);
    assertThat(draft).hasCandidateGroup("ministry-kemensos");
    assertThatThrownBy(() -> complete("ministry-kemensos", draft, decision(null, "Rancangan pertama")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Dokumen Rancangan Memorandum Saling Pengertian belum diunggah");
    upload(agreement, DocumentKind.MSP_DRAFT, pdf("rancangan 1"));
    complete("ministry-kemensos", openTask(key, SigningProcess.TASK_DRAFT_MSP), decision(null, "Rancangan pertama"));

    Task review = openTask(key, SigningProcess.TASK_REVIEW_MSP_DRAFT);
    assertThat(review).hasCandidateGroup("ministry-kemensos");
    assertThatThrownBy(() -> complete("ministry-kemensos", review, decision("RETURNED", null)))
        .hasMessageContaining("Catatan wajib diisi");
    complete("ministry-kemensos", openTask(key, SigningProcess.TASK_REVIEW_MSP_DRAFT),
        decision("RETURNED", "Pasal pendanaan belum sesuai PP 59/2016"));
    assertThat(pi).isWaitingAt(SigningProcess.TASK_DRAFT_MSP);
    upload(agreement, DocumentKind.MSP_DRAFT, pdf("rancangan 2"));
    complete("ministry-kemensos", openTask(key, SigningProcess.TASK_DRAFT_MSP), decision(null, "Pasal pendanaan diperbaiki"));
    complete("ministry-kemensos", openTask(key, SigningProcess.TASK_REVIEW_MSP_DRAFT), decision("APPROVED", null));

    Task record = openTask(key, SigningProcess.TASK_RECORD_MSP);
    assertThat(record).hasCandidateGroup("ministry-kemensos");
    assertThatThrownBy(() -> complete("ministry-kemensos", record, signing("MSP-01/2026", today(), 24)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Dokumen Memorandum Saling Pengertian (MSP) yang telah ditandatangani belum diunggah");
    upload(agreement, DocumentKind.MSP, PDF);
    // the permit ends after 30 months: an MSP of 31 months is refused, server-side
    assertThatThrownBy(() -> complete("ministry-kemensos", openTask(key, SigningProcess.TASK_RECORD_MSP),
        signing("MSP-01/2026", today(), 31)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Tanggal berakhir MSP (" + IndonesianFormat.date(today().plusMonths(31))
            + ") melewati masa berlaku izin prinsip (" + IndonesianFormat.date(today().plusMonths(30)) + ")");
    assertThat(agreements.get(agreement.id()).documentNumber()).isNull();

    complete("ministry-kemensos", openTask(key, SigningProcess.TASK_RECORD_MSP), signing("MSP-01/2026", today(), 30));
    assertThat(pi).isEnded().hasPassed(SigningProcess.END_SIGNED);
    Agreement signed = agreements.get(agreement.id());
    assertThat(signed.documentKind()).isEqualTo("MSP");
    assertThat(signed.documentNumber()).isEqualTo("MSP-01/2026");
    assertThat(signed.status()).isEqualTo(Status.ACTIVE);
    assertThat(signed.endDate()).isEqualTo(today().plusMonths(30));
    assertThat(signings.history(agreement.id())).extracting(SigningRecord::documentKind, SigningRecord::source)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(DocumentKind.MSP, "TASK"));
    assertThat(documents.documents(agreement.id())).filteredOn(d -> d.kind() == DocumentKind.MSP_DRAFT)
        .singleElement().satisfies(d -> assertThat(d.versions()).hasSize(2));
    assertThat(processEngine.getRuntimeService().createVariableInstanceQuery()
        .processInstanceIdIn(pi.getId()).variableName("documentNumber").count()).isZero();
  }

  @Test
  void withoutARecordedPermitAnMspRunsAtMostThreeYears() {
    Agreement agreement = register(CooperationType.ORMAS_ASING, "ministry-kemenkes", null, "ministry-kemenkes");
    startSigning(agreement);
    String key = agreement.registrationNumber();
    upload(agreement, DocumentKind.MSP_DRAFT, PDF);
    complete("ministry-kemenkes", openTask(key, SigningProcess.TASK_DRAFT_MSP), decision(null, null));
    complete("ministry-kemenkes", openTask(key, SigningProcess.TASK_REVIEW_MSP_DRAFT), decision("APPROVED", null));
    upload(agreement, DocumentKind.MSP, PDF);
    assertThatThrownBy(() -> complete("ministry-kemenkes", openTask(key, SigningProcess.TASK_RECORD_MSP),
        signing("MSP-9", today(), 37)))
        .hasMessageContaining("MSP berlaku paling lama 36 bulan");
    Map<String, Object> reversed = signing("MSP-9", today(), 12);
    reversed.put("endDate", today().minusDays(1).toString());
    reversed.put("signedOn", today().plusDays(1).toString());
    assertThatThrownBy(() -> complete("ministry-kemenkes", openTask(key, SigningProcess.TASK_RECORD_MSP), reversed))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsExactly(
            "Tanggal penandatanganan tidak boleh di masa depan",
            "Tanggal berakhir harus sesudah tanggal mulai berlaku"));
    complete("ministry-kemenkes", openTask(key, SigningProcess.TASK_RECORD_MSP), signing("MSP-9", today(), 36));
    assertThat(agreements.get(agreement.id()).status()).isEqualTo(Status.ACTIVE);
  }

  // ---------------------------------------------------------------- LUAR_NEGERI: LoI, then MoU

  @Test
  void aLoiStaysVisibleAsSuchAndItsRegionGetsAFollowUpTaskToRaiseItToAnMou() {
    Agreement agreement = register(CooperationType.LUAR_NEGERI, "province-32", "province-32", null);
    ProcessInstance pi = startSigning(agreement);
    String key = agreement.registrationNumber();

    Task loi = openTask(key, SigningProcess.TASK_RECORD_LOI);
    assertThat(loi).hasCandidateGroup("province-32");
    assertThatThrownBy(() -> complete("province-32", loi, signing("LOI-5/2026", today(), 12)))
        .hasMessageContaining("Dokumen Letter of Intent (LoI) yang telah ditandatangani belum diunggah");
    upload(agreement, DocumentKind.LOI, PDF);
    complete("province-32", openTask(key, SigningProcess.TASK_RECORD_LOI), signing("LOI-5/2026", today(), 12));

    Agreement atLoi = agreements.get(agreement.id());
    assertThat(atLoi.documentKind()).isEqualTo("LOI");
    assertThat(atLoi.documentNumber()).isEqualTo("LOI-5/2026");
    assertThat(atLoi.status()).as("a LoI obliges nothing yet").isEqualTo(Status.IN_REVIEW);
    AgreementQuery loiOnly = new AgreementQuery(null, null, null, "32", null, null, null, null, null,
        List.of(DocumentKind.LOI), null, null, null, null);
    assertThat(search.page(loiOnly, null, 0, 200).items()).extracting(AgreementSummary::registrationNumber)
        .contains(key);

    Task followUp = openTask(key, SigningProcess.TASK_RAISE_LOI_TO_MOU);
    assertThat(followUp).hasCandidateGroup("province-32");
    assertThat(followUp.getName()).isEqualTo("Tingkatkan LoI menjadi MoU");
    assertThat(followUp.getDueDate()).isEqualTo(workingDays.dueIn(60));

    upload(agreement, DocumentKind.MOU, PDF);
    Map<String, Object> early = signing("MOU-7/2026", today(), 24);
    early.put("signedOn", today().minusDays(3).toString());
    assertThatThrownBy(() -> complete("province-32", followUp, early))
        .hasMessageContaining("Memorandum of Understanding (MoU) tidak dapat ditandatangani sebelum Letter of Intent (LoI)");
    setClock(DEFAULT_NOW.plus(java.time.Duration.ofDays(20)));
    complete("province-32", openTask(key, SigningProcess.TASK_RAISE_LOI_TO_MOU), signing("MOU-7/2026", today(), 24));

    assertThat(pi).isEnded().hasPassed(SigningProcess.TASK_RECORD_LOI, SigningProcess.TASK_RAISE_LOI_TO_MOU);
    Agreement atMou = agreements.get(agreement.id());
    assertThat(atMou.documentKind()).isEqualTo("MOU");
    assertThat(atMou.status()).as("an MoU obliges its activities").isEqualTo(Status.ACTIVE);
    assertThat(signings.history(agreement.id())).extracting(SigningRecord::documentKind)
        .containsExactly(DocumentKind.LOI, DocumentKind.MOU);
    assertThat(search.page(loiOnly, null, 0, 200).items()).extracting(AgreementSummary::registrationNumber)
        .doesNotContain(key);
  }

  @Test
  void aLaterTermOfAForeignCooperationSignsANewMouDirectly() {
    Agreement agreement = register(CooperationType.LUAR_NEGERI, "regency-3273", "province-32", null);
    agreements.startNextTerm(agreement.id());
    ProcessInstance pi = startSigning(agreements.get(agreement.id()));
    String key = agreement.registrationNumber();
    Task mou = openTask(key, SigningProcess.TASK_RECORD_MOU);
    assertThat(mou).hasCandidateGroup("regency-3273");
    assertThat(mou.getDueDate()).isNull();
    upload(agreement, DocumentKind.MOU, PDF);
    complete("regency-3273", mou, signing("MOU-II/2026", today(), 36));
    assertThat(pi).isEnded().hasPassed(SigningProcess.TASK_RECORD_MOU).hasNotPassed(SigningProcess.TASK_RECORD_LOI);
    assertThat(signings.history(agreement.id())).extracting(SigningRecord::term).containsExactly(2);
  }

  @Test
  void anAgreementWithASignedLoiStartsSigningAtTheFollowUp() {
    Agreement agreement = register(CooperationType.LUAR_NEGERI, "province-51", "province-51", null);
    signings.insert(agreement.id(), 1, DocumentKind.LOI, "LOI-LAMA", null, today().minusMonths(2),
        today().minusMonths(2), today().plusMonths(10), SigningRecord.SOURCE_IMPORT, "admin");
    ProcessInstance pi = startSigning(agreement);
    assertThat(pi).isWaitingAt(SigningProcess.TASK_RAISE_LOI_TO_MOU);
  }

  // ---------------------------------------------------------------- DALAM_NEGERI: NK, then PKS

  @Test
  void aDomesticCooperationSignsANotaKesepahamanThenAPksOfAtMostFiveYears() {
    Agreement agreement = register(CooperationType.DALAM_NEGERI, "regency-3578", "province-35", null);
    ProcessInstance pi = startSigning(agreement);
    String key = agreement.registrationNumber();

    Task nk = openTask(key, SigningProcess.TASK_RECORD_NK);
    assertThat(nk).hasCandidateGroup("regency-3578");
    upload(agreement, DocumentKind.NK, PDF);
    complete("regency-3578", nk, signing("NK-3/2026", today(), 60));
    assertThat(agreements.get(agreement.id()).documentKind()).isEqualTo("NK");

    Task pks = openTask(key, SigningProcess.TASK_RECORD_PKS);
    assertThat(pks).hasCandidateGroup("regency-3578");
    assertThatThrownBy(() -> complete("regency-3578", pks, signing("PKS-3/2026", today(), 24)))
        .hasMessageContaining("Dokumen Perjanjian Kerja Sama (PKS) yang telah ditandatangani belum diunggah");
    upload(agreement, DocumentKind.PKS, PDF);
    Map<String, Object> tooLong = signing("PKS-3/2026", today(), 60);
    tooLong.put("endDate", today().plusYears(5).plusDays(1).toString());
    assertThatThrownBy(() -> complete("regency-3578", openTask(key, SigningProcess.TASK_RECORD_PKS), tooLong))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Perjanjian Kerja Sama berlaku paling lama 5 tahun; tanggal berakhir paling lambat "
            + IndonesianFormat.date(today().plusYears(5)));
    complete("regency-3578", openTask(key, SigningProcess.TASK_RECORD_PKS), signing("PKS-3/2026", today(), 60));

    assertThat(pi).isEnded().hasPassed(SigningProcess.TASK_RECORD_NK, SigningProcess.TASK_RECORD_PKS);
    Agreement signed = agreements.get(agreement.id());
    assertThat(signed.documentKind()).isEqualTo("PKS");
    assertThat(signed.status()).isEqualTo(Status.ACTIVE);
    assertThat(signings.history(agreement.id())).extracting(SigningRecord::documentKind)
        .containsExactly(DocumentKind.NK, DocumentKind.PKS);
  }

  @Test
  void anAgreementWithASignedNotaKesepahamanStartsSigningAtThePks() {
    Agreement agreement = register(CooperationType.DALAM_NEGERI, "province-33", "province-33", null);
    signings.insert(agreement.id(), 1, DocumentKind.NK, "NK-LAMA", null, today().minusYears(1),
        today().minusYears(1), today().plusYears(2), SigningRecord.SOURCE_IMPORT, "admin");
    assertThat(startSigning(agreement)).isWaitingAt(SigningProcess.TASK_RECORD_PKS);
  }

  // ---------------------------------------------------------------- helpers

  private Agreement register(CooperationType type, String proposer, String province, String partnerMinistry) {
    NewProposal proposal = SigningTestData.proposal(type, proposer, province, partnerMinistry, today());
    return agreements.register(proposal, userOf(proposer), null);
  }

  private ProcessInstance startSigning(Agreement agreement) {
    Map<String, Object> v = new HashMap<>();
    v.put(ProcessVariables.AGREEMENT_ID, agreement.id());
    v.put(ProcessVariables.REGISTRATION_NUMBER, agreement.registrationNumber());
    v.put(ProcessVariables.COOPERATION_TYPE, agreement.type().name());
    v.put(ProcessVariables.PROPOSER_GROUP, agreement.proposerUnit());
    v.put(ProcessVariables.PROVINCE_GROUP, agreement.proposerProvince());
    v.put(ProcessVariables.PARTNER_MINISTRY_GROUP, agreement.partnerMinistry());
    return processEngine.getRuntimeService().startProcessInstanceByKey(SigningProcess.PROCESS_KEY,
        agreement.registrationNumber(), v);
  }

  private void upload(Agreement agreement, DocumentKind kind, byte[] content) {
    documents.upload(agreement.id(), kind, kind.name().toLowerCase() + ".pdf", content, "t-uploader");
  }

  /** Records a granted principle permit in central approval's table, as its coordinator's decision would. */
  private void grantPermit(long agreementId, LocalDate validUntil) {
    jdbc.update("INSERT INTO principle_permit (agreement_id, decision, decided_on, valid_until, decided_by, recorded_at)"
            + " VALUES (?, 'GRANTED', ?, ?, 't-tpoa-kemlu', ?)", agreementId, Date.valueOf(today()),
        Date.valueOf(validUntil), Timestamp.from(java.time.Instant.now()));
  }
}
