package id.go.kerjasama.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.lifecycle.LifecycleTestSupport;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.Status;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * Termination at any time: a termination message, correlated by business
 * key, interrupts whatever phase runs (approval, the yearly cycle, renewal)
 * and goes to close-out. Only Fasker (any agreement) and the TPOA coordinator
 * (foreign-NGO agreements) may send one.
 */
@ProcessTest
class TerminationProcessTest extends LifecycleTestSupport {

  static final LocalDate START = LocalDate.of(2026, 2, 2);
  static final LocalDate END = LocalDate.of(2027, 12, 31);

  @Test
  void anEarlyTerminationDuringApprovalClosesTheProposalWithoutFinalReport() {
    ProcessInstance pi = submit("province-51", proposal("LUAR_NEGERI", "province-51", "51"));
    String key = pi.getBusinessKey();
    // the region's DPRD comes first on this route (recorded before KSDPL/KSDLL)
    assertThat(openTask(key, "UserTask_RecordDprdApproval")).isNotNull();

    terminate("fasker", key, LifecycleProcess.MESSAGE_EARLY_TERMINATION, "Pemerintah daerah menarik usulan");

    assertThat(openTask(key, "UserTask_RecordDprdApproval")).isNull();
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count())
        .isZero();
    assertThat(pi).isEnded().hasPassed(LifecycleProcess.TASK_RECORD_EARLY_TERMINATION, LifecycleProcess.CALL_CLOSE_OUT,
        LifecycleProcess.END_CLOSED);
    Agreement closed = agreementOf(pi);
    assertThat(closed.status()).isEqualTo(Status.TERMINATED);
    assertThat(closed.phase()).isEqualTo(Phase.CLOSED);
    assertThat(closed.statusReason()).isEqualTo("Diakhiri sebelum tanggal berakhir: Pemerintah daerah menarik usulan");
    assertThat(agreements.events(closed.id())).filteredOn(e -> e.outcome().equals("EARLY_TERMINATION"))
        .singleElement().satisfies(e -> {
          assertThat(e.actor()).isEqualTo("t-fasker");
          assertThat(e.phase()).isEqualTo(Phase.CENTRAL_APPROVAL);
          assertThat(e.notes()).isEqualTo("Pemerintah daerah menarik usulan");
        });
    assertThat(agreements.events(closed.id())).extracting(AgreementEvent::activity)
        .doesNotContain(CloseOutProcess.TASK_SUBMIT_FINAL_REPORT).contains(CloseOutProcess.TASK_ARCHIVE);
  }

  @Test
  void aRevokedPermitDuringImplementationInterruptsTheCycleAndAsksForTheFinalReport() {
    ProcessInstance pi = signed("ORMAS_ASING", "ministry-kemensos", "53", START, END);
    String key = pi.getBusinessKey();
    complete("ministry-kemensos", task(key, "UserTask_DraftWorkPlan"), workPlan(2026));
    assertThat(task(key, "UserTask_ReviewWorkPlanProvince")).isNotNull();

    terminate("tpoa-kemlu", key, LifecycleProcess.MESSAGE_PERMIT_REVOKED, "Izin prinsip dicabut Menteri Luar Negeri");

    assertThat(openTask(key, "UserTask_ReviewWorkPlanProvince")).isNull();
    Agreement terminated = agreementOf(pi);
    assertThat(terminated.status()).isEqualTo(Status.TERMINATED);
    assertThat(terminated.phase()).isEqualTo(Phase.CLOSE_OUT);
    complete("ministry-kemensos", task(key, CloseOutProcess.TASK_SUBMIT_FINAL_REPORT),
        Map.of("finalReport", "Kegiatan dihentikan setelah izin prinsip dicabut."));
    assertThat(pi).isEnded().hasPassed(LifecycleProcess.TASK_RECORD_PERMIT_REVOCATION);
    Agreement closed = agreementOf(pi);
    assertThat(closed.status()).isEqualTo(Status.TERMINATED);
    assertThat(closed.statusReason()).isEqualTo("Izin dicabut: Izin prinsip dicabut Menteri Luar Negeri");
    assertThat(processEngine.getRuntimeService().createVariableInstanceQuery()
        .variableName(LifecycleProcess.TERMINATION_REASON).processInstanceIdIn(pi.getId()).count()).isZero();
  }

  @Test
  void anEarlyTerminationDuringRenewalCancelsTheRenewal() {
    ProcessInstance pi = signed("DALAM_NEGERI", "regency-3273", "32", START, END);
    String key = pi.getBusinessKey();
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    assertThat(task(key, RenewalProcess.TASK_DECIDE)).isNotNull();

    terminate("fasker", key, LifecycleProcess.MESSAGE_EARLY_TERMINATION, null);

    assertThat(openTask(key, RenewalProcess.TASK_DECIDE)).isNull();
    assertThat(openTask(key, "UserTask_DraftWorkPlan")).isNull();
    assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    complete("regency-3273", task(key, CloseOutProcess.TASK_SUBMIT_FINAL_REPORT),
        Map.of("finalReport", "Para pihak sepakat mengakhiri kerja sama lebih awal."));
    assertThat(pi).isEnded();
    assertThat(agreementOf(pi).status()).isEqualTo(Status.TERMINATED);
    assertThat(agreementOf(pi).statusReason()).isEqualTo("Diakhiri sebelum tanggal berakhir");
  }

  @Test
  void onlyFaskerAndForForeignNgosTheTpoaCoordinatorMayTerminate() {
    ProcessInstance own = signed("LUAR_NEGERI", "province-61", "61", START, END);
    // a province may not terminate, not even its own agreement (UPDATE would let it change its instance)
    assertThatThrownBy(() -> terminate("province-61", own.getBusinessKey(),
        LifecycleProcess.MESSAGE_EARLY_TERMINATION, null)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> terminate("province-62", own.getBusinessKey(),
        LifecycleProcess.MESSAGE_EARLY_TERMINATION, null)).isInstanceOf(AuthorizationException.class);
    // the TPOA coordinator only for foreign-NGO agreements
    assertThatThrownBy(() -> terminate("tpoa-kemlu", own.getBusinessKey(),
        LifecycleProcess.MESSAGE_PERMIT_REVOKED, null)).isInstanceOf(AuthorizationException.class);
    assertThat(agreementOf(own).status()).isEqualTo(Status.ACTIVE);
    assertThat(task(own.getBusinessKey(), "UserTask_DraftWorkPlan")).isNotNull();
  }

  @Test
  void aClosedAgreementCannotBeTerminated() {
    ProcessInstance pi = submit("province-51", proposal("LUAR_NEGERI", "province-51", "51"));
    complete("province-51", task(pi.getBusinessKey(), "UserTask_RecordDprdApproval"),
        id.go.kerjasama.approval.ApprovalWalk.approving("UserTask_RecordDprdApproval"));
    complete("ministry-kemlu", task(pi.getBusinessKey(), "UserTask_ConsultKemlu"),
        id.go.kerjasama.approval.ApprovalWalk.approving("UserTask_ConsultKemlu"));
    complete("fasker", task(pi.getBusinessKey(), "UserTask_ReviewByFasker"), decision("REFUSED", "Tidak lengkap"));
    assertThat(pi).isEnded();
    assertThatThrownBy(() -> terminate("fasker", pi.getBusinessKey(), LifecycleProcess.MESSAGE_EARLY_TERMINATION, null))
        .isInstanceOf(MismatchingMessageCorrelationException.class);
  }

  private void terminate(String group, String key, String message, String reason) {
    actAs(group);
    try {
      var correlation = processEngine.getRuntimeService().createMessageCorrelation(message)
          .processInstanceBusinessKey(key);
      if (reason != null) {
        correlation.setVariable(LifecycleProcess.TERMINATION_REASON, reason);
      }
      correlation.correlate();
    } finally {
      actAsSystem();
    }
    runContinuations();
  }
}
