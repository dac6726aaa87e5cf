package id.go.kerjasama.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.ProcessTest;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The decision table processes/evaluation-rating.dmn as deployed, row by row
 * (hit policy FIRST: each rating is one row), with the boundaries of each row.
 */
@ProcessTest
class EvaluationRatingDecisionTest {

  @Autowired
  DecisionService decisionService;

  @ParameterizedTest(name = "average {0}, lowest {1}, indicators {2}% -> {3}, {4}")
  @CsvSource(delimiter = '|', textBlock = """
      # row 1 (Sangat baik): average >= 4.0, lowest >= 3, indicators >= 80%
      5.0  | 5 | 100 | SANGAT_BAIK | CONTINUE
      4.0  | 3 |  80 | SANGAT_BAIK | CONTINUE
      # row 2 (Baik): average >= 3.0, lowest >= 2, indicators >= 60%
      3.99 | 3 | 100 | BAIK        | CONTINUE
      4.5  | 2 | 100 | BAIK        | CONTINUE
      4.5  | 5 |  79 | BAIK        | CONTINUE
      3.0  | 2 |  60 | BAIK        | CONTINUE
      # row 3 (Cukup): average >= 2.5, indicators >= 40%, any lowest
      2.99 | 2 | 100 | CUKUP       | CONTINUE_WITH_IMPROVEMENTS
      4.57 | 1 | 100 | CUKUP       | CONTINUE_WITH_IMPROVEMENTS
      4.0  | 4 |  59 | CUKUP       | CONTINUE_WITH_IMPROVEMENTS
      2.5  | 1 |  40 | CUKUP       | CONTINUE_WITH_IMPROVEMENTS
      # row 4 (Kurang): everything else
      2.49 | 2 | 100 | KURANG      | DO_NOT_EXTEND
      5.0  | 5 |  39 | KURANG      | DO_NOT_EXTEND
      1.0  | 1 |   0 | KURANG      | DO_NOT_EXTEND
      """)
  void ratesTheScoresAndIndicators(double average, int lowest, int achievement, Rating rating,
                                   Recommendation recommendation) {
    DmnDecisionRuleResult result = decisionService.evaluateDecisionTableByKey(EvaluationProcess.DECISION_KEY)
        .variables(Variables.createVariables()
            .putValue(EvaluationProcess.AVERAGE_SCORE, average)
            .putValue(EvaluationProcess.LOWEST_SCORE, lowest)
            .putValue(EvaluationProcess.INDICATOR_ACHIEVEMENT, achievement))
        .evaluate()
        .getSingleResult();
    assertThat(result.<String>getEntry(EvaluationProcess.OUTPUT_RATING)).isEqualTo(rating.name());
    assertThat(result.<String>getEntry(EvaluationProcess.OUTPUT_RECOMMENDATION)).isEqualTo(recommendation.name());
  }
}
