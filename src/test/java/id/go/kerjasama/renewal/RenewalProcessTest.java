package id.go.kerjasama.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.lifecycle.LifecycleTestSupport;
import id.go.kerjasama.platform.calendar.WorkingDayCalendar;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.ProcessVariables;
import id.go.kerjasama.registry.Status;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Renewal before expiry (processes/renewal.bpmn inside the lifecycle) and
 * close-out (processes/close-out.bpmn): extend, not extend, no decision by the
 * end date, and a foreign NGO's renewal with TPOA's input. Terms within one
 * budget year keep the walks short; the clock moves with each timer.
 */
@ProcessTest
class RenewalProcessTest extends LifecycleTestSupport {

  static final LocalDate START = LocalDate.of(2026, 2, 2);
  static final LocalDate END = LocalDate.of(2026, 12, 31);

  @Autowired
  CloseOutRepository closeOuts;
  @Autowired
  WorkingDayCalendar workingDays;

  @Test
  void notExtendedTheAgreementEndsOnItsEndDateThenClosesOut() {
    ProcessInstance pi = signed("LUAR_NEGERI", "province-32", "32", START, END);
    String key = pi.getBusinessKey();
    walkCycle(key, "province-32", 4);
    assertThat(dueDay(timer(key, LifecycleProcess.TIMER_RENEWAL_DUE))).isEqualTo(LocalDate.of(2026, 6, 30));
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);

    Task decide = task(key, RenewalProcess.TASK_DECIDE);
    assertThat(decide).hasCandidateGroup("fasker");
    // due on the last working day before the end date (31 Dec 2026 is a Thursday)
    assertThat(decide.getDueDate()).isEqualTo(WorkingDayCalendar.closingTime(workingDays.minusWorkingDays(END, 1)));
    assertThat((String) processEngine.getTaskService().getVariable(decide.getId(), RenewalProcess.RENEWAL_BRIEF))
        .contains("2026-02-02 s.d. 2026-12-31").contains("2026 (akhir masa berlaku): **Sangat baik**")
        .contains("rekomendasi: Lanjutkan");
    assertThatThrownBy(() -> complete("fasker", decide, decision("END", null)))
        .hasMessageContaining("Catatan wajib diisi");
    complete("fasker", decide, decision("END", "Tujuan program tercapai"));

    // waits for the end date; the agreement stays in force until then
    assertThat(agreementOf(pi).status()).isEqualTo(Status.ACTIVE);
    assertThat(dueDay(timer(key, LifecycleProcess.TIMER_AGREEMENT_ENDS))).isEqualTo(END);
    fire(key, LifecycleProcess.TIMER_AGREEMENT_ENDS);

    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.CLOSE_OUT);
    Task report = task(key, CloseOutProcess.TASK_SUBMIT_FINAL_REPORT);
    assertThat(report).hasCandidateGroup("province-32");
    assertThat(report.getDueDate()).isEqualTo(workingDays.dueIn(30));
    assertThatThrownBy(() -> complete("province-32", report, Map.of("finalReport", "Singkat")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Laporan akhir minimal 20 karakter");
    complete("province-32", report, Map.of("finalReport", "Capaian, manfaat, kendala dan pelajaran program."));

    assertThat(pi).isEnded().hasPassed(LifecycleProcess.END_TERM_ENDED, LifecycleProcess.END_CLOSED);
    Agreement closed = agreementOf(pi);
    assertThat(closed.status()).isEqualTo(Status.CLOSED);
    assertThat(closed.phase()).isEqualTo(Phase.CLOSED);
    assertThat(closeOuts.find(closed.id())).hasValueSatisfying(c -> {
      assertThat(c.finalReport()).startsWith("Capaian");
      assertThat(c.finalReportBy()).isEqualTo("t-province-32");
      assertThat(c.documentsArchivedAt()).isNotNull();
      assertThat(c.archiveNote()).contains("Dokumen MOU DOK-" + key);
    });
  }

  @Test
  void noDecisionByTheEndDateMarksTheAgreementExpiredAndEscalatesToFasker() {
    ProcessInstance pi = signed("DALAM_NEGERI", "regency-3273", "32", START, END);
    String key = pi.getBusinessKey();
    walkCycle(key, "regency-3273", 3);
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    assertThat(task(key, RenewalProcess.TASK_DECIDE)).isNotNull();

    assertThat(dueDay(timer(key, RenewalProcess.TIMER_NO_DECISION))).isEqualTo(END);
    fire(key, RenewalProcess.TIMER_NO_DECISION);
    assertThat(openTask(key, RenewalProcess.TASK_DECIDE)).isNull();
    Agreement expired = agreementOf(pi);
    assertThat(expired.status()).isEqualTo(Status.EXPIRED);
    assertThat(expired.statusReason()).isEqualTo("Masa berlaku berakhir pada 31/12/2026 tanpa keputusan perpanjangan");

    Task followUp = task(key, RenewalProcess.TASK_FOLLOW_UP_EXPIRY);
    assertThat(followUp).hasCandidateGroup("fasker");
    assertThatThrownBy(() -> complete("fasker", followUp, decision("CLOSE_OUT", null)))
        .hasMessageContaining("Catatan wajib diisi");
    complete("fasker", followUp, decision("CLOSE_OUT", "Para pihak diberi tahu melalui surat"));
    complete("regency-3273", task(key, CloseOutProcess.TASK_SUBMIT_FINAL_REPORT),
        Map.of("finalReport", "Laporan akhir kerja sama yang berakhir tanpa perpanjangan."));

    assertThat(pi).isEnded().hasPassed(LifecycleProcess.END_TERM_EXPIRED, LifecycleProcess.END_CLOSED);
    Agreement closed = agreementOf(pi);
    assertThat(closed.status()).isEqualTo(Status.EXPIRED);
    assertThat(closed.phase()).isEqualTo(Phase.CLOSED);
    assertThat(closed.statusReason()).isEqualTo(expired.statusReason());
    assertThat(agreements.events(closed.id())).extracting(AgreementEvent::activity, AgreementEvent::outcome)
        .contains(org.assertj.core.groups.Tuple.tuple(RenewalProcess.TIMER_NO_DECISION, "EXPIRED"),
            org.assertj.core.groups.Tuple.tuple(RenewalProcess.TASK_FOLLOW_UP_EXPIRY, "CLOSE_OUT"));
  }

  @Test
  void extendedTheExtensionIsSignedAndTheNextTermRunsTheFollowingBudgetYears() {
    ProcessInstance pi = signed("LUAR_NEGERI", "province-33", "33", START, END);
    String key = pi.getBusinessKey();
    walkWorkPlan(key, "province-33");
    // renewal starts while the 2026 cycle is still at its reports
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.RENEWAL);
    assertThat((String) processEngine.getTaskService().getVariable(task(key, RenewalProcess.TASK_DECIDE).getId(),
        RenewalProcess.RENEWAL_BRIEF)).contains("Belum ada evaluasi");
    complete("fasker", task(key, RenewalProcess.TASK_DECIDE), decision("EXTEND", null));

    assertThat(agreementOf(pi).term()).isEqualTo(2);
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.SIGNING);
    sign(key, "province-33", "MOU-PERPANJANGAN", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
    // the registry shows the running cycle again; term 1 still runs its 2026 cycle
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.MONITORING);
    assertThat(agreementOf(pi).endDate()).isEqualTo(LocalDate.of(2027, 12, 31));
    assertThat(terms.find(agreementOf(pi).id(), 2)).isEmpty();
    walkMonitoring(key, "province-33");
    walkEvaluation(key, "province-33", 4);

    // term 2 starts after term 1's last cycle, with the next budget year
    assertThat(terms.find(agreementOf(pi).id(), 2)).hasValueSatisfying(t -> {
      assertThat(t.budgetYears()).containsExactly(2027);
      assertThat(t.renewalStartsOn()).isEqualTo(LocalDate.of(2027, 6, 30));
    });
    assertThat(dueDay(timer(key, LifecycleProcess.TIMER_RENEWAL_DUE))).isEqualTo(LocalDate.of(2027, 6, 30));
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.WORK_PLAN);
    assertThat(processEngine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(pi.getId())
        .variableName(ProcessVariables.TERM).singleResult().getValue()).isEqualTo(2);
    walkCycle(key, "province-33", 4);
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    complete("fasker", task(key, RenewalProcess.TASK_DECIDE), decision("END", "Cukup dua masa berlaku"));
    fire(key, LifecycleProcess.TIMER_AGREEMENT_ENDS);
    complete("province-33", task(key, CloseOutProcess.TASK_SUBMIT_FINAL_REPORT),
        Map.of("finalReport", "Dua masa berlaku selesai dengan hasil baik."));
    assertThat(pi).isEnded();
    assertThat(agreementOf(pi).statusReason()).contains("31/12/2027");
  }

  @Test
  void anExtensionWithinTheBudgetYearsAlreadyRunHasNoNewCycle() {
    ProcessInstance pi = signed("DALAM_NEGERI", "province-35", "35", START, LocalDate.of(2026, 6, 30));
    String key = pi.getBusinessKey();
    // a 5-month term: renewal starts at once
    assertThat(dueDay(timer(key, LifecycleProcess.TIMER_RENEWAL_DUE))).isEqualTo(START);
    walkCycle(key, "province-35", 4);
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    complete("fasker", task(key, RenewalProcess.TASK_DECIDE), decision("EXTEND", null));
    sign(key, "province-35", "PKS-ADDENDUM", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31));
    assertThat(terms.find(agreementOf(pi).id(), 2).orElseThrow().budgetYears()).isEmpty();
    assertThat(openTask(key, "UserTask_DraftWorkPlan")).isNull();
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    complete("fasker", task(key, RenewalProcess.TASK_DECIDE), decision("END", "Selesai"));
    fire(key, LifecycleProcess.TIMER_AGREEMENT_ENDS);
    complete("province-35", task(key, CloseOutProcess.TASK_SUBMIT_FINAL_REPORT),
        Map.of("finalReport", "Addendum selesai tanpa tahun anggaran baru."));
    assertThat(pi).isEnded();
  }

  @Test
  void aForeignNgoRenewalAsksTpoaFirstAndCannotBeExtendedAgainstItsObjection() {
    ProcessInstance pi = signed("ORMAS_ASING", "ministry-kemensos", "53", START, END);
    String key = pi.getBusinessKey();
    walkCycle(key, "ministry-kemensos", 2);
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);

    Task input = task(key, RenewalProcess.TASK_GIVE_TPOA_INPUT);
    assertThat(input).hasCandidateGroup("tpoa-kemlu");
    assertThat(openTask(key, RenewalProcess.TASK_DECIDE)).isNull();
    assertThat((String) processEngine.getTaskService().getVariable(input.getId(), RenewalProcess.RENEWAL_BRIEF))
        .contains("**Kurang**").contains("Tidak diperpanjang");
    complete("tpoa-kemlu", input, decision("OBJECT", "Laporan kegiatan dan sumber dana tidak dipublikasikan"));

    Task decide = task(key, RenewalProcess.TASK_DECIDE);
    assertThat(decide).hasCandidateGroup("ministry-kemensos");
    assertThat((String) processEngine.getTaskService().getVariable(decide.getId(), RenewalProcess.TPOA_INPUT))
        .isEqualTo("TPOA **berkeberatan** atas perpanjangan: Laporan kegiatan dan sumber dana tidak dipublikasikan");
    assertThatThrownBy(() -> complete("ministry-kemensos", decide, decision("EXTEND", null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("TPOA berkeberatan");
    complete("ministry-kemensos", decide, decision("END", "TPOA berkeberatan"));
    assertThat(timer(key, LifecycleProcess.TIMER_AGREEMENT_ENDS)).isNotNull();
    assertThat(agreements.events(agreementOf(pi).id())).extracting(AgreementEvent::activity, AgreementEvent::actor)
        .contains(org.assertj.core.groups.Tuple.tuple(RenewalProcess.TASK_GIVE_TPOA_INPUT, "t-tpoa-kemlu"));
  }

  @Test
  void aForeignNgoRenewalWithTpoaSupportIsSignedWithinThePrinciplePermit() {
    ProcessInstance pi = submit("ministry-kemensos", proposal("ORMAS_ASING", "ministry-kemensos", "53"));
    String key = pi.getBusinessKey();
    // an MSP may not outlast the principle permit (agreement-signing refuses it), so the permit covers both
    // terms here and the renewal starts 6 months before the MSP ends
    approveWithPermitUntil(key, LocalDate.of(2027, 12, 31));
    sign(key, "ministry-kemensos", "MSP-11/2026", START, END);
    assertThat(dueDay(timer(key, LifecycleProcess.TIMER_RENEWAL_DUE))).isEqualTo(LocalDate.of(2026, 6, 30));

    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    complete("tpoa-kemlu", task(key, RenewalProcess.TASK_GIVE_TPOA_INPUT), decision("SUPPORT", null));
    assertThat((String) processEngine.getTaskService().getVariable(task(key, RenewalProcess.TASK_DECIDE).getId(),
        RenewalProcess.TPOA_INPUT)).isEqualTo("TPOA **mendukung** perpanjangan");
    complete("ministry-kemensos", task(key, RenewalProcess.TASK_DECIDE), decision("EXTEND", null));
    Task signing = task(key, "UserTask_DraftMsp");
    assertThat(signing).hasCandidateGroup("ministry-kemensos");
    sign(key, "ministry-kemensos", "MSP-11/2026-P", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
    assertThat(agreementOf(pi).term()).isEqualTo(2);
    assertThat(agreementOf(pi).documentNumber()).isEqualTo("MSP-11/2026-P");
  }
}
