package id.go.kerjasama.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** One evaluator's filled-in instrument: seven scores with justifications, indicators, success stories. */
record Assessment(
    Map<Criterion, Score> scores,
    List<Indicator> indicators,
    List<SuccessStory> successStories,
    String notes) {

  public record Score(int score, String justification) {
  }

  /** A success indicator of the program: target against achieved. */
  public record Indicator(String name, String unit, BigDecimal target, BigDecimal achieved) {

    /** Achieved as a share of the target, at most 1. */
    BigDecimal share() {
      BigDecimal share = achieved.divide(target, 4, RoundingMode.HALF_UP);
      return share.compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE : share;
    }
  }

  /** A success story or good practice, with the text others need to replicate it. */
  public record SuccessStory(String title, String story) {
  }

  /** Mean of the seven scores, two decimals. */
  public BigDecimal averageScore() {
    int sum = scores.values().stream().mapToInt(Score::score).sum();
    return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
  }

  public int lowestScore() {
    return Collections.min(scores.values().stream().map(Score::score).toList());
  }

  /**
   * The indicators' achievement in percent: the mean of achieved/target, each
   * capped at 100%, so one over-achieved indicator does not hide a missed one.
   */
  public static int achievement(List<Indicator> indicators) {
    if (indicators.isEmpty()) {
      return 0;
    }
    BigDecimal sum = indicators.stream().map(Indicator::share).reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(indicators.size()), 0, RoundingMode.HALF_UP).intValue();
  }
}
