package id.go.kerjasama.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.lifecycle.LifecycleTestSupport;
import id.go.kerjasama.platform.calendar.WorkingDayCalendar;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.ProcessVariables;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/evaluation.bpmn in chunks: the process started for one budget
 * year of a registered agreement, as the lifecycle starts it.
 */
@ProcessTest
class EvaluationProcessTest extends LifecycleTestSupport {

  @Autowired
  EvaluationService evaluations;
  @Autowired
  WorkingDayCalendar workingDays;

  static Stream<Arguments> bands() {
    return Stream.of(
        Arguments.of(5, 5, 5, 100, Rating.SANGAT_BAIK, Recommendation.CONTINUE),
        Arguments.of(4, 3, 3, 70, Rating.BAIK, Recommendation.CONTINUE),
        Arguments.of(3, 4, 1, 90, Rating.CUKUP, Recommendation.CONTINUE_WITH_IMPROVEMENTS),
        Arguments.of(2, 2, 2, 30, Rating.KURANG, Recommendation.DO_NOT_EXTEND));
  }

  @ParameterizedTest(name = "Fasker scores {1} (lowest {2}), indicators {3}% -> {4}")
  @MethodSource("bands")
  void theSelfEvaluationThenFaskersScoresGiveTheRatingAndRecommendation(int self, int score, int lowest,
                                                                          int achieved, Rating rating,
                                                                          Recommendation recommendation) {
    ProcessInstance lifecycle = submit("province-32", proposal("LUAR_NEGERI", "province-32", "32"));
    String key = lifecycle.getBusinessKey();
    long agreementId = agreementOf(lifecycle).id();
    ProcessInstance pi = startEvaluation(lifecycle, 2026, "ANNUAL");

    Task selfTask = task(key, EvaluationProcess.TASK_SELF_EVALUATE);
    assertThat(selfTask).hasCandidateGroup("province-32");
    assertThat(selfTask.getDueDate()).isEqualTo(workingDays.dueIn(15));
    complete("province-32", selfTask, selfEvaluation(self, achieved));
    Task faskerTask = task(key, EvaluationProcess.TASK_EVALUATE);
    assertThat(faskerTask).hasCandidateGroup("fasker");
    assertThat((String) processEngine.getTaskService().getVariable(faskerTask.getId(), EvaluationProcess.SELF_ASSESSMENT))
        .contains("Rata-rata evaluasi mandiri: " + self + ".00").contains("capaian indikator: " + achieved + "%");
    complete("fasker", faskerTask, evaluation(score, lowest, "Catatan Fasker"));

    assertThat(pi).isEnded().hasPassed(EvaluationProcess.TASK_RATE, EvaluationProcess.END_RECORDED);
    EvaluationView view = evaluations.series(agreementId).get(0);
    assertThat(view.budgetYear()).isEqualTo(2026);
    assertThat(view.kind()).isEqualTo(EvaluationKind.ANNUAL);
    assertThat(view.rating()).isEqualTo(rating);
    assertThat(view.recommendation()).isEqualTo(recommendation);
    assertThat(view.indicatorAchievement()).isEqualTo(achieved);
    assertThat(view.lowestScore()).isEqualTo(lowest);
    assertThat(view.selfAverageScore()).isEqualByComparingTo(BigDecimal.valueOf(self));
    assertThat(view.selfEvaluatedBy()).isEqualTo("t-province-32");
    assertThat(view.evaluatedBy()).isEqualTo("t-fasker");
    assertThat(view.notes()).isEqualTo("Catatan Fasker");
    assertThat(view.criteria()).hasSize(7).first().satisfies(c -> {
      assertThat(c.criterion()).isEqualTo(Criterion.PROCEDURE_ETHICS);
      assertThat(c.selfScore()).isEqualTo(self);
      assertThat(c.score()).isEqualTo(lowest);
      assertThat(c.justification()).isEqualTo("Alasan untuk procedure_ethics");
    });
    assertThat(view.indicators()).singleElement().satisfies(i -> {
      assertThat(i.name()).isEqualTo("Desa yang didampingi");
      assertThat(i.target()).isEqualByComparingTo("100");
      assertThat(i.achieved()).isEqualByComparingTo(String.valueOf(achieved));
    });
    assertThat(view.successStories()).singleElement().satisfies(s -> {
      assertThat(s.evaluator()).isEqualTo(Evaluator.SELF);
      assertThat(s.title()).isEqualTo("Posyandu keliling");
    });
    assertThat(agreements.events(agreementId)).filteredOn(e -> e.activity().equals(EvaluationProcess.TASK_RATE))
        .singleElement().extracting(AgreementEvent::outcome).isEqualTo(rating.name());
    // the form's values and the working variables left the process: the registry holds them
    List<String> working = List.of("scoreRelevance", "justificationRelevance", "indicators", "successStories",
        EvaluationProcess.AVERAGE_SCORE, EvaluationProcess.RATING_RESULT, EvaluationProcess.SELF_ASSESSMENT);
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .list()).filteredOn(v -> working.contains(v.getName()))
        .allSatisfy(v -> assertThat(v.getState()).isEqualTo("DELETED"));
  }

  @Test
  void aBadSelfEvaluationIsRefusedWithEveryProblemAndTheTaskStaysOpen() {
    ProcessInstance lifecycle = submit("province-32", proposal("LUAR_NEGERI", "province-32", "32"));
    String key = lifecycle.getBusinessKey();
    startEvaluation(lifecycle, 2026, "ANNUAL");
    Map<String, Object> bad = new HashMap<>(selfEvaluation(4, 90));
    bad.put(Criterion.RELEVANCE.scoreField(), "6");
    bad.remove(Criterion.SUSTAINABILITY.justificationField());
    bad.put("indicators", "[{\"name\": \"Desa\", \"target\": 0, \"achieved\": 5}]");
    bad.put("successStories", List.of(Map.of("title", "Judul", "story", "terlalu pendek")));

    assertThatThrownBy(() -> complete("province-32", task(key, EvaluationProcess.TASK_SELF_EVALUATE), bad))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsExactlyInAnyOrder(
            "Nilai Relevansi inisiatif dengan kebutuhan harus bilangan bulat 1 sampai 5",
            "Alasan nilai Daya tahan dan prospek keberlanjutan wajib diisi",
            "Indikator 1: Target paling kecil 0,01",
            "Kisah sukses dan praktik baik 1: Uraian: apa yang dilakukan, hasilnya, dan cara mereplikasinya"
                + " minimal 20 karakter (sekarang 14)"));
    Map<String, Object> noIndicators = new HashMap<>(selfEvaluation(4, 90));
    noIndicators.remove("indicators");
    assertThatThrownBy(() -> complete("province-32", task(key, EvaluationProcess.TASK_SELF_EVALUATE), noIndicators))
        .hasMessageContaining("Indikator keberhasilan wajib diisi");
    assertThat(task(key, EvaluationProcess.TASK_SELF_EVALUATE)).isNotNull();
    assertThat(evaluations.series(agreementOf(lifecycle).id())).isEmpty();
  }

  @Test
  void indicatorsSentAsJsonTextAreRead() {
    ProcessInstance lifecycle = submit("province-33", proposal("LUAR_NEGERI", "province-33", "33"));
    String key = lifecycle.getBusinessKey();
    startEvaluation(lifecycle, 2027, "END_OF_TERM");
    Map<String, Object> form = new HashMap<>(selfEvaluation(4, 90));
    form.put("indicators", "[{\"name\": \"Guru terlatih\", \"unit\": \"orang\", \"target\": \"200\", \"achieved\": 250},"
        + "{\"name\": \"Sekolah mitra\", \"target\": 10, \"achieved\": \"5\"}]");
    form.remove("successStories");
    complete("province-33", task(key, EvaluationProcess.TASK_SELF_EVALUATE), form);
    complete("fasker", task(key, EvaluationProcess.TASK_EVALUATE), evaluation(4, 4, null));

    EvaluationView view = evaluations.series(agreementOf(lifecycle).id()).get(0);
    assertThat(view.kind()).isEqualTo(EvaluationKind.END_OF_TERM);
    // over-achievement counts as 100%: (100% + 50%) / 2
    assertThat(view.indicatorAchievement()).isEqualTo(75);
    assertThat(view.rating()).isEqualTo(Rating.BAIK);
    assertThat(view.indicators()).extracting(EvaluationView.IndicatorView::name)
        .containsExactly("Guru terlatih", "Sekolah mitra");
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
