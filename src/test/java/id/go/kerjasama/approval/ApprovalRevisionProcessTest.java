package id.go.kerjasama.approval;

import static id.go.kerjasama.approval.ApprovalProcess.TASK_RECORD_DPRD_APPROVAL;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_DECIDE_CENTRAL_APPROVAL;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_REVISE_PROPOSAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.Status;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The revision loop of processes/central-approval.bpmn: a reviewer returns
 * the proposal, the proposer revises it within the configured working days
 * and the route starts again, or the revision timer fires and the proposal
 * lapses. (The TPOA track's returns are in ApprovalOrmasAsingProcessTest.)
 */
@ProcessTest
class ApprovalRevisionProcessTest extends ApprovalTestSupport {

  /** 10 working days (kerjasama.approval.revision-working-days) after Monday 2 February 2026, Imlek skipped. */
  static final LocalDate REVISION_DUE = LocalDate.of(2026, 2, 18);

  ProcessInstance propose(String type, String proposer, String location, boolean burdens) {
    Map<String, Object> form = proposal(type, proposer, location);
    form.put(LifecycleProcess.FIELD_BURDENS_PUBLIC_OR_OUTSIDE_BUDGET, burdens);
    return submit(proposer, form);
  }

  /** Approves the open tasks until {@code taskKey} is open. */
  void approveUntil(ProcessInstance pi, String taskKey) {
    for (int i = 0; i < 10 && openTask(pi.getBusinessKey(), taskKey) == null; i++) {
      for (Task task : walk().openTasks(pi.getBusinessKey())) {
        complete(walk().candidateGroup(task), task, ApprovalWalk.approving(task.getTaskDefinitionKey()));
      }
    }
  }

  @ParameterizedTest(name = "{4} returns a {0} of {1}")
  @CsvSource({
      "LUAR_NEGERI,  regency-3273, 32, false, UserTask_ReviewByProvince,      province-32,    UserTask_ReviewByProvince",
      "LUAR_NEGERI,  province-32,  32, false, UserTask_ReviewByFasker,        fasker,         UserTask_RecordDprdApproval",
      "LUAR_NEGERI,  province-32,  32, false, UserTask_ConsultKemlu,          ministry-kemlu, UserTask_RecordDprdApproval",
      "DALAM_NEGERI, regency-3374, 33, true,  UserTask_ReviewByProvince,      province-33,    UserTask_ReviewByProvince",
      "DALAM_NEGERI, province-33,  33, false, UserTask_DecideCentralApproval, fasker,         UserTask_DecideCentralApproval",
  })
  void aReturnedProposalIsRevisedByItsProposerAndReviewedFromTheStartOfItsRoute(
      String type, String proposer, String location, boolean burdens, String returningTask, String reviewer,
      String firstTask) {
    ProcessInstance pi = propose(type, proposer, location, burdens);
    approveUntil(pi, returningTask);
    assertThatThrownBy(() -> decide(pi, returningTask, reviewer, "RETURNED", " "))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Catatan wajib diisi");
    decide(pi, returningTask, reviewer, "RETURNED", "Lengkapi kajian manfaat");

    assertThat(openTaskKeys(pi)).containsExactly(TASK_REVISE_PROPOSAL);
    Task revise = task(pi, TASK_REVISE_PROPOSAL, proposer);
    assertThat(revise.getDueDate()).isEqualTo(closing(REVISION_DUE));
    assertThat(revisionTimer(pi).getDuedate()).isEqualTo(closing(REVISION_DUE));
    assertThat(agreementOf(pi).status()).isEqualTo(Status.IN_REVIEW);

    assertThatThrownBy(() -> complete(proposer, revise, decision(null, "sudah")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Uraian perbaikan minimal 10 karakter (sekarang 5)");
    complete(proposer, task(pi, TASK_REVISE_PROPOSAL, proposer),
        decision(null, "Kajian manfaat ditambahkan pada bab 3"));

    assertThat(openTaskKeys(pi)).containsExactly(firstTask);
    assertThat(revisionTimer(pi)).as("the timer ends with the revision").isNull();
    walk().approve(pi.getBusinessKey());
    assertThat(agreementOf(pi).status()).isEqualTo(Status.APPROVED);
    assertThat(timeline(pi)).extracting(AgreementEvent::activity, AgreementEvent::actor, AgreementEvent::outcome,
        AgreementEvent::notes).containsSubsequence(
        tuple(returningTask, "t-" + reviewer, "RETURNED", "Lengkapi kajian manfaat"),
        tuple(TASK_REVISE_PROPOSAL, "t-" + proposer, "COMPLETED", "Kajian manfaat ditambahkan pada bab 3"),
        tuple(firstTask, "t-" + (firstTask.equals(returningTask) ? reviewer
            : firstTask.equals(TASK_RECORD_DPRD_APPROVAL) ? proposer : "fasker"), "APPROVED", null));
  }

  @Test
  void aRevisionNotInByItsDueDateLapsesTheProposal() {
    ProcessInstance pi = propose("DALAM_NEGERI", "province-33", "33", false);
    decide(pi, TASK_DECIDE_CENTRAL_APPROVAL, "fasker", "RETURNED", "Lampirkan naskah kesepakatan bersama");
    assertThat(task(pi, TASK_REVISE_PROPOSAL, "province-33")).isNotNull();

    // not yet: the last minute of the due day
    setClock(ZonedDateTime.of(2026, 2, 18, 15, 59, 0, 0, ZoneId.of("Asia/Jakarta")).toInstant());
    assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(approvalInstanceId(pi))
        .executable().count()).isZero();

    setClock(ZonedDateTime.of(2026, 2, 18, 16, 1, 0, 0, ZoneId.of("Asia/Jakarta")).toInstant());
    Job timer = revisionTimer(pi);
    assertThat(timer.getDuedate()).isEqualTo(closing(REVISION_DUE));
    processEngine.getManagementService().executeJob(timer.getId());
    runContinuations();

    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(approvalInstanceId(pi)).singleResult().getEndActivityId())
        .isEqualTo(ApprovalProcess.END_LAPSED);
    assertThat(pi).isEnded().hasPassed(LifecycleProcess.END_NOT_APPROVED);
    Agreement lapsed = agreementOf(pi);
    assertThat(lapsed.status()).isEqualTo(Status.LAPSED);
    assertThat(lapsed.status().label()).isEqualTo("Gugur");
    assertThat(lapsed.phase()).isEqualTo(Phase.CLOSED);
    String reason = "Usulan gugur: perbaikan tidak disampaikan sampai batas waktu 2026-02-18"
        + " (dikembalikan pada tahap \"Putuskan persetujuan pusat\")";
    assertThat(lapsed.statusReason()).isEqualTo(reason);
    assertThat(timeline(pi)).filteredOn(e -> e.phase() == Phase.CENTRAL_APPROVAL)
        .extracting(AgreementEvent::activity, AgreementEvent::actor, AgreementEvent::outcome, AgreementEvent::notes)
        .containsExactly(
            tuple(TASK_DECIDE_CENTRAL_APPROVAL, "t-fasker", "RETURNED", "Lampirkan naskah kesepakatan bersama"),
            tuple(ApprovalProcess.TASK_RECORD_LAPSE, null, "LAPSED", reason));
    // nothing is deleted: the proposal stays in the registry with its history
    assertThat(agreements.get(lapsed.id()).registrationNumber()).isEqualTo(pi.getBusinessKey());
  }
}
