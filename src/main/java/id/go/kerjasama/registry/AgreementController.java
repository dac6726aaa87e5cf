package id.go.kerjasama.registry;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
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

  public AgreementController(AgreementService agreementService, AgreementAccess access,
                             List<AgreementDetails> details) {
    this.agreementService = agreementService;
    this.access = access;
    this.details = details;
  }

  /**
   * An agreement with its labels, its audit trail (timeline of decisions and
   * document uploads), then the top-level sections other modules contribute
   * (signing history, documents with every version, evaluations oldest budget
   * year first) and the details the phases keep (see {@link AgreementDetails}).
   * In JSON the sections follow the timeline as keys of their own, then
   * {@code details}.
   */
  public record AgreementView(Agreement agreement, String typeLabel, String phaseLabel, String statusLabel,
                              List<AgreementEvent> timeline, @JsonIgnore Map<String, Object> sections,
                              @JsonIgnore Map<String, Object> details) {

    /** The JSON keys after the timeline: each top-level section, then {@code details}. */
    @JsonAnyGetter
    public Map<String, Object> sectionsAndDetails() {
      Map<String, Object> json = new LinkedHashMap<>(sections);
      json.put("details", details);
      return json;
    }
  }

  @GetMapping("/{id}")
  @Operation(summary = "Rincian kerja sama: linimasa, penandatanganan, dokumen, evaluasi dan rincian tiap tahap")
  public AgreementView get(@PathVariable long id) {
    Agreement agreement = access.checkRead(agreementService.get(id));
    Map<String, Object> sections = new LinkedHashMap<>();
    Map<String, Object> phaseDetails = new LinkedHashMap<>();
    for (AgreementDetails d : details) {
      Object value = d.of(agreement);
      if (d.topLevel()) {
        sections.put(d.name(), value);
      } else if (value != null) {
        phaseDetails.put(d.name(), value);
      }
    }
    return new AgreementView(agreement, agreement.type().label(), agreement.phase().label(),
        agreement.status().label(), agreementService.events(id), sections, phaseDetails);
  }
}
