package id.go.kerjasama.evaluation;

import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementDetails;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The evaluations in {@code GET /api/agreements/{id}}, as {@code evaluations}
 * beside the timeline: one per budget year, oldest first, so years compare
 * side by side.
 */
@Component
@Order(3)
class EvaluationDetails implements AgreementDetails {

  private final EvaluationService evaluationService;

  EvaluationDetails(EvaluationService evaluationService) {
    this.evaluationService = evaluationService;
  }

  @Override
  public String name() {
    return "evaluations";
  }

  @Override
  public boolean topLevel() {
    return true;
  }

  @Override
  public List<EvaluationView> of(Agreement agreement) {
    return evaluationService.series(agreement.id());
  }
}
