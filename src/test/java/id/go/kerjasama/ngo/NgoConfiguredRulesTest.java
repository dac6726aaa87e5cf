package id.go.kerjasama.ngo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.approval.ApprovalProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The NGO route's assumptions switched the other way (docs/regulations.md
 * A11, A12): a TPOA objection no longer refuses at once — every seat
 * recommends and the permit authority weighs the objections — and Kemlu
 * (`tpoa-kemlu`) checks a foreign-NGO cooperation's file instead of the Mitra
 * Utama. Its own application context on its own in-memory database.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:kerjasama-ngo-rules;DB_CLOSE_DELAY=-1",
    "kerjasama.ngo.tpoa-single-objection-blocks=false",
    "kerjasama.ngo.cooperation-file-check-group=tpoa-kemlu"})
@ActiveProfiles("test")
class NgoConfiguredRulesTest extends NgoTestSupport {

  @Test
  void kemluChecksTheCooperationsFileAndAnObjectionGoesToThePermitDecision() {
    Ngo ngo = newNgo("Yayasan Empat Keberatan");
    ProcessInstance cooperation = propose(ngo);
    Task check = task(cooperation, ApprovalProcess.TASK_CHECK_FILE_COMPLETE);
    assertThat(check).hasCandidateGroup(COORDINATOR);
    complete(COORDINATOR, check, decision("COMPLETE", null));

    List<Task> seats = tasks(cooperation, ApprovalProcess.TASK_RECOMMEND_PERMIT);
    assertThat(seats).hasSize(7);
    Task polri = seats.stream().filter(t -> seat(t).equals("tpoa-polri")).findFirst().orElseThrow();
    complete("tpoa-polri", polri, decision("OBJECTION", "Rekam jejak kantor pusat belum diverifikasi"));
    // the round goes on: the other six seats still recommend
    assertThat(tasks(cooperation, ApprovalProcess.TASK_RECOMMEND_PERMIT)).hasSize(6);
    for (Task t : tasks(cooperation, ApprovalProcess.TASK_RECOMMEND_PERMIT)) {
      complete(seat(t), t, decision("NO_OBJECTION", null));
    }
    // the Foreign Minister's seat decides, the objection before it
    Task decide = task(cooperation, ApprovalProcess.TASK_DECIDE_PRINCIPLE_PERMIT);
    assertThat(decide).hasCandidateGroup(COORDINATOR);
    complete(COORDINATOR, decide, decision("REFUSED", "Keberatan Polri diterima"));
    assertThat(agreementOf(cooperation).status().name()).isEqualTo("REFUSED");
  }

  @Test
  void theNgosOwnApplicationAlsoReachesThePermitDecisionDespiteAnObjection() {
    Ngo ngo = newNgo("Yayasan Empat Pertimbangan");
    ProcessInstance pi = start(NgoPermitProcess.PROCESS_KEY, ngo.groupId(), values("ngo", ngo.groupId(),
        "request", "NEW", "notes", "Programme for village health posts"));
    complete(COORDINATOR, ngoTask(pi, NgoPermitProcess.TASK_CHECK_FILE), decision("COMPLETE", null));
    List<Task> seats = ngoTasks(pi, NgoPermitProcess.TASK_RECOMMEND);
    complete(seat(seats.get(0)), seats.get(0), decision("OBJECTION", "Sumber dana belum jelas"));
    for (Task t : ngoTasks(pi, NgoPermitProcess.TASK_RECOMMEND)) {
      complete(seat(t), t, decision("NO_OBJECTION", null));
    }
    Map<String, Object> grant = decision("GRANTED", "Keberatan dijawab dengan laporan audit");
    grant.put("validUntil", today().plusYears(3).toString());
    complete(COORDINATOR, ngoTask(pi, NgoPermitProcess.TASK_DECIDE), grant);
    assertThat(pi).isEnded();
    assertThat(reload(ngo).status()).isEqualTo(NgoStatus.LICENSED);
    assertThat(registry.events(ngo.id())).extracting(NgoEvent::outcome).contains("OBJECTION", "GRANTED");
  }
}
