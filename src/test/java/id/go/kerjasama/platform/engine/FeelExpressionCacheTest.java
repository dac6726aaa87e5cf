package id.go.kerjasama.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.ProcessTest;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application's DMN engine parses each FEEL text of a deployed decision
 * once: evaluating the evaluation-rating table again, with other inputs,
 * parses nothing more and still gives each row's result (the rows themselves:
 * EvaluationRatingDecisionTest, ApprovalRoutingDecisionTest).
 */
@ProcessTest
class FeelExpressionCacheTest {

  @Autowired
  DecisionService decisionService;

  @Autowired
  ProcessEngine processEngine;

  @Test
  void theDmnEngineUsesTheRememberingFeelEngine() {
    assertThat(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getDmnEngineConfiguration().getFeelEngine())
        .isInstanceOf(FeelExpressionCache.CachingScalaFeelEngine.class);
  }

  @Test
  void aDecisionEvaluatedAgainParsesNoFeel() {
    assertThat(rate(5.0, 5, 100)).isEqualTo("SANGAT_BAIK");
    int afterFirst = FeelExpressionCache.parses();
    assertThat(rate(3.0, 2, 60)).isEqualTo("BAIK");
    assertThat(rate(2.5, 1, 40)).isEqualTo("CUKUP");
    assertThat(rate(1.0, 1, 0)).isEqualTo("KURANG");
    assertThat(rate(4.0, 3, 80)).isEqualTo("SANGAT_BAIK");
    assertThat(FeelExpressionCache.parses()).as("every entry of the table was parsed before").isEqualTo(afterFirst);
  }

  private String rate(double average, int lowest, int achievement) {
    DmnDecisionRuleResult result = decisionService.evaluateDecisionTableByKey("evaluation-rating")
        .variables(Variables.createVariables()
            .putValue("averageScore", average)
            .putValue("lowestScore", lowest)
            .putValue("indicatorAchievement", achievement))
        .evaluate()
        .getSingleResult();
    return result.getEntry("rating");
  }
}
