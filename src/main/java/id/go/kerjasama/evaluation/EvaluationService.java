package id.go.kerjasama.evaluation;

import id.go.kerjasama.platform.time.BusinessClock;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Evaluations in the registry: recording each evaluator's instrument and the rating; the series per agreement. */
@Service
@Transactional
public class EvaluationService {

  private final EvaluationRepository repository;

  public EvaluationService(EvaluationRepository repository) {
    this.repository = repository;
  }

  /** The implementer's self-evaluation of a budget year, with the program's indicators. */
  public long recordSelfEvaluation(long agreementId, int budgetYear, int term, EvaluationKind kind,
                                   Assessment assessment, String by) {
    long id = repository.findOrCreate(agreementId, budgetYear, term, kind);
    repository.updateSelf(id, by, BusinessClock.now(), assessment.averageScore(), assessment.notes());
    repository.replaceScores(id, Evaluator.SELF, assessment.scores());
    repository.replaceIndicators(id, assessment.indicators());
    repository.replaceStories(agreementId, id, Evaluator.SELF, assessment.successStories(), by, BusinessClock.now());
    return id;
  }

  /**
   * Fasker's evaluation of a budget year; the indicators are those the
   * implementer reported. Returns the inputs of the rating table.
   */
  public RatingInputs recordFaskerEvaluation(long agreementId, int budgetYear, int term, EvaluationKind kind,
                                             Assessment assessment, String by) {
    long id = repository.findOrCreate(agreementId, budgetYear, term, kind);
    int achievement = Assessment.achievement(repository.indicators(id));
    repository.updateFasker(id, by, BusinessClock.now(), assessment.averageScore(), assessment.lowestScore(),
        achievement, assessment.notes());
    repository.replaceScores(id, Evaluator.FASKER, assessment.scores());
    repository.replaceStories(agreementId, id, Evaluator.FASKER, assessment.successStories(), by, BusinessClock.now());
    return new RatingInputs(assessment.averageScore(), assessment.lowestScore(), achievement);
  }

  public void recordRating(long agreementId, int budgetYear, Rating rating, Recommendation recommendation) {
    long id = repository.find(agreementId, budgetYear).orElseThrow(() -> new IllegalStateException(
        "No evaluation of " + budgetYear + " for agreement " + agreementId));
    repository.updateRating(id, rating, recommendation, BusinessClock.now());
  }

  /** Every evaluation of the agreement, oldest budget year first. */
  @Transactional(readOnly = true)
  public List<EvaluationView> series(long agreementId) {
    return repository.series(agreementId);
  }

  /** What the decision table {@code evaluation-rating} reads. */
  public record RatingInputs(BigDecimal averageScore, int lowestScore, int indicatorAchievement) {
  }

  /** How many agreements have this rating and recommendation in their latest rated evaluation. */
  public record RatingCount(String rating, String recommendation, long count) {
  }

  /** The latest rated evaluation of each agreement (the latest budget year), counted per rating and recommendation. */
  @Transactional(readOnly = true)
  public List<RatingCount> countLatestRatings() {
    return repository.countLatestRatings();
  }
}
