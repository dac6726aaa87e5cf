package id.go.kerjasama.ngo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.lifecycle.LifecycleOperationalPermit;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.platform.notification.Notification;
import id.go.kerjasama.platform.notification.NotificationRepository;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.Status;
import id.go.kerjasama.signing.SigningProcess;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An extension's MSP signing requests a new operational permit and the
 * lifecycle waits for its decision as after the first MSP (assumption A51):
 * granted, the extension takes effect; refused, the cooperation runs to the end
 * of its current term (the previous permit stays in force) and ends then, the
 * reason in its timeline; ended otherwise while pending, the request is withdrawn.
 */
@ProcessTest
class NgoExtensionOperationalPermitProcessTest extends NgoTestSupport {

  @Autowired
  NotificationRepository notifications;

  private LocalDate firstSigned;
  private LocalDate firstEnd;
  private LocalDate extendedEnd;

  /** First MSP signed and its permit granted, renewal decided EXTEND, the extension's MSP recorded. */
  private ProcessInstance extensionSigned(Ngo ngo) {
    LocalDate signed = today();
    firstSigned = signed;
    firstEnd = signed.plusYears(1);
    extendedEnd = signed.plusYears(2);
    ProcessInstance pi = propose(ngo);
    approveWithTpoa(pi, signed.plusYears(3));
    prepareMsp(pi);
    recordMsp(pi, firstEnd);
    complete(MINISTRY, task(pi, NgoPermitProcess.TASK_DECIDE_OPERATIONAL), decision("GRANTED", null));
    assertThat(pi).isWaitingAt(LifecycleProcess.CALL_WORK_PLAN);

    fire(pi, LifecycleProcess.TIMER_RENEWAL_DUE);
    complete(COORDINATOR, task(pi, "UserTask_GiveTpoaInput"), decision("SUPPORT", null));
    complete(MINISTRY, task(pi, "UserTask_DecideRenewal"), decision("EXTEND", null));
    prepareMsp(pi);
    Map<String, Object> v = new HashMap<>();
    v.put("documentNumber", "MSP-P-" + pi.getBusinessKey());
    v.put("signatories", "Menteri Sosial, Regional Director");
    v.put("signedOn", today().toString());
    v.put("startDate", firstEnd.plusDays(1).toString());
    v.put("endDate", extendedEnd.toString());
    complete(MINISTRY, task(pi, SigningProcess.TASK_RECORD_MSP), v);

    // signed, the new operational permit requested: the lifecycle waits for its decision beside the running cycle
    assertThat(pi).hasPassed(LifecycleProcess.CALL_EXTENSION_SIGNING, "Gateway_ExtensionPermitAwaited")
        .isWaitingAt("Gateway_ExtensionPermitDecision", LifecycleProcess.CALL_WORK_PLAN)
        .hasNotPassed(LifecycleProcess.END_TERM_EXTENDED);
    List<NgoPermit> operational = operational(ngo);
    assertThat(operational).extracting(NgoPermit::state).containsExactly(NgoPermit.ACTIVE, NgoPermit.REQUESTED);
    return pi;
  }

  private List<NgoPermit> operational(Ngo ngo) {
    return permits.permits(ngo.id()).stream().filter(p -> p.kind().equals(NgoPermit.OPERATIONAL))
        .sorted(Comparator.comparingLong(NgoPermit::id)).toList();
  }

  private void fire(ProcessInstance pi, String activityId) {
    Job job = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId(activityId).singleResult();
    assertThat(job).as("timer " + activityId).isNotNull();
    Instant due = job.getDuedate().toInstant();
    Instant nine = LocalDate.ofInstant(due, BusinessClock.ZONE).atTime(LocalTime.of(9, 0)).atZone(BusinessClock.ZONE)
        .toInstant();
    setClock(due.isAfter(nine) ? due : nine);
    processEngine.getManagementService().executeJob(job.getId());
    runContinuations();
  }

  private LocalDate timerDay(ProcessInstance pi, String activityId) {
    Job job = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId(activityId).singleResult();
    assertThat(job).as("timer " + activityId).isNotNull();
    return LocalDate.ofInstant(job.getDuedate().toInstant(), BusinessClock.ZONE);
  }

  @Test
  void theExtensionsGrantedPermitLetsTheExtendedTermFollow() {
    Ngo ngo = newNgo("Izin Operasional Perpanjangan Diberikan Uji");
    ProcessInstance pi = extensionSigned(ngo);

    complete(MINISTRY, task(pi, NgoPermitProcess.TASK_DECIDE_OPERATIONAL), decision("GRANTED", null));

    assertThat(pi).hasPassed("MessageEvent_ExtensionPermitGranted", LifecycleProcess.END_TERM_EXTENDED)
        .hasNotPassed("MessageEvent_ExtensionPermitRefused", LifecycleProcess.TIMER_AGREEMENT_ENDS)
        .isWaitingAt(LifecycleProcess.CALL_WORK_PLAN);
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), LifecycleProcess.RENEWAL_OUTCOME))
        .isEqualTo(LifecycleProcess.RENEWAL_EXTEND);
    Agreement extended = agreementOf(pi);
    assertThat(extended.term()).isEqualTo(2);
    assertThat(extended.endDate()).isEqualTo(extendedEnd);
    assertThat(extended.status()).isEqualTo(Status.ACTIVE);
    assertThat(operational(ngo)).extracting(NgoPermit::state).containsExactly(NgoPermit.ACTIVE, NgoPermit.ACTIVE);
    assertThat(operational(ngo).get(1).validUntil()).isEqualTo(extendedEnd);
  }

  @Test
  void theExtensionsRefusedPermitEndsTheCooperationAtTheEndOfTheCurrentTerm() {
    Ngo ngo = newNgo("Izin Operasional Perpanjangan Ditolak Uji");
    ProcessInstance pi = extensionSigned(ngo);
    NgoPermit previous = operational(ngo).get(0);
    NgoPermit requested = operational(ngo).get(1);

    complete(MINISTRY, task(pi, NgoPermitProcess.TASK_DECIDE_OPERATIONAL),
        decision("REFUSED", "Rencana kegiatan perpanjangan belum sesuai RIK"));

    // not cut short: no revocation, the cooperation runs on and ends on its current term's end date
    assertThat(pi).hasPassed("MessageEvent_ExtensionPermitRefused", "ServiceTask_RecordExtensionPermitRefusal")
        .hasNotPassed(LifecycleProcess.END_TERM_EXTENDED, LifecycleProcess.BOUNDARY_PERMIT_REVOKED)
        .isWaitingAt(LifecycleProcess.TIMER_AGREEMENT_ENDS, LifecycleProcess.CALL_WORK_PLAN);
    assertThat(timerDay(pi, LifecycleProcess.TIMER_AGREEMENT_ENDS)).isEqualTo(firstEnd);
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), LifecycleProcess.RENEWAL_OUTCOME))
        .isEqualTo(LifecycleProcess.RENEWAL_END);
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), LifecycleProcess.TERMINATION_REASON))
        .isNull();
    Agreement running = agreementOf(pi);
    assertThat(running.status()).isEqualTo(Status.ACTIVE);
    assertThat(running.term()).isEqualTo(1);
    assertThat(running.endDate()).isEqualTo(firstEnd);
    // the register shows the MSP in force, not the extension's that never took effect
    assertThat(running.documentNumber()).isEqualTo("MSP-" + pi.getBusinessKey());
    assertThat(running.signatories()).isEqualTo("Menteri Sosial, Country Director");
    assertThat(running.signedOn()).isEqualTo(firstSigned);
    assertThat(agreements.events(running.id())).extracting(AgreementEvent::activity, AgreementEvent::outcome,
        AgreementEvent::notes).contains(tuple("ServiceTask_RecordExtensionPermitRefusal",
        LifecycleOperationalPermit.EXTENSION_PERMIT_REFUSED,
        "Izin operasional perpanjangan ditolak: Rencana kegiatan perpanjangan belum sesuai RIK; perpanjangan tidak "
            + "berlaku, kerja sama berakhir pada " + String.format("%02d/%02d/%d", firstEnd.getDayOfMonth(),
            firstEnd.getMonthValue(), firstEnd.getYear())));
    // the previous operational permit stays in force until the term ends, the new one is refused
    List<NgoPermit> after = operational(ngo);
    assertThat(after.get(0).id()).isEqualTo(previous.id());
    assertThat(after.get(0).state()).isEqualTo(NgoPermit.ACTIVE);
    assertThat(after.get(0).inForceOn(firstEnd.minusDays(1))).isTrue();
    assertThat(after.get(1).id()).isEqualTo(requested.id());
    assertThat(after.get(1).state()).isEqualTo(NgoPermit.REFUSED);
    Notification sent = notifications.find(notifications.findByEventKey("NGO_OPERATIONAL_PERMIT:" + requested.id())
        .orElseThrow()).orElseThrow();
    assertThat(sent.body()).contains("perpanjangan tidak berlaku").doesNotContain("kerja sama diakhiri");

    // on the end date the term ends as not extended
    fire(pi, LifecycleProcess.TIMER_AGREEMENT_ENDS);
    assertThat(pi).hasPassed(LifecycleProcess.END_TERM_ENDED);
  }

  @Test
  void aCooperationEndedWhileTheExtensionsPermitAwaitsItsDecisionWithdrawsTheRequest() {
    Ngo ngo = newNgo("Izin Operasional Perpanjangan Diakhiri Uji");
    ProcessInstance pi = extensionSigned(ngo);
    NgoPermit requested = operational(ngo).get(1);

    processEngine.getRuntimeService().createMessageCorrelation(LifecycleProcess.MESSAGE_EARLY_TERMINATION)
        .processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable(LifecycleProcess.TERMINATION_REASON, "Para pihak sepakat mengakhiri").correlateWithResult();
    runContinuations();

    assertThat(agreementOf(pi).status()).isEqualTo(Status.TERMINATED);
    assertThat(operational(ngo).get(1).id()).isEqualTo(requested.id());
    assertThat(operational(ngo).get(1).state()).isEqualTo(NgoPermit.WITHDRAWN);
    assertThat(tasks(pi, NgoPermitProcess.TASK_DECIDE_OPERATIONAL)).isEmpty();
    assertThat(permits.decideOperationalPermit(requested.id(), true, "t-" + MINISTRY)).isFalse();
  }
}
