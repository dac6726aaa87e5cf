package id.go.kerjasama.signing;

import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementDetails;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The signing history in {@code GET /api/agreements/{id}}, as {@code signings}
 * beside the timeline: every document signed (MSP, LoI, MoU, NK, PKS), from
 * the signing tasks and the legacy import.
 */
@Component
@Order(1)
class SigningDetails implements AgreementDetails {

  private final SigningRepository signings;

  SigningDetails(SigningRepository signings) {
    this.signings = signings;
  }

  @Override
  public String name() {
    return "signings";
  }

  @Override
  public boolean topLevel() {
    return true;
  }

  @Override
  public List<SigningRecord> of(Agreement agreement) {
    return signings.history(agreement.id());
  }
}
