package id.go.kerjasama.ngo;

import static id.go.kerjasama.ngo.NgoPermitProcess.TASK_CHECK_FILE;
import static id.go.kerjasama.ngo.NgoPermitProcess.TASK_DECIDE;
import static id.go.kerjasama.ngo.NgoPermitProcess.TASK_RECOMMEND;
import static id.go.kerjasama.ngo.NgoPermitProcess.TASK_REVISE_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.approval.ApprovalProcess;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.registry.PrinciplePermits;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/ngo-permit.bpmn: the NGO applies for its principle permit itself
 * (file check, TPOA seats in parallel, the permit authority's decision), and
 * renews it in time (extending the permit later signings check) or too late.
 */
@ProcessTest
class NgoPermitProcessTest extends NgoTestSupport {

  @Autowired
  PrinciplePermits principlePermits;

  ProcessInstance apply(Ngo ngo, String request) {
    return start(NgoPermitProcess.PROCESS_KEY, ngo.groupId(), values("ngo", ngo.groupId(), "request", request,
        "notes", "Community health programme in Lampung"));
  }

  void allSeatsAgree(ProcessInstance pi) {
    List<Task> seats = ngoTasks(pi, TASK_RECOMMEND);
    assertThat(seats).extracting(this::seat).containsExactlyInAnyOrder("tpoa-kemlu", "tpoa-kemhan",
        "tpoa-kemendagri", "tpoa-kemenkeu", "tpoa-kemensetneg", "tpoa-polri", "tpoa-teknis");
    for (Task t : seats) {
      complete(seat(t), t, decision("NO_OBJECTION", null));
    }
  }

  @Test
  void theNgoAppliesItsFileIsCheckedTpoaReviewsAndThePermitIsGranted() {
    Ngo ngo = newNgo("Uji Rute Ormas");
    ProcessInstance pi = apply(ngo, "NEW");
    // the NGO's staff follow their application
    actAsUser(ngo.groupId());
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count())
        .isOne();
    actAsSystem();

    Task check = ngoTask(pi, TASK_CHECK_FILE);
    assertThat(seat(check)).isEqualTo("tpoa-kemlu");
    assertThatThrownBy(() -> complete("tpoa-kemlu", check, decision("RETURNED", null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Catatan wajib diisi");
    complete("tpoa-kemlu", ngoTask(pi, TASK_CHECK_FILE), decision("RETURNED", "Akta pendirian belum dilegalisasi"));
    Task revise = ngoTask(pi, TASK_REVISE_FILE);
    assertThat(seat(revise)).isEqualTo(ngo.groupId());
    complete(ngo.groupId(), revise, decision(null, "Legalised deed attached"));
    complete("tpoa-kemlu", ngoTask(pi, TASK_CHECK_FILE), decision("COMPLETE", null));
    allSeatsAgree(pi);

    Task decide = ngoTask(pi, TASK_DECIDE);
    assertThatThrownBy(() -> complete("tpoa-kemlu", decide, values("decision", "GRANTED",
        "validUntil", today().plusYears(3).plusDays(1).toString())))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("paling lama 3 tahun");
    complete("tpoa-kemlu", ngoTask(pi, TASK_DECIDE), values("decision", "GRANTED",
        "validUntil", today().plusYears(3).toString()));
    assertThat(pi).isEnded().hasPassed("EndEvent_PermitGranted");

    NgoPermit permit = principle(ngo);
    assertThat(permit.validUntil()).isEqualTo(today().plusYears(3));
    assertThat(permit.agreementId()).isNull();
    assertThat(reload(ngo).status()).isEqualTo(NgoStatus.LICENSED);
    assertThat(registry.events(ngo.id())).extracting(NgoEvent::activity, NgoEvent::outcome).containsSubsequence(
        org.assertj.core.groups.Tuple.tuple("StartEvent_PermitApplied", "SUBMITTED"),
        org.assertj.core.groups.Tuple.tuple(TASK_CHECK_FILE, "RETURNED"),
        org.assertj.core.groups.Tuple.tuple(TASK_REVISE_FILE, "COMPLETED"),
        org.assertj.core.groups.Tuple.tuple(TASK_CHECK_FILE, "COMPLETE"),
        org.assertj.core.groups.Tuple.tuple(TASK_DECIDE, "GRANTED"));
    assertThat(registry.events(ngo.id())).filteredOn(e -> e.activity().equals(TASK_RECOMMEND)).hasSize(7);

    // the NGO's first cooperation now skips the TPOA round
    ProcessInstance cooperation = propose(ngo);
    complete(MINISTRY, task(cooperation, ApprovalProcess.TASK_CHECK_FILE_COMPLETE), decision("COMPLETE", null));
    assertThat(tasks(cooperation, ApprovalProcess.TASK_RECOMMEND_PERMIT)).isEmpty();
    // and a second first permit is refused while this one is in force
    assertThatThrownBy(() -> apply(ngo, "NEW")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sudah memiliki izin prinsip yang berlaku sampai " + today().plusYears(3));
  }

  @Test
  void aSingleSeatObjectionRefusesTheNgoPermit() {
    Ngo ngo = newNgo("Uji Keberatan Ormas");
    ProcessInstance pi = apply(ngo, "NEW");
    complete("tpoa-kemlu", ngoTask(pi, TASK_CHECK_FILE), decision("COMPLETE", null));
    Task polri = ngoTasks(pi, TASK_RECOMMEND).stream().filter(t -> seat(t).equals("tpoa-polri")).findFirst()
        .orElseThrow();
    complete("tpoa-polri", polri, decision("OBJECTION", "Catatan keamanan"));
    assertThat(pi).isEnded().hasPassed("EndEvent_PermitRefused");
    assertThat(ngoTasks(pi, TASK_RECOMMEND)).isEmpty();
    assertThat(permits.permits(ngo.id())).isEmpty();
    assertThat(reload(ngo).status()).isEqualTo(NgoStatus.REGISTERED);
  }

  @Test
  void aRenewalInTimeExtendsThePermitThatLaterSigningsCheck() {
    Ngo ngo = newNgo("Uji Perpanjangan Tepat Waktu");
    ProcessInstance cooperation = propose(ngo);
    LocalDate validUntil = today().plusYears(1);
    approveWithTpoa(cooperation, validUntil);
    long agreementId = agreementOf(cooperation).id();

    // 3 months and a day before the end: still in time
    setClock(validUntil.minusMonths(3).minusDays(1).atTime(9, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
    ProcessInstance renewal = apply(ngo, "RENEWAL");
    complete("tpoa-kemlu", ngoTask(renewal, TASK_CHECK_FILE), decision("COMPLETE", null));
    allSeatsAgree(renewal);
    LocalDate extended = validUntil.plusYears(3);
    assertThatThrownBy(() -> complete("tpoa-kemlu", ngoTask(renewal, TASK_DECIDE), values("decision", "GRANTED",
        "validUntil", extended.plusDays(1).toString())))
        .hasMessageContaining("paling lama 3 tahun setelah akhir izin yang berlaku");
    complete("tpoa-kemlu", ngoTask(renewal, TASK_DECIDE), values("decision", "GRANTED",
        "validUntil", extended.toString()));

    NgoPermit permit = principle(ngo);
    assertThat(permit.validUntil()).isEqualTo(extended);
    assertThat(permit.renewedTimes()).isOne();
    assertThat(permits.permits(ngo.id())).hasSize(1);
    assertThat(principlePermits.validUntil(agreementId)).contains(extended);
    assertThat(eventActivities(ngo)).contains("Permit_Renewed");
  }

  @Test
  void aRenewalRequestedTooLateIsRefused() {
    Ngo ngo = newNgo("Uji Perpanjangan Terlambat");
    ProcessInstance cooperation = propose(ngo);
    LocalDate validUntil = today().plusYears(1);
    approveWithTpoa(cooperation, validUntil);

    setClock(validUntil.minusMonths(2).atTime(9, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
    long before = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(NgoPermitProcess.PROCESS_KEY).count();
    assertThatThrownBy(() -> apply(ngo, "RENEWAL")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Perpanjangan izin prinsip diajukan paling lambat " + validUntil.minusMonths(3))
        .hasMessageContaining("sudah terlambat");
    // nothing half-written: no instance, no event, the permit unchanged
    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(NgoPermitProcess.PROCESS_KEY).count()).isEqualTo(before);
    assertThat(eventActivities(ngo)).doesNotContain("StartEvent_PermitApplied");
    assertThat(principle(ngo).validUntil()).isEqualTo(validUntil);
    // without a permit in force there is nothing to renew
    Ngo unlicensed = newNgo("Uji Tanpa Izin");
    assertThatThrownBy(() -> apply(unlicensed, "RENEWAL")).hasMessageContaining("tidak memiliki izin prinsip");
    assertThatThrownBy(() -> start(NgoPermitProcess.PROCESS_KEY, unlicensed.groupId(),
        Map.of("ngo", unlicensed.groupId(), "request", "MAYBE"))).hasMessageContaining("tidak dikenal");
  }
}
