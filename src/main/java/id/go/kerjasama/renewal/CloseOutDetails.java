package id.go.kerjasama.renewal;

import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementDetails;
import org.springframework.stereotype.Component;

/**
 * The close-out in {@code GET /api/agreements/{id}}, under
 * {@code details.closeOut}: the final report (who, when) and when the
 * documents were archived.
 */
@Component
class CloseOutDetails implements AgreementDetails {

  private final CloseOutRepository closeOuts;

  public CloseOutDetails(CloseOutRepository closeOuts) {
    this.closeOuts = closeOuts;
  }

  @Override
  public String name() {
    return "closeOut";
  }

  @Override
  public CloseOutRepository.CloseOut of(Agreement agreement) {
    return closeOuts.find(agreement.id()).orElse(null);
  }
}
