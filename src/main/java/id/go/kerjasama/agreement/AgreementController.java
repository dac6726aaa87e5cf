package id.go.kerjasama.agreement;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
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
  private final DocumentService documentService;
  private final SigningRepository signings;
  private final ObjectProvider<AgreementDetailPart> parts;

  public AgreementController(AgreementService agreementService, AgreementAccess access,
                             DocumentService documentService, SigningRepository signings,
                             ObjectProvider<AgreementDetailPart> parts) {
    this.agreementService = agreementService;
    this.access = access;
    this.documentService = documentService;
    this.signings = signings;
    this.parts = parts;
  }

  /**
   * An agreement with its labels, its audit trail (timeline of decisions and
   * uploads), its signing history, its documents, and the parts other phases
   * contribute ({@link AgreementDetailPart}: work plans, reports, evaluations).
   */
  public record AgreementView(Agreement agreement, String typeLabel, String phaseLabel, String statusLabel,
                              List<AgreementEvent> timeline, List<SigningRecord> signings,
                              List<DocumentController.DocumentView> documents,
                              @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> parts) {

    @JsonAnyGetter
    public Map<String, Object> partsByName() {
      return parts;
    }
  }

  @GetMapping("/{id}")
  @Operation(summary = "Rincian kerja sama dengan linimasa, riwayat penandatanganan dan dokumen")
  public AgreementView get(@PathVariable long id) {
    Agreement agreement = access.checkRead(agreementService.get(id));
    Map<String, Object> contributed = new LinkedHashMap<>();
    parts.orderedStream().forEach(p -> contributed.put(p.name(), p.forAgreement(agreement)));
    return new AgreementView(agreement, agreement.type().label(), agreement.phase().label(),
        agreement.status().label(), agreementService.events(id), signings.history(id),
        DocumentController.views(id, documentService.documents(id)), contributed);
  }
}
