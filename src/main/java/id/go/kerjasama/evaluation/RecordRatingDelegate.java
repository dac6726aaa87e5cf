package id.go.kerjasama.evaluation;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.ProcessVariables;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stores the rating and recommendation that the decision table gave
 * ({@code ratingResult}) with the year's evaluation, writes them into the
 * audit trail, and clears the evaluation's working variables.
 */
@Component
@FormerlyNamed("recordEvaluationRating")
class RecordRatingDelegate implements JavaDelegate {

  private final EvaluationService evaluations;
  private final AgreementService agreements;

  public RecordRatingDelegate(EvaluationService evaluations, AgreementService agreements) {
    this.evaluations = evaluations;
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long agreementId = ProcessVariables.agreementId(execution);
    int year = ProcessVariables.cycleYear(execution);
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) execution.getVariable(EvaluationProcess.RATING_RESULT);
    if (result == null) {
      throw new IllegalStateException("The decision table " + EvaluationProcess.DECISION_KEY + " gave no result");
    }
    Rating rating = Rating.valueOf(result.get(EvaluationProcess.OUTPUT_RATING).toString());
    Recommendation recommendation = Recommendation.valueOf(result.get(EvaluationProcess.OUTPUT_RECOMMENDATION).toString());
    evaluations.recordRating(agreementId, year, rating, recommendation);
    agreements.recordEvent(agreementId, null, Phase.EVALUATION, EvaluationProcess.TASK_RATE,
        "Peringkat evaluasi " + year, rating.name(),
        rating.label() + " (rata-rata " + execution.getVariable(EvaluationProcess.AVERAGE_SCORE) + ", capaian indikator "
            + execution.getVariable(EvaluationProcess.INDICATOR_ACHIEVEMENT) + "%); rekomendasi: "
            + recommendation.label());
    for (String v : new String[] {EvaluationProcess.RATING_RESULT, EvaluationProcess.AVERAGE_SCORE,
        EvaluationProcess.LOWEST_SCORE, EvaluationProcess.INDICATOR_ACHIEVEMENT, EvaluationProcess.SELF_ASSESSMENT,
        EvaluationProcess.MITRA_UTAMA_ASSESSMENT}) {
      execution.removeVariable(v);
    }
  }
}
