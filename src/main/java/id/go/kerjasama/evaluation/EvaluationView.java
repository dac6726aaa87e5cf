package id.go.kerjasama.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One budget year's evaluation as {@code GET /api/agreements/{id}} shows it
 * (list {@code evaluations}, oldest year first, so years compare side by side).
 */
public record EvaluationView(
    int budgetYear,
    int term,
    EvaluationKind kind,
    String kindLabel,
    BigDecimal selfAverageScore,
    String selfEvaluatedBy,
    Instant selfEvaluatedAt,
    String selfNotes,
    BigDecimal averageScore,
    Integer lowestScore,
    Integer indicatorAchievement,
    Rating rating,
    String ratingLabel,
    Recommendation recommendation,
    String recommendationLabel,
    String evaluatedBy,
    Instant evaluatedAt,
    String notes,
    List<CriterionView> criteria,
    List<IndicatorView> indicators,
    List<SuccessStoryView> successStories) {

  /** One criterion: the self-evaluation's and Fasker's score side by side. */
  public record CriterionView(Criterion criterion, String label, Integer selfScore, String selfJustification,
                              Integer score, String justification) {
  }

  public record IndicatorView(String name, String unit, BigDecimal target, BigDecimal achieved) {
  }

  public record SuccessStoryView(Evaluator evaluator, String title, String story, String recordedBy,
                                 Instant recordedAt) {
  }
}
