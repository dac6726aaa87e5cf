package id.go.kerjasama.agreement;

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

  public AgreementController(AgreementService agreementService, AgreementAccess access) {
    this.agreementService = agreementService;
    this.access = access;
  }

  /** An agreement with its labels and its audit trail (timeline of decisions). */
  public record AgreementView(Agreement agreement, String typeLabel, String phaseLabel, String statusLabel,
                              List<AgreementEvent> timeline) {
  }

  @GetMapping("/{id}")
  public AgreementView get(@PathVariable long id) {
    Agreement agreement = access.checkRead(agreementService.get(id));
    return new AgreementView(agreement, agreement.type().label(), agreement.phase().label(),
        agreement.status().label(), agreementService.events(id));
  }
}
