package id.go.kerjasama.approval;

import static id.go.kerjasama.approval.ApprovalProcess.TASK_CONSULT_KEMLU;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_DECIDE_CENTRAL_APPROVAL;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_RECORD_DPRD_APPROVAL;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_REVIEW_BY_FASKER;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_REVIEW_BY_PROVINCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementController;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.Status;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The regional track of processes/central-approval.bpmn: a region's foreign
 * cooperation (LUAR_NEGERI) and domestic cooperation (DALAM_NEGERI), with the
 * steps the routing table switches on: province, Fasker review, Kemlu, DPRD.
 */
@ProcessTest
class ApprovalRegionalProcessTest extends ApprovalTestSupport {

  @Autowired
  AgreementController agreementApi;

  ProcessInstance domestic(String proposer, String province, boolean burdens) {
    Map<String, Object> form = proposal("DALAM_NEGERI", proposer, province);
    form.put(LifecycleProcess.FIELD_BURDENS_PUBLIC_OR_OUTSIDE_BUDGET, burdens);
    return submit(proposer, form);
  }

  Map<String, Object> dprdLetter(String decision, String number, LocalDate date, String notes) {
    Map<String, Object> v = decision(decision, notes);
    v.put("dprdLetterNumber", number);
    v.put("dprdLetterDate", date.toString());
    return v;
  }

  void assertApproved(ProcessInstance pi) {
    assertThat(openTaskKeys(pi)).isEmpty();
    assertThat(pi).isWaitingAt(LifecycleProcess.CALL_SIGNING);
    Agreement agreement = agreementOf(pi);
    assertThat(agreement.status()).isEqualTo(Status.APPROVED);
    assertThat(agreement.phase()).isEqualTo(Phase.SIGNING);
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "approvalOutcome")).isEqualTo("APPROVED");
  }

  @Test
  void aProvincesForeignCooperationRecordedBeforeKsdplNeedsItsDprdThenKemluAndFasker() {
    ProcessInstance pi = submit("province-32", proposal("LUAR_NEGERI", "province-32", "32"));
    // the phase holds ids and routing facts only (and the Tasklist cards' display copies, title and proposer):
    // the routing table's raw result stays inside its task
    assertThat(processEngine.getRuntimeService().getVariables(approvalInstanceId(pi))).containsOnlyKeys(
        "agreementId", "registrationNumber", "cooperationTitle", "proposerName", "cooperationType", "proposerGroup",
        "proposerLevel", "provinceGroup",
        "partnerMinistryGroup", "burdensPublicOrOutsideBudget", "partnerRegionGroup", "reviewTrack",
        "provinceReview", "faskerReview", "kemluConsultation", "dprdApproval", "tkksdReview", "foreignPreparation",
        "kesepakatanBersama", "mouDraftReview", "centralDecision", "faskerGroup", "decision", "notes")
        .containsEntry("reviewTrack", "REGIONAL").containsEntry("provinceReview", false)
        .containsEntry("kemluConsultation", true).containsEntry("dprdApproval", true)
        .containsEntry("faskerGroup", "fasker-kan").containsEntry("centralDecision", "FASKER");

    // due dates in working days from Monday 2 February 2026
    Task dprd = task(pi, TASK_RECORD_DPRD_APPROVAL, "province-32");
    // 30 working days: Imlek (16-17 February), Nyepi (18-19 March) and the Idulfitri leave (20-24 March) are skipped
    assertThat(dprd.getDueDate()).isEqualTo(closing(LocalDate.of(2026, 3, 25)));
    complete("province-32", dprd, dprdLetter("APPROVED", "170/45/DPRD/2026", LocalDate.of(2026, 1, 30), null));
    Task kemlu = task(pi, TASK_CONSULT_KEMLU, "ministry-kemlu");
    // 10 working days (16 and 17 February are Imlek holidays)
    assertThat(kemlu.getDueDate()).isEqualTo(closing(LocalDate.of(2026, 2, 18)));
    complete("ministry-kemlu", kemlu, decision("SUPPORTED", "Hubungan bilateral baik"));
    Task review = task(pi, TASK_REVIEW_BY_FASKER, "fasker");
    // Fasker's inter-country division is a candidate beside Fasker
    assertThat(walk().candidateGroups(review)).containsExactlyInAnyOrder("fasker", "fasker-kan");
    assertThat(review.getDueDate()).isEqualTo(closing(LocalDate.of(2026, 2, 18)));
    complete("fasker", review, withChecklist(decision("APPROVED", "Syarat terpenuhi"), TASK_REVIEW_BY_FASKER));
    Task decide = task(pi, TASK_DECIDE_CENTRAL_APPROVAL, "fasker");
    assertThat(decide.getDueDate()).isEqualTo(closing(LocalDate.of(2026, 2, 9)));
    complete("fasker", decide, decision("APPROVED", null));

    assertApproved(pi);
    long id = agreementId(pi);
    assertThat(records.dprdApprovals(id)).extracting(DprdApproval::regionGroup, DprdApproval::decision,
        DprdApproval::letterNumber, DprdApproval::letterDate, DprdApproval::recordedBy)
        .containsExactly(tuple("province-32", "APPROVED", "170/45/DPRD/2026", LocalDate.of(2026, 1, 30),
            "t-province-32"));
    assertThat(timeline(pi)).filteredOn(e -> e.phase() == Phase.CENTRAL_APPROVAL)
        .extracting(AgreementEvent::activity, AgreementEvent::actor, AgreementEvent::outcome)
        .containsExactly(
            tuple(TASK_RECORD_DPRD_APPROVAL, "t-province-32", "APPROVED"),
            tuple(TASK_CONSULT_KEMLU, "t-ministry-kemlu", "SUPPORTED"),
            tuple(TASK_REVIEW_BY_FASKER, "t-fasker", "APPROVED"),
            tuple(TASK_DECIDE_CENTRAL_APPROVAL, "t-fasker", "APPROVED"),
            tuple(ApprovalProcess.TASK_RECORD_APPROVAL, null, "APPROVED"));
    // the reviewer's checklist is in the timeline with the decision's notes
    assertThat(timeline(pi)).filteredOn(e -> TASK_REVIEW_BY_FASKER.equals(e.activity()))
        .extracting(AgreementEvent::notes).singleElement().asString()
        .startsWith("Syarat terpenuhi\nDaftar periksa - terpenuhi: Negara mitra memiliki hubungan diplomatik");
  }

  @Autowired
  ApprovalRouting routing;

  @Test
  void kemluNotSupportingReturnsTheProposalByDefaultOrStopsItWhenConfigured() {
    ProcessInstance returned = submit("province-32", proposal("LUAR_NEGERI", "province-32", "32"));
    decide(returned, TASK_RECORD_DPRD_APPROVAL, "province-32", ApprovalWalk.approving(TASK_RECORD_DPRD_APPROVAL));
    decide(returned, TASK_CONSULT_KEMLU, "ministry-kemlu", "NOT_SUPPORTED", "Negara mitra sedang dalam sengketa");
    // kerjasama.approval.kemlu-not-supported-outcome = RETURNED (default): back to the proposer with the reason
    assertThat(openTaskKeys(returned)).containsExactly(ApprovalProcess.TASK_REVISE_PROPOSAL);
    assertThat(timeline(returned)).extracting(AgreementEvent::activity, AgreementEvent::outcome, AgreementEvent::notes)
        .contains(tuple(TASK_CONSULT_KEMLU, "NOT_SUPPORTED", "Negara mitra sedang dalam sengketa"));

    String configured = routing.kemluNotSupportedOutcome();
    ReflectionTestUtils.setField(routing, "kemluNotSupportedOutcome", "REFUSED");
    try {
      ProcessInstance pi = submit("province-32", proposal("LUAR_NEGERI", "province-32", "32"));
      decide(pi, TASK_RECORD_DPRD_APPROVAL, "province-32", ApprovalWalk.approving(TASK_RECORD_DPRD_APPROVAL));
      decide(pi, TASK_CONSULT_KEMLU, "ministry-kemlu", "NOT_SUPPORTED", "Negara mitra sedang dalam sengketa perbatasan");
      assertThat(pi).isEnded().hasPassed(LifecycleProcess.END_NOT_APPROVED);
      assertThat(agreementOf(pi).status()).isEqualTo(Status.REFUSED);
      assertThat(agreementOf(pi).statusReason()).isEqualTo(
          "Kementerian Luar Negeri tidak mendukung kerja sama: Negara mitra sedang dalam sengketa perbatasan");
    } finally {
      ReflectionTestUtils.setField(routing, "kemluNotSupportedOutcome", configured);
    }
    assertThatThrownBy(() -> new ApprovalRouting("MAYBE", "REFUSED", null)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kemlu-not-supported-outcome harus RETURNED atau REFUSED");
    assertThatThrownBy(() -> new ApprovalRouting("RETURNED", "IGNORED", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("offer-declined-outcome harus RETURNED atau REFUSED");
  }

  Map<String, Object> withChecklist(Map<String, Object> values, String taskKey) {
    values.put("conditionsChecked", ApprovalWalk.CHECKLIST_OF_TASK.get(taskKey));
    return values;
  }

  @Test
  void aRegencysForeignCooperationPassesItsProvinceFirst() {
    ProcessInstance pi = submit("regency-3273", proposal("LUAR_NEGERI", "regency-3273", "32"));
    assertThat(walk().approve(pi.getBusinessKey())).containsExactly(
        new ApprovalWalk.Step(TASK_REVIEW_BY_PROVINCE, "province-32"),
        new ApprovalWalk.Step(TASK_RECORD_DPRD_APPROVAL, "regency-3273"),
        new ApprovalWalk.Step(TASK_CONSULT_KEMLU, "ministry-kemlu"),
        new ApprovalWalk.Step(TASK_REVIEW_BY_FASKER, "fasker"),
        new ApprovalWalk.Step(TASK_DECIDE_CENTRAL_APPROVAL, "fasker"));
    assertApproved(pi);
    assertThat(records.dprdApprovals(agreementId(pi))).extracting(DprdApproval::regionGroup)
        .containsExactly("regency-3273");
  }

  @Test
  void domesticCooperationOfAProvinceThatBurdensTheRegionNeedsItsDprd() {
    ProcessInstance pi = domestic("province-33", "33", true);
    assertThat(agreementOf(pi).burdensPublicOrOutsideBudget()).isTrue();
    assertThat(walk().approve(pi.getBusinessKey())).containsExactly(
        new ApprovalWalk.Step(TASK_RECORD_DPRD_APPROVAL, "province-33"),
        new ApprovalWalk.Step(TASK_DECIDE_CENTRAL_APPROVAL, "fasker"));
    assertApproved(pi);
  }

  @Test
  void domesticCooperationOfAProvinceWithinItsBudgetGoesStraightToFasker() {
    ProcessInstance pi = domestic("province-33", "33", false);
    assertThat(agreementOf(pi).burdensPublicOrOutsideBudget()).isFalse();
    assertThat(walk().approve(pi.getBusinessKey())).containsExactly(
        new ApprovalWalk.Step(TASK_DECIDE_CENTRAL_APPROVAL, "fasker"));
    assertApproved(pi);
    assertThat(records.dprdApprovals(agreementId(pi))).isEmpty();
  }

  @Test
  void domesticCooperationOfARegencyPassesItsProvinceWithAndWithoutDprd() {
    ProcessInstance burdening = domestic("regency-3374", "33", true);
    assertThat(walk().approve(burdening.getBusinessKey())).containsExactly(
        new ApprovalWalk.Step(TASK_REVIEW_BY_PROVINCE, "province-33"),
        new ApprovalWalk.Step(TASK_RECORD_DPRD_APPROVAL, "regency-3374"),
        new ApprovalWalk.Step(TASK_DECIDE_CENTRAL_APPROVAL, "fasker"));
    assertApproved(burdening);

    ProcessInstance budgeted = domestic("regency-3374", "33", false);
    assertThat(walk().approve(budgeted.getBusinessKey())).containsExactly(
        new ApprovalWalk.Step(TASK_REVIEW_BY_PROVINCE, "province-33"),
        new ApprovalWalk.Step(TASK_DECIDE_CENTRAL_APPROVAL, "fasker"));
    assertApproved(budgeted);
  }

  @Test
  void domesticCooperationOfKemendagriIsDecidedByFaskerAndNeverAsksForADprd() {
    ProcessInstance pi = domestic("ministry-kemendagri", "31", true);
    // the DPRD question belongs to regions; a ministry's answer is not kept
    assertThat(agreementOf(pi).burdensPublicOrOutsideBudget()).isTrue();
    assertThat(walk().approve(pi.getBusinessKey())).containsExactly(
        new ApprovalWalk.Step(TASK_DECIDE_CENTRAL_APPROVAL, "fasker"));
    assertApproved(pi);
  }

  @Test
  void theDprdRefusingEndsTheProposalWithItsLetterAsReason() {
    ProcessInstance pi = domestic("province-33", "33", true);
    decide(pi, TASK_RECORD_DPRD_APPROVAL, "province-33",
        dprdLetter("REFUSED", "170/9/DPRD/2026", LocalDate.of(2026, 1, 28), "Belum masuk APBD 2026"));

    assertThat(pi).isEnded().hasPassed(LifecycleProcess.END_NOT_APPROVED);
    Agreement refused = agreementOf(pi);
    assertThat(refused.status()).isEqualTo(Status.REFUSED);
    assertThat(refused.phase()).isEqualTo(Phase.CLOSED);
    assertThat(refused.statusReason()).isEqualTo(
        "DPRD tidak menyetujui kerja sama (surat nomor 170/9/DPRD/2026 tanggal 2026-01-28): Belum masuk APBD 2026");
  }

  @Test
  void aBadDprdLetterIsRefusedWithEveryProblemAndTheTaskStaysOpen() {
    ProcessInstance pi = domestic("province-33", "33", true);
    assertThatThrownBy(() -> decide(pi, TASK_RECORD_DPRD_APPROVAL, "province-33",
        dprdLetter("APPROVED", "#170?", today().plusDays(1), null)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsExactly(
            "Nomor surat DPRD tidak sesuai format yang diminta (Contoh: 170/123/DPRD/2026)",
            "Tanggal surat DPRD tidak boleh di masa depan"));
    assertThatThrownBy(() -> decide(pi, TASK_RECORD_DPRD_APPROVAL, "province-33", decision("APPROVED", null)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsExactly(
            "Nomor surat DPRD wajib diisi", "Tanggal surat DPRD wajib diisi"));
    assertThatThrownBy(() -> decide(pi, TASK_RECORD_DPRD_APPROVAL, "province-33",
        dprdLetter("REFUSED", "170/9/DPRD/2026", today(), null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Catatan wajib diisi");
    assertThat(records.dprdApprovals(agreementId(pi))).isEmpty();
    assertThat(openTaskKeys(pi)).containsExactly(TASK_RECORD_DPRD_APPROVAL);
  }

  @Test
  void faskerMayRefuseAtTheReviewOrAtTheDecision() {
    ProcessInstance atReview = submit("province-51", proposal("LUAR_NEGERI", "province-51", "51"));
    decide(atReview, TASK_RECORD_DPRD_APPROVAL, "province-51", ApprovalWalk.approving(TASK_RECORD_DPRD_APPROVAL));
    decide(atReview, TASK_CONSULT_KEMLU, "ministry-kemlu", ApprovalWalk.approving(TASK_CONSULT_KEMLU));
    decide(atReview, TASK_REVIEW_BY_FASKER, "fasker", "REFUSED", "Urusan bukan kewenangan daerah");
    assertThat(atReview).isEnded();
    assertThat(agreementOf(atReview).statusReason())
        .isEqualTo("Tidak lolos verifikasi Kemendagri (Fasker): Urusan bukan kewenangan daerah");
    assertThat(openTaskKeys(atReview)).isEmpty();

    ProcessInstance atDecision = domestic("province-52", "52", false);
    decide(atDecision, TASK_DECIDE_CENTRAL_APPROVAL, "fasker", "REFUSED", "Tumpang tindih dengan program pusat");
    assertThat(atDecision).isEnded().hasPassed(LifecycleProcess.END_NOT_APPROVED);
    Agreement refused = agreementOf(atDecision);
    assertThat(refused.status()).isEqualTo(Status.REFUSED);
    assertThat(refused.statusReason())
        .isEqualTo("Ditolak pada tahap \"Putuskan persetujuan pusat\": Tumpang tindih dengan program pusat");
    assertThat(timeline(atDecision)).extracting(AgreementEvent::activity, AgreementEvent::outcome)
        .endsWith(tuple(TASK_DECIDE_CENTRAL_APPROVAL, "REFUSED"),
            tuple(ApprovalProcess.TASK_RECORD_REFUSAL, "REFUSED"));
  }

  @Test
  void kemluReadsTheForeignCooperationItIsConsultedOnAndTheRegistryShowsTheDprdLetter() {
    ProcessInstance pi = submit("province-32", proposal("LUAR_NEGERI", "province-32", "32"));
    walk().approve(pi.getBusinessKey());
    long id = agreementId(pi);

    actAs("ministry-kemlu");
    AgreementController.AgreementView view = agreementApi.get(id);
    actAsSystem();
    ApprovalDetails.View details = (ApprovalDetails.View) view.details().get("centralApproval");
    assertThat(details.dprdApprovals()).extracting(DprdApproval::letterNumber).containsExactly("170/12/DPRD/2026");
    assertThat(details.principlePermit()).isNull();
    assertThat(view.timeline()).extracting(AgreementEvent::activity).contains(TASK_CONSULT_KEMLU,
        TASK_RECORD_DPRD_APPROVAL);
    assertThat(view.agreement().status()).isEqualTo(Status.APPROVED);
  }

  @Test
  void reviewTasksAreDueInWorkingDaysFromTheDayTheyOpen() {
    // Friday 13 February 2026: Monday 16 and Tuesday 17 are Imlek, so 5 working days end on Tuesday 24
    setClock(java.time.ZonedDateTime.of(2026, 2, 13, 10, 0, 0, 0, java.time.ZoneId.of("Asia/Jakarta"))
        .toInstant());
    ProcessInstance pi = domestic("province-33", "33", false);
    assertThat(task(pi, TASK_DECIDE_CENTRAL_APPROVAL, "fasker").getDueDate())
        .isEqualTo(closing(LocalDate.of(2026, 2, 24)));
  }
}
