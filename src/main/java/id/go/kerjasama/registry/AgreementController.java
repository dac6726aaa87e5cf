package id.go.kerjasama.registry;

import id.go.kerjasama.documents.DocumentController;
import id.go.kerjasama.documents.DocumentService;
import id.go.kerjasama.evaluation.EvaluationService;
import id.go.kerjasama.evaluation.EvaluationView;
import id.go.kerjasama.signing.SigningRecord;
import id.go.kerjasama.signing.SigningRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Registri kerja sama")
public class AgreementController {

  private final AgreementService agreementService;
  private final AgreementAccess access;
  private final List<AgreementDetails> details;
  private final EvaluationService evaluationService;
  private final DocumentService documentService;
  private final SigningRepository signings;

  public AgreementController(AgreementService agreementService, AgreementAccess access,
                             List<AgreementDetails> details, EvaluationService evaluationService,
                             DocumentService documentService, SigningRepository signings) {
    this.agreementService = agreementService;
    this.access = access;
    this.details = details;
    this.evaluationService = evaluationService;
    this.documentService = documentService;
    this.signings = signings;
  }

  /**
   * An agreement with its labels, its audit trail (timeline of decisions and
   * document uploads), its signing history (every MSP, LoI, MoU, NK, PKS
   * signed, from the tasks and the legacy import), its documents with every
   * version, its evaluations (oldest budget year first, comparable across
   * years) and the details the phases keep (see {@link AgreementDetails}).
   */
  public record AgreementView(Agreement agreement, String typeLabel, String phaseLabel, String statusLabel,
                              List<AgreementEvent> timeline, List<SigningRecord> signings,
                              List<DocumentController.DocumentView> documents, List<EvaluationView> evaluations,
                              Map<String, Object> details) {
  }

  @GetMapping("/{id}")
  @Operation(summary = "Rincian kerja sama: linimasa, penandatanganan, dokumen, evaluasi dan rincian tiap tahap")
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
        agreement.status().label(), agreementService.events(id), signings.history(id),
        DocumentController.views(id, documentService.documents(id)), evaluationService.series(id), phaseDetails);
  }
}
