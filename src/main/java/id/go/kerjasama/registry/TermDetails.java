package id.go.kerjasama.registry;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Every term of an agreement in {@code GET /api/agreements/{id}}, under
 * {@code details.terms}: dates, the budget years its cycles run, the renewal day.
 */
@Component
class TermDetails implements AgreementDetails {

  private final AgreementTermRepository terms;

  public TermDetails(AgreementTermRepository terms) {
    this.terms = terms;
  }

  @Override
  public String name() {
    return "terms";
  }

  @Override
  public List<AgreementTerm> of(Agreement agreement) {
    List<AgreementTerm> all = terms.all(agreement.id());
    return all.isEmpty() ? null : all;
  }
}
