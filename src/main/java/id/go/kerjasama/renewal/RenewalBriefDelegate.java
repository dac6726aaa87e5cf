package id.go.kerjasama.renewal;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import id.go.kerjasama.evaluation.EvaluationService;
import id.go.kerjasama.evaluation.EvaluationView;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.ProcessVariables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Prepares the renewal decision from the evaluations: the latest ratings and
 * recommendations, newest first, as text the renewal forms show
 * ({@code renewalBrief}); the full series is in the registry
 * ({@code GET /api/agreements/{id}}, list {@code evaluations}).
 */
@Component
@FormerlyNamed("renewalBrief")
class RenewalBriefDelegate implements JavaDelegate {

  static final int YEARS_SHOWN = 5;

  private final AgreementService agreements;
  private final EvaluationService evaluations;

  public RenewalBriefDelegate(AgreementService agreements, EvaluationService evaluations) {
    this.agreements = agreements;
    this.evaluations = evaluations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ProcessVariables.agreementId(execution);
    execution.setVariable(RenewalProcess.RENEWAL_BRIEF, brief(agreements.get(id), evaluations.series(id)));
  }

  static String brief(Agreement agreement, List<EvaluationView> series) {
    StringBuilder s = new StringBuilder("**Masa berlaku ke-").append(agreement.term()).append(":** ")
        .append(agreement.startDate()).append(" s.d. ").append(agreement.endDate()).append("\n\n");
    List<EvaluationView> rated = new ArrayList<>(series.stream().filter(e -> e.rating() != null).toList());
    if (rated.isEmpty()) {
      return s.append("Belum ada evaluasi yang selesai dinilai.").toString();
    }
    Collections.reverse(rated);
    s.append("**Hasil evaluasi terakhir:**\n\n");
    for (EvaluationView e : rated.subList(0, Math.min(YEARS_SHOWN, rated.size()))) {
      s.append("- ").append(e.budgetYear()).append(" (").append(e.kindLabel().toLowerCase()).append("): **")
          .append(e.ratingLabel()).append("**, rata-rata nilai ").append(e.averageScore())
          .append(", capaian indikator ").append(e.indicatorAchievement()).append("% — rekomendasi: ")
          .append(e.recommendationLabel()).append('\n');
    }
    return s.toString();
  }
}
