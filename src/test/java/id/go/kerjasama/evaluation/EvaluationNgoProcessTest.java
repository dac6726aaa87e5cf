package id.go.kerjasama.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.lifecycle.LifecycleTestSupport;
import id.go.kerjasama.ngo.NewNgo;
import id.go.kerjasama.ngo.Ngo;
import id.go.kerjasama.ngo.NgoRegistry;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.ProcessVariables;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/evaluation.bpmn for a foreign NGO's cooperation (assumption A37):
 * at the end of the term the NGO evaluates itself and the Mitra Utama
 * assesses that evaluation before Fasker; an annual evaluation stays with the
 * Mitra Utama.
 */
@ProcessTest
class EvaluationNgoProcessTest extends LifecycleTestSupport {

  static final String MITRA_UTAMA = "ministry-kemensos";

  @Autowired
  EvaluationService evaluations;
  @Autowired
  NgoRegistry ngos;

  private Ngo ngo;

  private ProcessInstance cooperation(String name) {
    actAsSystem();
    String code = "evaluasi-" + System.nanoTime() % 1_000_000;
    ngo = ngos.register(new NewNgo("ngo-" + code, name, "Belanda", "Statuten, KvK 7712345", "Anke de Vries",
        "anke@" + code + ".example", null, "Jl. Diponegoro No. 9, Bandar Lampung"), "t-fasker");
    userOf(ngo.groupId());
    Map<String, Object> form = proposal("ORMAS_ASING", MITRA_UTAMA, "18");
    form.put(LifecycleProcess.FIELD_NGO, ngo.groupId());
    return submit(MITRA_UTAMA, form);
  }

  @Test
  void atTheEndOfTheTermTheNgoEvaluatesItselfAndTheMitraUtamaAssessesItBeforeFasker() {
    ProcessInstance lifecycle = cooperation("Evaluasi Akhir Masa Stichting Uji");
    String key = lifecycle.getBusinessKey();
    long agreementId = agreementOf(lifecycle).id();
    ProcessInstance pi = startEvaluation(lifecycle, 2027, "END_OF_TERM");

    Task self = task(key, EvaluationProcess.TASK_SELF_EVALUATE);
    assertThat(self).hasCandidateGroup(ngo.groupId());
    assertThat(processEngine.getTaskService().getIdentityLinksForTask(self.getId()))
        .noneMatch(l -> MITRA_UTAMA.equals(l.getGroupId()));
    // the Mitra Utama cannot do the NGO's self-evaluation
    assertThatThrownBy(() -> complete(MITRA_UTAMA, self, selfEvaluation(4, 80)))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    complete(ngo.groupId(), task(key, EvaluationProcess.TASK_SELF_EVALUATE), selfEvaluation(4, 80));

    Task assess = task(key, EvaluationProcess.TASK_ASSESS_NGO_SELF_EVALUATION);
    assertThat(assess).hasCandidateGroup(MITRA_UTAMA);
    assertThat(assess.getName()).isEqualTo("Nilai evaluasi mandiri ormas asing (Mitra Utama)");
    assertThat((String) processEngine.getTaskService().getVariable(assess.getId(), EvaluationProcess.SELF_ASSESSMENT))
        .contains("Rata-rata evaluasi mandiri: 4.00");
    // the NGO cannot assess its own evaluation; the assessment needs its text
    assertThatThrownBy(() -> complete(ngo.groupId(), assess, decision("AGREED", "Bagus sekali")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThatThrownBy(() -> complete(MITRA_UTAMA, assess, decision("DISAGREED", null)))
        .isInstanceOf(InvalidInputException.class);
    complete(MITRA_UTAMA, task(key, EvaluationProcess.TASK_ASSESS_NGO_SELF_EVALUATION),
        decision("DISAGREED", "Capaian desa dampingan terlalu tinggi; data lapangan 60 desa"));

    Task fasker = task(key, EvaluationProcess.TASK_EVALUATE);
    assertThat(fasker).hasCandidateGroup("fasker");
    // Fasker reads the NGO's self-evaluation and the Mitra Utama's assessment of it
    java.util.Map<String, Object> faskerSees = processEngine.getTaskService().getVariables(fasker.getId());
    assertThat((String) faskerSees.get(EvaluationProcess.SELF_ASSESSMENT)).contains("Rata-rata evaluasi mandiri: 4.00");
    assertThat(faskerSees).containsEntry(EvaluationProcess.MITRA_UTAMA_ASSESSMENT,
        "**Tidak sesuai dengan pelaksanaan** — Capaian desa dampingan terlalu tinggi; data lapangan 60 desa");
    complete("fasker", fasker, evaluation(3, 3, "Catatan Fasker"));

    assertThat(pi).isEnded().hasPassed(EvaluationProcess.TASK_ASSESS_NGO_SELF_EVALUATION, EvaluationProcess.TASK_RATE);
    EvaluationView view = evaluations.series(agreementId).get(0);
    assertThat(view.kind()).isEqualTo(EvaluationKind.END_OF_TERM);
    assertThat(view.selfEvaluatedBy()).isEqualTo("t-" + ngo.groupId());
    assertThat(view.evaluatedBy()).isEqualTo("t-fasker");
    assertThat(agreements.events(agreementId)).extracting(AgreementEvent::activity, AgreementEvent::actor)
        .containsSubsequence(
        tuple(EvaluationProcess.TASK_SELF_EVALUATE, "t-" + ngo.groupId()),
        tuple(EvaluationProcess.TASK_ASSESS_NGO_SELF_EVALUATION, "t-" + MITRA_UTAMA),
        tuple(EvaluationProcess.TASK_EVALUATE, "t-fasker"));
    assertThat(agreements.events(agreementId)).filteredOn(
            e -> e.activity().equals(EvaluationProcess.TASK_ASSESS_NGO_SELF_EVALUATION))
        .singleElement().satisfies(e -> {
          assertThat(e.outcome()).isEqualTo("DISAGREED");
          assertThat(e.notes()).contains("data lapangan 60 desa");
        });
  }

  @Test
  void anAnnualEvaluationOfAnNgoCooperationStaysWithTheMitraUtama() {
    ProcessInstance lifecycle = cooperation("Evaluasi Tahunan Stichting Uji");
    String key = lifecycle.getBusinessKey();
    ProcessInstance pi = startEvaluation(lifecycle, 2026, "ANNUAL");
    Task self = task(key, EvaluationProcess.TASK_SELF_EVALUATE);
    assertThat(self).hasCandidateGroup(MITRA_UTAMA);
    complete(MITRA_UTAMA, self, selfEvaluation(4, 80));
    assertThat(pi).isWaitingAt(EvaluationProcess.TASK_EVALUATE)
        .hasNotPassed(EvaluationProcess.TASK_ASSESS_NGO_SELF_EVALUATION);
  }

  private ProcessInstance startEvaluation(ProcessInstance lifecycle, int year, String kind) {
    Map<String, Object> vars = new HashMap<>(processEngine.getRuntimeService().getVariables(lifecycle.getId()));
    vars.put(ProcessVariables.CYCLE_YEAR, year);
    vars.put(ProcessVariables.EVALUATION_KIND, kind);
    vars.put(ProcessVariables.TERM, 1);
    return processEngine.getRuntimeService().startProcessInstanceByKey(EvaluationProcess.PROCESS_KEY,
        lifecycle.getBusinessKey(), vars);
  }
}
