package id.go.kerjasama.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.ProcessTestSupport;
import id.go.kerjasama.agreement.Agreement;
import id.go.kerjasama.agreement.AgreementEvent;
import id.go.kerjasama.agreement.AgreementService;
import id.go.kerjasama.agreement.Phase;
import id.go.kerjasama.agreement.Status;
import id.go.kerjasama.approval.ApprovalWalk;
import id.go.kerjasama.platform.web.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of processes/cooperation-lifecycle.bpmn, walked as the users of each role. */
@ProcessTest
class LifecycleProcessTest extends ProcessTestSupport {

  @Autowired
  AgreementService agreements;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void regionalForeignCooperationRunsFromProposalToClosureOverTwoTerms() {
    ProcessInstance pi = submit("province-32", proposal("LUAR_NEGERI", "province-32", "32"));
    String key = pi.getBusinessKey();
    assertThat(key).matches("KS-LN-2026-\\d{6}");
    Agreement agreement = agreementOf(pi);
    assertThat(agreement.phase()).isEqualTo(Phase.CENTRAL_APPROVAL);
    assertThat(agreement.createdBy()).isEqualTo("t-province-32");
    assertThat(pi).isWaitingAt(LifecycleProcess.CALL_CENTRAL_APPROVAL);

    // central approval of a province's foreign cooperation: Fasker, Kemlu, the province's DPRD, Fasker
    assertThat(approve(pi)).containsExactly(
        new ApprovalWalk.Step("UserTask_ReviewByFasker", "fasker"),
        new ApprovalWalk.Step("UserTask_ConsultKemlu", "ministry-kemlu"),
        new ApprovalWalk.Step("UserTask_RecordDprdApproval", "province-32"),
        new ApprovalWalk.Step("UserTask_DecideCentralApproval", "fasker"));

    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.SIGNING);
    assertThat(agreementOf(pi).status()).isEqualTo(Status.APPROVED);
    Task signing = openTask(key, "UserTask_RecordSigning");
    assertThat(signing).hasCandidateGroup("province-32");
    complete("province-32", signing, signing("MOU-001/2026", 24));
    Agreement signed = agreementOf(pi);
    assertThat(signed.status()).isEqualTo(Status.ACTIVE);
    assertThat(signed.documentKind()).isEqualTo("MOU");
    assertThat(signed.documentNumber()).isEqualTo("MOU-001/2026");
    assertThat(signed.endDate()).isEqualTo(today().plusMonths(24));

    walkImplementation(pi, "province-32", "CONTINUE");
    Task renewal = openTask(key, "UserTask_DecideRenewal");
    assertThat(renewal).hasCandidateGroup("fasker");
    complete("fasker", renewal, decision("EXTEND", null));

    // second term: signing again
    assertThat(agreementOf(pi).term()).isEqualTo(2);
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.SIGNING);
    complete("province-32", openTask(key, "UserTask_RecordSigning"), signing("MOU-002/2028", 12));
    walkImplementation(pi, "province-32", "DO_NOT_EXTEND");
    complete("fasker", openTask(key, "UserTask_DecideRenewal"), decision("END", "Program selesai"));

    assertThat(pi).isEnded().hasPassed(LifecycleProcess.END_CLOSED);
    Agreement closed = agreementOf(pi);
    assertThat(closed.phase()).isEqualTo(Phase.CLOSED);
    assertThat(closed.status()).isEqualTo(Status.CLOSED);
    List<AgreementEvent> timeline = agreements.events(closed.id());
    assertThat(timeline).extracting(AgreementEvent::activity).startsWith(
        "StartEvent_ProposalSubmitted", "UserTask_ReviewByFasker", "UserTask_ConsultKemlu",
        "UserTask_RecordDprdApproval", "UserTask_DecideCentralApproval", "ServiceTask_RecordApproval",
        "UserTask_RecordSigning");
    assertThat(timeline).filteredOn(e -> e.activity().equals("UserTask_DecideRenewal"))
        .extracting(AgreementEvent::outcome, AgreementEvent::actor, AgreementEvent::notes)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("EXTEND", "t-fasker", null),
            org.assertj.core.groups.Tuple.tuple("END", "t-fasker", "Program selesai"));
  }

  @Test
  void foreignNgoCooperationIsReviewedByTpoaAndSignedByThePartnerMinistry() {
    ProcessInstance pi = submit("ministry-kemensos", proposal("ORMAS_ASING", "ministry-kemensos", "53", "52"));
    String key = pi.getBusinessKey();
    assertThat(key).startsWith("KS-OA-");
    assertThat(agreementOf(pi).partnerMinistry()).isEqualTo("ministry-kemensos");

    // the partner ministry checks the file, every TPOA seat recommends, the coordinator grants the permit
    List<ApprovalWalk.Step> steps = approve(pi);
    assertThat(steps).first().isEqualTo(new ApprovalWalk.Step("UserTask_CheckFileComplete", "ministry-kemensos"));
    assertThat(steps).last().isEqualTo(new ApprovalWalk.Step("UserTask_DecidePrinciplePermit", "tpoa-kemlu"));
    assertThat(steps).filteredOn(s -> s.taskKey().equals("UserTask_RecommendPermit")).hasSize(7);
    Task signing = openTask(key, "UserTask_RecordSigning");
    assertThat(signing).hasCandidateGroup("ministry-kemensos");
    complete("ministry-kemensos", signing, signing("MSP-07/2026", 36));
    assertThat(agreementOf(pi).documentKind()).isEqualTo("MSP");

    walkImplementation(pi, "ministry-kemensos", "CONTINUE");
    Task renewal = openTask(key, "UserTask_DecideRenewal");
    assertThat(renewal).hasCandidateGroup("ministry-kemensos");
    complete("ministry-kemensos", renewal, decision("END", "Izin prinsip tidak diperpanjang"));
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
    assertThat(approve(pi)).containsExactly(
        new ApprovalWalk.Step("UserTask_ReviewByProvince", "province-32"),
        new ApprovalWalk.Step("UserTask_DecideCentralApproval", "fasker"));
    Task signing = openTask(key, "UserTask_RecordSigning");
    assertThat(signing).hasCandidateGroup("regency-3273");
    complete("regency-3273", signing, signing("PKS-12/2026", 60));
    assertThat(agreementOf(pi).documentKind()).isEqualTo("PKS");
    walkImplementation(pi, "regency-3273", "CONTINUE");
    complete("fasker", openTask(key, "UserTask_DecideRenewal"), decision("END", "Selesai"));
    assertThat(pi).isEnded().hasPassed(LifecycleProcess.END_CLOSED);
  }

  @Test
  void aRefusedProposalEndsItsLifecycleWithTheReasonAndKeepsItsRecord() {
    ProcessInstance pi = submit("province-51", proposal("LUAR_NEGERI", "province-51", "51"));
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
        "Ditolak pada tahap \"Tinjau usulan kerja sama\": Tidak ada hubungan diplomatik dengan negara mitra");
    assertThat(agreements.events(refused.id())).extracting(AgreementEvent::notes)
        .contains("Tidak ada hubungan diplomatik dengan negara mitra");
  }

  @Test
  void anUnknownDecisionIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance pi = submit("province-51", proposal("LUAR_NEGERI", "province-51", "51"));
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
            "Judul kerja sama harus 5 sampai 300 karakter (sekarang 3)",
            "Kerja sama ormas asing diajukan oleh kementerian/lembaga mitra utama, bukan oleh Provinsi Jawa Barat",
            "Provinsi lokasi '99' tidak dikenal",
            "Rencana tanggal mulai tidak boleh sebelum hari ini (2026-02-02)",
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
  void signingBeyondTheMaximumTermIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance pi = submit("ministry-kemensos", proposal("ORMAS_ASING", "ministry-kemensos", "53"));
    approve(pi);
    Task signing = openTask(pi.getBusinessKey(), "UserTask_RecordSigning");

    assertThatThrownBy(() -> complete("ministry-kemensos", signing, signing("MSP-1", 37)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Jangka waktu paling lama 36 bulan");
    Map<String, Object> reversed = signing("MSP-1", 12);
    reversed.put("endDate", today().minusDays(1).toString());
    assertThatThrownBy(() -> complete("ministry-kemensos", signing, reversed))
        .hasMessageContaining("Tanggal berakhir harus sesudah tanggal mulai berlaku");
    assertThat(agreementOf(pi).documentNumber()).isNull();
    assertThat(openTask(pi.getBusinessKey(), "UserTask_RecordSigning")).isNotNull();
  }

  @Test
  void formValuesLeaveTheProcessOnlyIdsAndRoutingFactsStay() {
    ProcessInstance pi = submit("province-32", proposal("LUAR_NEGERI", "province-32", "32"));
    Map<String, Object> variables = processEngine.getRuntimeService().getVariables(pi.getId());
    assertThat(variables).containsOnlyKeys("agreementId", "registrationNumber", "cooperationType", "proposerGroup",
        "proposerLevel", "provinceGroup", "partnerMinistryGroup", "burdensPublicOrOutsideBudget");
  }

  /** Central approval along the proposal's route, approving every step (see ApprovalWalk). */
  private List<ApprovalWalk.Step> approve(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(LifecycleProcess.CALL_CENTRAL_APPROVAL);
    return new ApprovalWalk(processEngine, this::complete).approve(pi.getBusinessKey());
  }

  private void walkImplementation(ProcessInstance pi, String implementer, String evaluation) {
    String key = pi.getBusinessKey();
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.WORK_PLAN);
    Task draft = openTask(key, "UserTask_DraftWorkPlan");
    assertThat(draft).hasCandidateGroup(implementer);
    complete(implementer, draft, workPlan("Rencana kerja tahun pertama"));
    reviewWorkPlan(key);
    complete("fasker", openTask(key, "UserTask_VerifyWorkPlan"), decision("RETURNED", "Anggaran belum rinci"));
    complete(implementer, openTask(key, "UserTask_DraftWorkPlan"), workPlan("Rencana kerja dengan anggaran rinci"));
    reviewWorkPlan(key);
    complete("fasker", openTask(key, "UserTask_VerifyWorkPlan"), decision("APPROVED", null));

    // two semester reports (the second is the annual report); the first needs a follow-up
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.MONITORING);
    for (int semester = 1; semester <= 2; semester++) {
      complete(implementer, openTask(key, "UserTask_SubmitProgressReport"), report("Capaian semester " + semester));
      completeEach(key, "UserTask_VerifyProgressReport", decision("VERIFIED", null));
      if (semester == 1) {
        complete("fasker", openTask(key, "UserTask_ReviewProgressReport"), decision("FOLLOW_UP", "Lengkapi data manfaat"));
        complete(implementer, openTask(key, "UserTask_SubmitProgressReport"), report("Capaian 60%, manfaat"));
        completeEach(key, "UserTask_VerifyProgressReport", decision("VERIFIED", null));
      }
      complete("fasker", openTask(key, "UserTask_ReviewProgressReport"), decision("ACCEPTED", null));
    }

    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.EVALUATION);
    complete("fasker", openTask(key, "UserTask_EvaluateCooperation"),
        decision(evaluation, evaluation.equals("CONTINUE") ? null : "Catatan evaluasi"));
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.RENEWAL);
  }

  /** The location provinces (in parallel) and the partner ministry, if the agreement has them. */
  private void reviewWorkPlan(String key) {
    completeEach(key, "UserTask_ReviewWorkPlanProvince", decision("APPROVED", null));
    completeEach(key, "UserTask_ReviewWorkPlanPartnerMinistry", decision("APPROVED", null));
  }

  /** Completes every open task with that key, each as a member of its candidate group. */
  private void completeEach(String key, String taskKey, Map<String, Object> values) {
    for (Task task : processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(taskKey).list()) {
      String group = processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> l.getGroupId() != null).findFirst().orElseThrow().getGroupId();
      complete(group, task, values);
    }
  }

  private Map<String, Object> workPlan(String objectives) {
    int year = today().getYear();
    Map<String, Object> v = new HashMap<>();
    v.put("objectives", objectives);
    v.put("targets", "Target terukur untuk tahun " + year);
    v.put("activities", "Pelatihan dan pendampingan teknis");
    v.put("budgetAmount", 500_000_000L);
    v.put("budgetCurrency", "IDR");
    v.put("planStart", year + "-01-01");
    v.put("planEnd", year + "-12-31");
    v.put("schedule", "Sepanjang tahun anggaran");
    v.put("reportFrequency", "SEMESTER");
    v.put("masterPlanReference", "RIK-01/" + year);
    return v;
  }

  private static Map<String, Object> report(String achievements) {
    Map<String, Object> v = new HashMap<>();
    v.put("achievements", achievements);
    v.put("obstacles", "Tidak ada");
    v.put("challenges", "Koordinasi lintas daerah");
    v.put("benefits", "Kapasitas aparatur meningkat");
    v.put("budgetRealised", 125_000_000L);
    v.put("budgetCurrency", "IDR");
    return v;
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

  private Agreement agreementOf(ProcessInstance pi) {
    return agreements.get(((Number) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("agreementId").singleResult().getValue()).longValue());
  }
}
