package id.go.kerjasama.ngo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.platform.notification.Notification;
import id.go.kerjasama.platform.notification.NotificationRepository;
import id.go.kerjasama.platform.notification.Recipient;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.lifecycle.LifecycleTermination;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.Status;
import id.go.kerjasama.workplan.WorkPlanProcess;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/ngo-operational-permit.bpmn: the MSP signing requests the
 * operational permit; the Mitra Utama (A13, A38) grants it (active) or
 * refuses it with a reason (refused, the cooperation ends); both outcomes are
 * mailed to the NGO and the Mitra Utama. The lifecycle waits for the decision
 * after the signing (A35); a cooperation ended before it withdraws the request.
 */
@ProcessTest
class NgoOperationalPermitProcessTest extends NgoTestSupport {

  @Autowired
  NotificationRepository notifications;

  private NgoPermit signedCooperation(Ngo ngo, ProcessInstance pi) {
    approveWithTpoa(pi, today().plusYears(3));
    prepareMsp(pi);
    recordMsp(pi, today().plusMonths(30));
    NgoPermit operational = operational(ngo);
    assertThat(operational.state()).isEqualTo(NgoPermit.REQUESTED);
    assertThat(operational.inForceOn(today())).isFalse();
    assertThat(eventActivities(ngo)).contains("Permit_OperationalRequested");
    return operational;
  }

  private NgoPermit operational(Ngo ngo) {
    return permits.permits(ngo.id()).stream().filter(p -> p.kind().equals(NgoPermit.OPERATIONAL)).findFirst()
        .orElseThrow();
  }

  private ProcessInstance permitProcess(ProcessInstance cooperation) {
    return processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(NgoPermitProcess.OPERATIONAL_PROCESS_KEY)
        .processInstanceBusinessKey(cooperation.getBusinessKey()).singleResult();
  }

  @Test
  void theMitraUtamaGrantsTheOperationalPermit() {
    Ngo ngo = newNgo("Izin Operasional Diberikan Uji");
    ProcessInstance pi = propose(ngo);
    NgoPermit requested = signedCooperation(ngo, pi);
    ProcessInstance decision = permitProcess(pi);
    assertThat(decision).isWaitingAt(NgoPermitProcess.TASK_DECIDE_OPERATIONAL);
    // signed, but no term and no work plan before the operational permit is decided
    assertThat(pi).isWaitingAt(LifecycleProcess.GATEWAY_OPERATIONAL_PERMIT_DECISION);
    assertThat(tasks(pi, WorkPlanProcess.TASK_DRAFT_REGIONAL)).isEmpty();
    Task task = task(pi, NgoPermitProcess.TASK_DECIDE_OPERATIONAL);
    assertThat(task.getName()).isEqualTo("Putuskan izin operasional");
    assertThat(task.getDueDate()).isNotNull();
    assertThat(seat(task)).isEqualTo(MINISTRY);

    // the attack: the issuer's form may not point the decision at another permit
    assertThatThrownBy(() -> complete(MINISTRY, task, values("decision", "GRANTED", "permitId", 1L)))
        .hasMessageContaining("tidak boleh dikirim pengguna: permitId");
    assertThat(operational(ngo).state()).isEqualTo(NgoPermit.REQUESTED);

    complete(MINISTRY, task(pi, NgoPermitProcess.TASK_DECIDE_OPERATIONAL), decision("GRANTED", null));

    assertThat(decision).isEnded().hasPassed("EndEvent_OperationalPermitGranted");
    // the lifecycle waited for the decision and now goes on to the term and the NGO's first RKT
    assertThat(pi).hasPassed(LifecycleProcess.GATEWAY_OPERATIONAL_PERMIT_DECISION,
        "MessageEvent_OperationalPermitGranted", "ServiceTask_StartTerm");
    assertThat(pi).isWaitingAt(LifecycleProcess.CALL_WORK_PLAN);
    assertThat(tasks(pi, WorkPlanProcess.TASK_DRAFT_REGIONAL)).isNotEmpty();
    NgoPermit granted = operational(ngo);
    assertThat(granted.id()).isEqualTo(requested.id());
    assertThat(granted.state()).isEqualTo(NgoPermit.ACTIVE);
    assertThat(granted.inForceOn(today())).isTrue();
    assertThat(granted.issuedBy()).isEqualTo("t-" + MINISTRY);
    assertThat(eventActivities(ngo)).containsSubsequence("Permit_OperationalRequested", "Permit_OperationalGranted");
    assertThat(agreementOf(pi).status()).isNotEqualTo(Status.TERMINATED);
    Long mail = notifications.findByEventKey("NGO_OPERATIONAL_PERMIT:" + granted.id()).orElseThrow();
    Notification sent = notifications.find(mail).orElseThrow();
    assertThat(sent.subject()).contains("Izin operasional", "diberikan", pi.getBusinessKey());
    assertThat(notifications.recipients(mail)).extracting(Recipient::userId)
        .contains("t-" + ngo.groupId(), "t-" + MINISTRY);
  }

  @Test
  void aRefusalNeedsAReasonAndEndsTheCooperation() {
    Ngo ngo = newNgo("Izin Operasional Ditolak Uji");
    ProcessInstance pi = propose(ngo);
    NgoPermit requested = signedCooperation(ngo, pi);
    ProcessInstance decision = permitProcess(pi);
    Task task = task(pi, NgoPermitProcess.TASK_DECIDE_OPERATIONAL);

    // no reason: the task stays open, nothing written
    assertThatThrownBy(() -> complete(MINISTRY, task, decision("REFUSED", null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Catatan wajib diisi");
    assertThat(operational(ngo).state()).isEqualTo(NgoPermit.REQUESTED);
    assertThat(decision).isWaitingAt(NgoPermitProcess.TASK_DECIDE_OPERATIONAL);

    complete(MINISTRY, task(pi, NgoPermitProcess.TASK_DECIDE_OPERATIONAL),
        decision("REFUSED", "Lokasi kegiatan tidak sesuai RIK"));

    assertThat(decision).isEnded().hasPassed("EndEvent_OperationalPermitRefused");
    NgoPermit refused = operational(ngo);
    assertThat(refused.state()).isEqualTo(NgoPermit.REFUSED);
    assertThat(refused.inForceOn(today())).isFalse();
    assertThat(eventActivities(ngo)).contains("Permit_OperationalRefused");
    // the waiting lifecycle ends the cooperation, the reason in its timeline; no work plan was ever started
    assertThat(pi).hasPassed("MessageEvent_OperationalPermitRefused", "ServiceTask_RecordPermitRefusal")
        .hasNotPassed("ServiceTask_StartTerm");
    Agreement ended = agreementOf(pi);
    assertThat(ended.status()).isEqualTo(Status.TERMINATED);
    assertThat(ended.statusReason()).isEqualTo("Izin operasional ditolak: Lokasi kegiatan tidak sesuai RIK");
    assertThat(agreements.events(ended.id())).extracting(AgreementEvent::activity, AgreementEvent::outcome,
        AgreementEvent::notes).contains(tuple("ServiceTask_RecordPermitRefusal",
        LifecycleTermination.OPERATIONAL_PERMIT_REFUSED, "Lokasi kegiatan tidak sesuai RIK"));
    assertThat(tasks(pi, WorkPlanProcess.TASK_DRAFT_REGIONAL)).isEmpty();
    Long mail = notifications.findByEventKey("NGO_OPERATIONAL_PERMIT:" + requested.id()).orElseThrow();
    Notification sent = notifications.find(mail).orElseThrow();
    assertThat(sent.subject()).contains("ditolak");
    assertThat(sent.body()).contains("Lokasi kegiatan tidak sesuai RIK");
    assertThat(notifications.recipients(mail)).extracting(Recipient::userId)
        .contains("t-" + ngo.groupId(), "t-" + MINISTRY);
  }

  @Test
  void aRevocationBeforeTheDecisionRevokesTheRequestedPermitAndLeavesNothingToDecide() {
    Ngo ngo = newNgo("Izin Operasional Dicabut Uji");
    ProcessInstance pi = propose(ngo);
    signedCooperation(ngo, pi);
    String sanctions = NgoPermitProcess.SANCTION_PROCESS_KEY;
    start(sanctions, COORDINATOR, values("ngo", ngo.groupId(), "kind", "WARNING_1", "reason", "Pelanggaran pertama"));
    start(sanctions, COORDINATOR, values("ngo", ngo.groupId(), "kind", "SUSPENSION", "reason", "Pelanggaran kedua",
        "suspendedUntil", today().plusMonths(1).toString()));
    start(sanctions, COORDINATOR, values("ngo", ngo.groupId(), "kind", "REVOCATION", "reason", "Pelanggaran berat"));

    assertThat(operational(ngo).state()).isEqualTo(NgoPermit.REVOKED);
    assertThat(permitProcess(pi)).isNull();
    assertThat(agreementOf(pi).status()).isEqualTo(Status.TERMINATED);
  }

  @Test
  void aCooperationEndedWhileThePermitAwaitsItsDecisionWithdrawsTheRequest() {
    Ngo ngo = newNgo("Izin Operasional Diakhiri Menunggu Uji");
    ProcessInstance pi = propose(ngo);
    NgoPermit requested = signedCooperation(ngo, pi);
    Task task = task(pi, NgoPermitProcess.TASK_DECIDE_OPERATIONAL);

    processEngine.getRuntimeService().createMessageCorrelation(LifecycleProcess.MESSAGE_EARLY_TERMINATION)
        .processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable(LifecycleProcess.TERMINATION_REASON, "Para pihak sepakat mengakhiri").correlateWithResult();
    runContinuations();

    assertThat(agreementOf(pi).status()).isEqualTo(Status.TERMINATED);
    NgoPermit withdrawn = operational(ngo);
    assertThat(withdrawn.id()).isEqualTo(requested.id());
    assertThat(withdrawn.state()).isEqualTo(NgoPermit.WITHDRAWN);
    assertThat(withdrawn.inForceOn(today())).isFalse();
    assertThat(permitProcess(pi)).isNull();
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
    assertThat(registry.events(ngo.id())).filteredOn(e -> e.activity().equals("Permit_OperationalWithdrawn"))
        .singleElement().satisfies(e -> assertThat(e.notes()).contains(pi.getBusinessKey(),
            "Para pihak sepakat mengakhiri"));
    // a late grant finds nothing to activate
    assertThat(permits.decideOperationalPermit(requested.id(), true, "t-" + MINISTRY)).isFalse();
    assertThat(operational(ngo).state()).isEqualTo(NgoPermit.WITHDRAWN);
  }
}
