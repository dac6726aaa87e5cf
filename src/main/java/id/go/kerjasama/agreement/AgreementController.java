package id.go.kerjasama.agreement;

import id.go.kerjasama.evaluation.EvaluationService;
import id.go.kerjasama.evaluation.EvaluationView;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The registry API: {@code GET /api/agreements/{id}} (docs/api.md). */
@RestController
@RequestMapping("/api/agreements")
public class AgreementController {

  private final AgreementService agreementService;
  private final AgreementAccess access;
  private final EvaluationService evaluationService;

  public AgreementController(AgreementService agreementService, AgreementAccess access,
                             EvaluationService evaluationService) {
    this.agreementService = agreementService;
    this.access = access;
    this.evaluationService = evaluationService;
  }

  /**
   * An agreement with its labels, its audit trail (timeline of decisions) and
   * its evaluations, oldest budget year first.
   */
  public record AgreementView(Agreement agreement, String typeLabel, String phaseLabel, String statusLabel,
                              List<AgreementEvent> timeline, List<EvaluationView> evaluations) {
  }

  @GetMapping("/{id}")
  public AgreementView get(@PathVariable long id) {
    Agreement agreement = access.checkRead(agreementService.get(id));
    return new AgreementView(agreement, agreement.type().label(), agreement.phase().label(),
        agreement.status().label(), agreementService.events(id), evaluationService.series(id));
  }
}
