package id.go.kerjasama.agreement;

import id.go.kerjasama.evaluation.EvaluationService;
import id.go.kerjasama.evaluation.EvaluationView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final List<AgreementDetails> details;
  private final EvaluationService evaluationService;

  public AgreementController(AgreementService agreementService, AgreementAccess access,
                             List<AgreementDetails> details, EvaluationService evaluationService) {
    this.agreementService = agreementService;
    this.access = access;
    this.details = details;
    this.evaluationService = evaluationService;
  }

  /**
   * An agreement with its labels, its audit trail (timeline of decisions),
   * its evaluations (oldest budget year first, comparable across years) and
   * the details the phases keep (see {@link AgreementDetails}).
   */
  public record AgreementView(Agreement agreement, String typeLabel, String phaseLabel, String statusLabel,
                              List<AgreementEvent> timeline, List<EvaluationView> evaluations,
                              Map<String, Object> details) {
  }

  @GetMapping("/{id}")
  public AgreementView get(@PathVariable long id) {
    Agreement agreement = access.checkRead(agreementService.get(id));
    Map<String, Object> phaseDetails = new LinkedHashMap<>();
    for (AgreementDetails d : details) {
      Object value = d.of(agreement);
      if (value != null) {
        phaseDetails.put(d.name(), value);
      }
    }
    return new AgreementView(agreement, agreement.type().label(), agreement.phase().label(),
        agreement.status().label(), agreementService.events(id), evaluationService.series(id), phaseDetails);
  }
}
