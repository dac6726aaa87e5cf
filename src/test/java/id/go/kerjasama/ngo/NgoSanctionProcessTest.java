package id.go.kerjasama.ngo;

import static id.go.kerjasama.ngo.NgoPermitProcess.SANCTION_PROCESS_KEY;
import static id.go.kerjasama.ngo.NgoPermitProcess.TASK_CONCLUDE_SANCTION;
import static id.go.kerjasama.ngo.NgoPermitProcess.TASK_RESPOND_SANCTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.approval.ApprovalProcess;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.Status;
import id.go.kerjasama.signing.SigningProcess;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * processes/ngo-sanction.bpmn: graded sanctions, each a decision of the
 * sanction authority with a time limit for the NGO's response; a suspension
 * suspends the permits until lifted; a revocation revokes them and
 * terminates the NGO's running cooperations.
 */
@ProcessTest
class NgoSanctionProcessTest extends NgoTestSupport {

  ProcessInstance sanction(Ngo ngo, String kind, String reason) {
    return start(SANCTION_PROCESS_KEY, COORDINATOR, values("ngo", ngo.groupId(), "kind", kind, "reason", reason));
  }

  @Test
  void aWrittenWarningAwaitsTheResponseThenTheAuthorityDecides() {
    Ngo ngo = newNgo("Uji Peringatan");
    // one written warning (amended UU 17/2013 art. 62(1)), then a suspension
    assertThatThrownBy(() -> sanction(ngo, "WARNING_2", "Laporan tahunan terlambat dua kali"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Peringatan tertulis diberikan 1 kali saja")
        .hasMessageContaining("Peringatan tertulis kedua hanya sesudah peringatan tertulis pertama");
    assertThatThrownBy(() -> start(SANCTION_PROCESS_KEY, ngo.groupId(), values("ngo", ngo.groupId(),
        "kind", "WARNING_1", "reason", "Saya memberi sanksi diri sendiri")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);

    ProcessInstance pi = sanction(ngo, "WARNING_1", "Laporan tahunan 2025 belum disampaikan");
    Task respond = ngoTask(pi, TASK_RESPOND_SANCTION);
    assertThat(seat(respond)).isEqualTo(ngo.groupId());
    // 7 working days from Monday 2 February 2026
    assertThat(respond.getDueDate()).isEqualTo(java.util.Date.from(java.time.LocalDate.of(2026, 2, 11).atTime(16, 0)
        .atZone(java.time.ZoneId.of("Asia/Jakarta")).toInstant()));
    assertThatThrownBy(() -> complete(ngo.groupId(), respond, decision(null, null)))
        .hasMessageContaining("Tanggapan wajib diisi");
    complete(ngo.groupId(), ngoTask(pi, TASK_RESPOND_SANCTION), decision(null, "The report was filed on 3 February"));
    complete(COORDINATOR, ngoTask(pi, TASK_CONCLUDE_SANCTION), decision("UPHELD", "Laporan diterima terlambat"));
    assertThat(pi).isEnded();

    assertThat(obligations.sanctions(ngo.id())).extracting(NgoSanction::kind, NgoSanction::state,
        NgoSanction::response, NgoSanction::decidedBy)
        .containsExactly(tuple("WARNING_1", "IN_FORCE", "The report was filed on 3 February", "t-tpoa-kemlu"));
    assertThat(registry.events(ngo.id())).extracting(NgoEvent::activity, NgoEvent::actor).containsSubsequence(
        tuple("Sanction_WARNING_1", "t-tpoa-kemlu"), tuple(TASK_RESPOND_SANCTION, "t-" + ngo.groupId()),
        tuple(TASK_CONCLUDE_SANCTION, "t-tpoa-kemlu"));
  }

  @Test
  void withoutAResponseInTimeTheSanctionGoesToTheAuthorityAnyway() {
    Ngo ngo = newNgo("Uji Tanpa Tanggapan");
    ProcessInstance pi = sanction(ngo, "WARNING_1", "Tenaga asing tidak dilaporkan");
    Job timer = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(ngoTask(pi, TASK_RESPOND_SANCTION).getDueDate());
    processEngine.getManagementService().executeJob(timer.getId());
    assertThat(ngoTasks(pi, TASK_RESPOND_SANCTION)).isEmpty();
    complete(COORDINATOR, ngoTask(pi, TASK_CONCLUDE_SANCTION), decision("UPHELD", "Tidak ada tanggapan"));
    assertThat(obligations.sanctions(ngo.id())).extracting(NgoSanction::state, NgoSanction::response)
        .containsExactly(tuple("IN_FORCE", null));
  }

  @Test
  void aSuspensionSuspendsThePermitsUntilLifted() {
    Ngo ngo = newNgo("Uji Pembekuan");
    ProcessInstance cooperation = propose(ngo);
    approveWithTpoa(cooperation, today().plusYears(2));
    assertThatThrownBy(() -> start(SANCTION_PROCESS_KEY, COORDINATOR, values("ngo", ngo.groupId(),
        "kind", "SUSPENSION", "reason", "Kegiatan di luar lokasi", "suspendedUntil", today().plusMonths(1).toString())))
        .hasMessageContaining("hanya sesudah peringatan tertulis pertama");
    sanction(ngo, "WARNING_1", "Kegiatan di luar lokasi yang diizinkan");
    assertThatThrownBy(() -> start(SANCTION_PROCESS_KEY, COORDINATOR, values("ngo", ngo.groupId(),
        "kind", "SUSPENSION", "reason", "Kegiatan di luar lokasi", "suspendedUntil", today().plusDays(181).toString())))
        .hasMessageContaining("paling lambat " + today().plusDays(180));

    ProcessInstance pi = start(SANCTION_PROCESS_KEY, COORDINATOR, values("ngo", ngo.groupId(), "kind", "SUSPENSION",
        "reason", "Kegiatan tetap di luar lokasi", "suspendedUntil", today().plusMonths(1).toString()));
    assertThat(reload(ngo).status()).isEqualTo(NgoStatus.SUSPENDED);
    assertThat(permits.permits(ngo.id())).extracting(NgoPermit::state).containsOnly(NgoPermit.SUSPENDED);
    assertThat(permits.principlePermitInForce(ngo.groupId(), today())).isEmpty();
    // the running cooperation is paused: every instance of it suspended, its open task cannot be worked
    String key = cooperation.getBusinessKey();
    assertThat(instancesOf(key)).isNotEmpty().allSatisfy(i -> assertThat(i.isSuspended()).isTrue());
    Task msp = task(cooperation, SigningProcess.TASK_DRAFT_MSP);
    assertThat(msp.isSuspended()).isTrue();
    assertThatThrownBy(() -> complete(MINISTRY, msp, decision(null, "Rancangan")))
        .isInstanceOf(org.camunda.bpm.engine.SuspendedEntityInteractionException.class);
    assertThat(agreements.events(agreementOf(cooperation).id())).extracting(AgreementEvent::activity, AgreementEvent::outcome)
        .contains(tuple("Sanction_PauseCooperation", "SUSPENDED"));
    // the sanction's own process is not paused
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().isSuspended()).isFalse();

    complete(ngo.groupId(), ngoTask(pi, TASK_RESPOND_SANCTION), decision(null, "Activities moved back to Lampung"));
    complete(COORDINATOR, ngoTask(pi, TASK_CONCLUDE_SANCTION), decision("LIFTED", "Kegiatan sudah dipindahkan"));
    assertThat(reload(ngo).status()).isEqualTo(NgoStatus.LICENSED);
    assertThat(permits.principlePermitInForce(ngo.groupId(), today())).isPresent();
    // lifted: the cooperation runs on where it stood
    assertThat(instancesOf(key)).isNotEmpty().allSatisfy(i -> assertThat(i.isSuspended()).isFalse());
    prepareMsp(cooperation);
    assertThat(task(cooperation, SigningProcess.TASK_RECORD_MSP)).isNotNull();
    assertThat(eventActivities(ngo)).containsSubsequence("Sanction_SUSPENSION", "Sanction_PauseCooperation",
        "Sanction_ResumeCooperation");
  }

  @Test
  void anUpheldSuspensionEndsByItselfOnItsDayAndTheCooperationsResume() {
    Ngo ngo = newNgo("Uji Pembekuan Berakhir Sendiri");
    ProcessInstance cooperation = propose(ngo);
    approveWithTpoa(cooperation, today().plusYears(2));
    sanction(ngo, "WARNING_1", "Laporan keuangan tidak lengkap");
    java.time.LocalDate until = today().plusDays(45);
    ProcessInstance pi = start(SANCTION_PROCESS_KEY, COORDINATOR, values("ngo", ngo.groupId(), "kind", "SUSPENSION",
        "reason", "Laporan keuangan tetap tidak lengkap", "suspendedUntil", until.toString()));
    String key = cooperation.getBusinessKey();
    assertThat(instancesOf(key)).allSatisfy(i -> assertThat(i.isSuspended()).isTrue());
    complete(ngo.groupId(), ngoTask(pi, TASK_RESPOND_SANCTION), decision(null, "We will file it next month"));
    complete(COORDINATOR, ngoTask(pi, TASK_CONCLUDE_SANCTION), decision("UPHELD", "Pembekuan tetap berlaku"));

    // upheld: the suspension stays until its day, the sanction waits for it
    assertThat(pi).isWaitingAt("TimerEvent_SuspensionEnds");
    Job timer = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(java.util.Date.from(until.atStartOfDay(
        java.time.ZoneId.of("Asia/Jakarta")).toInstant()));
    assertThat(reload(ngo).status()).isEqualTo(NgoStatus.SUSPENDED);
    assertThat(obligations.sanctions(ngo.id())).extracting(NgoSanction::kind, NgoSanction::state)
        .contains(tuple("SUSPENSION", "IN_FORCE"));

    // the day comes: the job executor would run the timer now
    setClock(until.atTime(0, 5).atZone(java.time.ZoneId.of("Asia/Jakarta")).toInstant());
    assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .executable().count()).isOne();
    processEngine.getManagementService().executeJob(timer.getId());

    assertThat(pi).isEnded().hasPassed("ServiceTask_EndSuspension", "EndEvent_SuspensionEnded");
    assertThat(reload(ngo).status()).isEqualTo(NgoStatus.LICENSED);
    assertThat(permits.principlePermitInForce(ngo.groupId(), today())).isPresent();
    assertThat(obligations.sanctions(ngo.id())).extracting(NgoSanction::kind, NgoSanction::state)
        .contains(tuple("SUSPENSION", "ENDED"));
    assertThat(instancesOf(key)).isNotEmpty().allSatisfy(i -> assertThat(i.isSuspended()).isFalse());
    assertThat(registry.events(ngo.id())).extracting(NgoEvent::activity, NgoEvent::outcome).containsSubsequence(
        tuple("Sanction_SUSPENSION", "SUSPENSION"), tuple("Sanction_PauseCooperation", "SUSPENDED"),
        tuple("Sanction_SuspensionEnded", "ENDED"), tuple("Sanction_ResumeCooperation", "RESUMED"));
    assertThat(agreements.events(agreementOf(cooperation).id())).extracting(AgreementEvent::activity,
        AgreementEvent::outcome).containsSubsequence(tuple("Sanction_PauseCooperation", "SUSPENDED"),
        tuple("Sanction_ResumeCooperation", "RESUMED"));
    // the cooperation runs on where it stood
    prepareMsp(cooperation);
    assertThat(task(cooperation, SigningProcess.TASK_RECORD_MSP)).isNotNull();
  }

  @Test
  void aRevocationDuringAnUpheldSuspensionCancelsItsEndDaySoNothingFiresLater() {
    java.time.ZoneId wib = java.time.ZoneId.of("Asia/Jakarta");
    setClock(java.time.LocalDate.of(2026, 3, 2).atTime(9, 0).atZone(wib).toInstant());
    Ngo ngo = newNgo("Uji Pencabutan Saat Dibekukan");
    sanction(ngo, "WARNING_1", "Staf asing tidak dilaporkan");
    java.time.LocalDate until = today().plusDays(40);
    ProcessInstance suspension = start(SANCTION_PROCESS_KEY, COORDINATOR, values("ngo", ngo.groupId(),
        "kind", "SUSPENSION", "reason", "Staf asing tetap tidak dilaporkan", "suspendedUntil", until.toString()));
    complete(ngo.groupId(), ngoTask(suspension, TASK_RESPOND_SANCTION), decision(null, "We disagree with the suspension"));
    complete(COORDINATOR, ngoTask(suspension, TASK_CONCLUDE_SANCTION), decision("UPHELD", "Pembekuan tetap berlaku"));
    assertThat(suspension).isWaitingAt("TimerEvent_SuspensionEnds");
    var management = processEngine.getManagementService();
    assertThat(management.createJobQuery().processInstanceId(suspension.getId()).timers().count()).isOne();

    ProcessInstance revocation = sanction(ngo, "REVOCATION", "Kegiatan yang dilarang");
    assertThat(revocation).isEnded().hasPassed("EndEvent_PermitsRevoked");

    // the suspension's sanction is over: its end-day timer is gone with it
    assertThat(suspension).isEnded().hasNotPassed("ServiceTask_EndSuspension");
    assertThat(management.createJobQuery().processInstanceId(suspension.getId()).count()).isZero();
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(SANCTION_PROCESS_KEY).variableValueEquals(NgoPermitProcess.NGO_ID, ngo.id()).count())
        .isZero();
    assertThat(registry.events(ngo.id())).extracting(NgoEvent::activity, NgoEvent::outcome)
        .contains(tuple("Sanction_Superseded", "SUPERSEDED"));
    // the register says neither the open warning nor the upheld suspension runs any more
    assertThat(obligations.sanctions(ngo.id())).extracting(NgoSanction::kind, NgoSanction::state)
        .containsExactly(tuple("WARNING_1", "SUPERSEDED"), tuple("SUSPENSION", "SUPERSEDED"),
            tuple("REVOCATION", "IN_FORCE"));

    // past the would-be end day nothing is due and the NGO stays revoked
    setClock(until.plusDays(1).atTime(9, 0).atZone(wib).toInstant());
    assertThat(management.createJobQuery().processInstanceId(suspension.getId()).executable().count()).isZero();
    assertThat(reload(ngo).status()).isEqualTo(NgoStatus.REVOKED);
    assertThat(registry.events(ngo.id())).extracting(NgoEvent::activity).doesNotContain("Sanction_SuspensionEnded");
  }

  @Test
  void aLiftedSuspensionEndsAtOnceWithoutWaitingForItsDay() {
    Ngo ngo = newNgo("Uji Pembekuan Dicabut Awal");
    sanction(ngo, "WARNING_1", "Lokasi tidak dilaporkan");
    ProcessInstance pi = start(SANCTION_PROCESS_KEY, COORDINATOR, values("ngo", ngo.groupId(), "kind", "SUSPENSION",
        "reason", "Lokasi tetap tidak dilaporkan", "suspendedUntil", today().plusDays(30).toString()));
    complete(ngo.groupId(), ngoTask(pi, TASK_RESPOND_SANCTION), decision(null, "Locations reported today"));
    complete(COORDINATOR, ngoTask(pi, TASK_CONCLUDE_SANCTION), decision("LIFTED", "Lokasi sudah dilaporkan"));
    assertThat(pi).isEnded().hasPassed("EndEvent_SanctionConcluded").hasNotPassed("TimerEvent_SuspensionEnds");
    assertThat(reload(ngo).status()).isEqualTo(NgoStatus.LICENSED);
  }

  List<ProcessInstance> instancesOf(String businessKey) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list();
  }

  @Test
  void aRevocationRevokesThePermitsAndTerminatesTheRunningCooperations() {
    Ngo ngo = newNgo("Uji Pencabutan");
    ProcessInstance first = propose(ngo);
    approveWithTpoa(first, today().plusYears(2));
    ProcessInstance second = propose(ngo);
    assertThat(task(second, ApprovalProcess.TASK_CHECK_FILE_COMPLETE)).isNotNull();
    assertThatThrownBy(() -> sanction(ngo, "REVOCATION", "Pelanggaran berat"))
        .hasMessageContaining("hanya sesudah pembekuan sementara");
    sanction(ngo, "WARNING_1", "Pelanggaran pertama");
    start(SANCTION_PROCESS_KEY, COORDINATOR, values("ngo", ngo.groupId(), "kind", "SUSPENSION",
        "reason", "Pelanggaran kedua", "suspendedUntil", today().plusMonths(1).toString()));

    ProcessInstance revocation = sanction(ngo, "REVOCATION", "Kegiatan politik praktis");
    assertThat(revocation).isEnded().hasPassed("EndEvent_PermitsRevoked");
    assertThat(reload(ngo).status()).isEqualTo(NgoStatus.REVOKED);
    assertThat(permits.permits(ngo.id())).extracting(NgoPermit::state).containsOnly(NgoPermit.REVOKED);
    for (ProcessInstance pi : List.of(first, second)) {
      Agreement agreement = agreementOf(pi);
      assertThat(agreement.status()).isEqualTo(Status.TERMINATED);
      assertThat(agreement.statusReason()).contains("Izin Uji Pencabutan dicabut: Kegiatan politik praktis");
      assertThat(tasks(pi, ApprovalProcess.TASK_CHECK_FILE_COMPLETE)).isEmpty();
      // terminated before signing: archived at once (docs/processes.md "Termination")
      assertThat(agreement.phase()).isEqualTo(Phase.CLOSED);
      assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(pi.getBusinessKey()).count()).isZero();
    }
    assertThat(registry.events(ngo.id())).filteredOn(e -> e.activity().equals("Sanction_TerminateCooperation"))
        .extracting(NgoEvent::outcome).containsOnly("TERMINATED").hasSize(2);
    // nothing more: no second revocation, no new cooperation
    assertThatThrownBy(() -> sanction(ngo, "WARNING_1", "Sesudah pencabutan")).hasMessageContaining("sudah dicabut");
    assertThatThrownBy(() -> propose(ngo)).hasMessageContaining("kerja sama baru tidak dapat diusulkan");
  }
}
