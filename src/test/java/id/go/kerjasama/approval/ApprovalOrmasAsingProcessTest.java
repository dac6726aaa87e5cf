package id.go.kerjasama.approval;

import id.go.kerjasama.platform.forms.IndonesianFormat;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_CHECK_FILE_COMPLETE;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_DECIDE_PRINCIPLE_PERMIT;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_RECOMMEND_PERMIT;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_REVISE_PROPOSAL;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_SUPPLY_CLARIFICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.platform.web.ForbiddenException;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementController;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.Status;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The TPOA track of processes/central-approval.bpmn: foreign-NGO cooperation (ORMAS_ASING). */
@ProcessTest
class ApprovalOrmasAsingProcessTest extends ApprovalTestSupport {

  static final String MINISTRY = "ministry-kemensos";
  static final List<String> SEATS = List.of("tpoa-kemlu", "tpoa-kemhan", "tpoa-kemendagri", "tpoa-kemenkeu",
      "tpoa-kemensetneg", "tpoa-polri", "tpoa-teknis");

  @Autowired
  AgreementController agreementApi;

  ProcessInstance submitNgoProposal() {
    return submit(MINISTRY, proposal("ORMAS_ASING", MINISTRY, "53"));
  }

  /** Checks the file as the partner ministry and returns the seats' recommendation tasks. */
  List<Task> distributeToTpoa(ProcessInstance pi) {
    decide(pi, TASK_CHECK_FILE_COMPLETE, MINISTRY, "COMPLETE", null);
    return recommendationTasks(pi);
  }

  List<Task> recommendationTasks(ProcessInstance pi) {
    return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
        .taskDefinitionKey(TASK_RECOMMEND_PERMIT).list();
  }

  void allSeatsAgree(ProcessInstance pi) {
    for (Task task : recommendationTasks(pi)) {
      complete(walk().candidateGroup(task), task, decision("NO_OBJECTION", null));
    }
  }

  Task seatTask(ProcessInstance pi, String seat) {
    return recommendationTasks(pi).stream().filter(t -> walk().candidateGroup(t).equals(seat)).findFirst()
        .orElseThrow();
  }

  Map<String, Object> grant(LocalDate validUntil) {
    return values("decision", "GRANTED", "validUntil", validUntil.toString());
  }

  @Test
  void everySeatWithoutObjectionThenTheCoordinatorGrantsThePrinciplePermit() {
    ProcessInstance pi = submitNgoProposal();
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.CENTRAL_APPROVAL);
    assertThat(openTaskKeys(pi)).containsExactly(TASK_CHECK_FILE_COMPLETE);
    // 5 working days from Monday 2 February 2026
    assertThat(task(pi, TASK_CHECK_FILE_COMPLETE, MINISTRY).getDueDate()).isEqualTo(closing(LocalDate.of(2026, 2, 9)));

    List<Task> recommendations = distributeToTpoa(pi);
    assertThat(recommendations).extracting(t -> walk().candidateGroup(t)).containsExactlyInAnyOrderElementsOf(SEATS);
    // each seat's task has its own due date: 10 working days, Imlek (16-17 February) skipped
    assertThat(recommendations).extracting(Task::getDueDate).containsOnly(closing(LocalDate.of(2026, 2, 18)));
    allSeatsAgree(pi);

    Task decide = task(pi, TASK_DECIDE_PRINCIPLE_PERMIT, "tpoa-kemlu");
    assertThat(decide.getDueDate()).isEqualTo(closing(LocalDate.of(2026, 2, 9)));
    LocalDate validUntil = today().plusYears(3);
    complete("tpoa-kemlu", decide, grant(validUntil));

    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(approvalInstanceId(pi)).singleResult().getEndActivityId())
        .isEqualTo(ApprovalProcess.END_APPROVED);
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "approvalOutcome")).isEqualTo("APPROVED");
    Agreement approved = agreementOf(pi);
    assertThat(approved.status()).isEqualTo(Status.APPROVED);
    assertThat(approved.phase()).isEqualTo(Phase.SIGNING);
    assertThat(pi).isWaitingAt(LifecycleProcess.CALL_SIGNING);

    PrinciplePermit permit = records.principlePermit(approved.id()).orElseThrow();
    assertThat(permit.validUntil()).isEqualTo(validUntil);
    assertThat(permit.decidedOn()).isEqualTo(today());
    assertThat(permit.decidedBy()).isEqualTo("t-tpoa-kemlu");
    assertThat(records.tpoaRecommendations(approved.id()))
        .extracting(TpoaRecommendation::round, TpoaRecommendation::recommendation)
        .containsOnly(tuple(1, "NO_OBJECTION")).hasSize(7);
    assertThat(records.tpoaRecommendations(approved.id())).extracting(TpoaRecommendation::seat)
        .containsExactlyInAnyOrderElementsOf(SEATS);

    List<AgreementEvent> timeline = timeline(pi);
    assertThat(timeline).extracting(AgreementEvent::activity).containsSubsequence("StartEvent_ProposalSubmitted",
        TASK_CHECK_FILE_COMPLETE, TASK_RECOMMEND_PERMIT, TASK_DECIDE_PRINCIPLE_PERMIT,
        ApprovalProcess.TASK_RECORD_APPROVAL);
    assertThat(timeline).filteredOn(e -> e.activity().equals(TASK_RECOMMEND_PERMIT))
        .extracting(AgreementEvent::actor).containsExactlyInAnyOrderElementsOf(SEATS.stream().map(s -> "t-" + s).toList());
    assertThat(timeline).filteredOn(e -> e.activity().equals(TASK_DECIDE_PRINCIPLE_PERMIT))
        .extracting(AgreementEvent::actor, AgreementEvent::outcome, AgreementEvent::phase)
        .containsExactly(tuple("t-tpoa-kemlu", "GRANTED", Phase.CENTRAL_APPROVAL));
    assertThat(timeline).filteredOn(e -> e.activity().equals(ApprovalProcess.TASK_RECORD_APPROVAL))
        .extracting(AgreementEvent::outcome, AgreementEvent::notes)
        .containsExactly(tuple("APPROVED", "Izin prinsip berlaku sampai " + validUntil));
  }

  @ParameterizedTest(name = "objection of {0}")
  @ValueSource(strings = {"tpoa-kemlu", "tpoa-kemhan", "tpoa-kemendagri", "tpoa-kemenkeu", "tpoa-kemensetneg",
      "tpoa-polri", "tpoa-teknis"})
  void aSingleObjectionOfAnySeatRefusesThePermit(String objecting) {
    ProcessInstance pi = submitNgoProposal();
    distributeToTpoa(pi);
    // two other seats have agreed already
    List<String> agreeing = SEATS.stream().filter(s -> !s.equals(objecting)).limit(2).toList();
    for (String seat : agreeing) {
      complete(seat, seatTask(pi, seat), decision("NO_OBJECTION", null));
    }
    Task objection = seatTask(pi, objecting);
    assertThatThrownBy(() -> complete(objecting, objection, decision("OBJECTION", null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Catatan wajib diisi");

    complete(objecting, seatTask(pi, objecting), decision("OBJECTION", "Kegiatan menyentuh wilayah perbatasan"));

    assertThat(recommendationTasks(pi)).as("the other seats' tasks are cancelled").isEmpty();
    assertThat(pi).isEnded().hasPassed(LifecycleProcess.END_NOT_APPROVED);
    Agreement refused = agreementOf(pi);
    assertThat(refused.status()).isEqualTo(Status.REFUSED);
    assertThat(refused.phase()).isEqualTo(Phase.CLOSED);
    assertThat(refused.statusReason())
        .isEqualTo("Keberatan anggota TPOA (" + nameOf(objecting) + "): Kegiatan menyentuh wilayah perbatasan");
    assertThat(records.principlePermit(refused.id())).isEmpty();
    assertThat(records.tpoaRecommendations(refused.id()))
        .extracting(TpoaRecommendation::seat, TpoaRecommendation::recommendation)
        .containsExactly(tuple(agreeing.get(0), "NO_OBJECTION"), tuple(agreeing.get(1), "NO_OBJECTION"),
            tuple(objecting, "OBJECTION"));
    assertThat(timeline(pi)).filteredOn(e -> e.phase() == Phase.CENTRAL_APPROVAL)
        .extracting(AgreementEvent::activity, AgreementEvent::actor, AgreementEvent::outcome)
        .containsSubsequence(tuple(TASK_RECOMMEND_PERMIT, "t-" + objecting, "OBJECTION"),
            tuple(ApprovalProcess.TASK_RECORD_REFUSAL, null, "REFUSED"));
  }

  private String nameOf(String seat) {
    return switch (seat) {
      case "tpoa-kemlu" -> "TPOA - Kementerian Luar Negeri (koordinator)";
      case "tpoa-kemhan" -> "TPOA - Kementerian Pertahanan";
      case "tpoa-kemendagri" -> "TPOA - Kementerian Dalam Negeri";
      case "tpoa-kemenkeu" -> "TPOA - Kementerian Keuangan";
      case "tpoa-kemensetneg" -> "TPOA - Kementerian Sekretariat Negara";
      case "tpoa-polri" -> "TPOA - Kepolisian Negara Republik Indonesia";
      default -> "TPOA - Kementerian teknis (mitra utama)";
    };
  }

  @Test
  void aClarificationGoesToThePartnerMinistryAndTpoaReviewsAgain() {
    ProcessInstance pi = submitNgoProposal();
    distributeToTpoa(pi);
    allSeatsAgree(pi);
    assertThatThrownBy(() -> decide(pi, TASK_DECIDE_PRINCIPLE_PERMIT, "tpoa-kemlu", "CLARIFICATION", null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Catatan wajib diisi");
    decide(pi, TASK_DECIDE_PRINCIPLE_PERMIT, "tpoa-kemlu", "CLARIFICATION", "Jelaskan sumber pendanaan program");

    Task clarification = task(pi, TASK_SUPPLY_CLARIFICATION, MINISTRY);
    assertThat(clarification.getDueDate()).isNotNull();
    assertThatThrownBy(() -> complete(MINISTRY, clarification, decision(null, " ")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Klarifikasi wajib diisi");
    complete(MINISTRY, clarification, decision(null, "Pendanaan dari hibah yayasan induk, rincian terlampir"));

    // a new round: every seat again
    assertThat(recommendationTasks(pi)).extracting(t -> walk().candidateGroup(t))
        .containsExactlyInAnyOrderElementsOf(SEATS);
    allSeatsAgree(pi);
    decide(pi, TASK_DECIDE_PRINCIPLE_PERMIT, "tpoa-kemlu", grant(today().plusYears(2)));

    long id = agreementId(pi);
    assertThat(agreementOf(pi).status()).isEqualTo(Status.APPROVED);
    assertThat(records.principlePermitDecisions(id)).extracting(PrinciplePermit::decision, PrinciplePermit::validUntil,
        PrinciplePermit::notes).containsExactly(tuple("CLARIFICATION", null, "Jelaskan sumber pendanaan program"),
        tuple("GRANTED", today().plusYears(2), null));
    assertThat(records.tpoaRecommendations(id)).extracting(TpoaRecommendation::round)
        .containsOnly(1, 2).hasSize(14);
    assertThat(timeline(pi)).filteredOn(e -> e.activity().equals(TASK_SUPPLY_CLARIFICATION))
        .extracting(AgreementEvent::actor, AgreementEvent::notes)
        .containsExactly(tuple("t-" + MINISTRY, "Pendanaan dari hibah yayasan induk, rincian terlampir"));
  }

  @Test
  void aPermitValidLongerThanThreeYearsIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance pi = submitNgoProposal();
    distributeToTpoa(pi);
    allSeatsAgree(pi);
    LocalDate latest = today().plusYears(3);

    assertThatThrownBy(() -> decide(pi, TASK_DECIDE_PRINCIPLE_PERMIT, "tpoa-kemlu", grant(latest.plusDays(1))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Izin prinsip berlaku paling lama 3 tahun sejak tanggal keputusan: paling lambat "
            + IndonesianFormat.date(latest) + ", bukan " + IndonesianFormat.date(latest.plusDays(1)));
    assertThatThrownBy(() -> decide(pi, TASK_DECIDE_PRINCIPLE_PERMIT, "tpoa-kemlu", decision("GRANTED", null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Izin prinsip berlaku sampai wajib diisi");
    assertThatThrownBy(() -> decide(pi, TASK_DECIDE_PRINCIPLE_PERMIT, "tpoa-kemlu", grant(today())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Izin prinsip berlaku sampai harus sesudah tanggal keputusan (" + IndonesianFormat.date(today()) + ")");
    assertThat(records.principlePermitDecisions(agreementId(pi))).isEmpty();
    assertThat(openTaskKeys(pi)).containsExactly(TASK_DECIDE_PRINCIPLE_PERMIT);

    decide(pi, TASK_DECIDE_PRINCIPLE_PERMIT, "tpoa-kemlu", grant(latest));
    assertThat(records.principlePermit(agreementId(pi))).get().extracting(PrinciplePermit::validUntil)
        .isEqualTo(latest);
  }

  @Test
  void theCoordinatorMayRefuseThePermit() {
    ProcessInstance pi = submitNgoProposal();
    distributeToTpoa(pi);
    allSeatsAgree(pi);
    decide(pi, TASK_DECIDE_PRINCIPLE_PERMIT, "tpoa-kemlu", "REFUSED", "Tidak sesuai prioritas nasional");

    assertThat(pi).isEnded().hasPassed(LifecycleProcess.END_NOT_APPROVED);
    Agreement refused = agreementOf(pi);
    assertThat(refused.status()).isEqualTo(Status.REFUSED);
    assertThat(refused.statusReason())
        .isEqualTo("Izin prinsip ditolak oleh koordinator TPOA: Tidak sesuai prioritas nasional");
    assertThat(records.principlePermitDecisions(refused.id())).extracting(PrinciplePermit::decision)
        .containsExactly("REFUSED");
    assertThat(records.principlePermit(refused.id())).isEmpty();
  }

  @Test
  void anIncompleteFileGoesBackToTheProposerAndIsCheckedAgain() {
    ProcessInstance pi = submitNgoProposal();
    decide(pi, TASK_CHECK_FILE_COMPLETE, MINISTRY, "RETURNED", "Anggaran dasar ormas belum dilampirkan");
    complete(MINISTRY, task(pi, TASK_REVISE_PROPOSAL, MINISTRY), decision(null, "Anggaran dasar dilampirkan"));
    assertThat(openTaskKeys(pi)).containsExactly(TASK_CHECK_FILE_COMPLETE);
    walk().approve(pi.getBusinessKey());
    assertThat(agreementOf(pi).status()).isEqualTo(Status.APPROVED);
  }

  @Test
  void aSeatMayReturnTheProposalWhichThenPassesTheWholeTrackAgain() {
    ProcessInstance pi = submitNgoProposal();
    distributeToTpoa(pi);
    complete("tpoa-kemenkeu", seatTask(pi, "tpoa-kemenkeu"), decision("NO_OBJECTION", null));
    complete("tpoa-polri", seatTask(pi, "tpoa-polri"), decision("RETURNED", "Lokasi kegiatan belum rinci"));

    assertThat(openTaskKeys(pi)).containsExactly(TASK_REVISE_PROPOSAL);
    complete(MINISTRY, task(pi, TASK_REVISE_PROPOSAL, MINISTRY), decision(null, "Lokasi dirinci per kabupaten"));
    List<ApprovalWalk.Step> steps = walk().approve(pi.getBusinessKey());
    assertThat(steps).extracting(ApprovalWalk.Step::taskKey).startsWith(TASK_CHECK_FILE_COMPLETE)
        .endsWith(TASK_DECIDE_PRINCIPLE_PERMIT).filteredOn(TASK_RECOMMEND_PERMIT::equals).hasSize(7);
    long id = agreementId(pi);
    assertThat(records.tpoaRecommendations(id)).extracting(TpoaRecommendation::round,
        TpoaRecommendation::seat, TpoaRecommendation::recommendation)
        .startsWith(tuple(1, "tpoa-kemenkeu", "NO_OBJECTION"), tuple(1, "tpoa-polri", "RETURNED"))
        .hasSize(9);
    assertThat(agreementOf(pi).status()).isEqualTo(Status.APPROVED);
  }

  @Test
  void tpoaMembersReadTheFileTheyReviewAndTheRegistryShowsThePermit() {
    ProcessInstance pi = submitNgoProposal();
    walk().approve(pi.getBusinessKey());
    long id = agreementId(pi);

    actAs("tpoa-polri");
    AgreementController.AgreementView view = agreementApi.get(id);
    actAsSystem();
    ApprovalDetails.View details = (ApprovalDetails.View) view.details().get("centralApproval");
    assertThat(details.principlePermit().validUntil()).isEqualTo(today().plusYears(3));
    assertThat(details.tpoaRecommendations()).hasSize(7)
        .anySatisfy(r -> assertThat(r.seatName()).isEqualTo("TPOA - Kepolisian Negara Republik Indonesia"));
    assertThat(view.timeline()).extracting(AgreementEvent::activity).contains(TASK_DECIDE_PRINCIPLE_PERMIT);

    actAs("province-11");
    assertThatThrownBy(() -> agreementApi.get(id)).isInstanceOf(ForbiddenException.class);
    actAsSystem();
  }
}
