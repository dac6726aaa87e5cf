package id.go.kerjasama.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kerjasama.registry.AgreementTerm;
import id.go.kerjasama.registry.CooperationType;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When renewal starts: the configured lead time, the 3-month rule for foreign NGOs, never before the term. */
class LifecycleTermsTest {

  static final LocalDate START = LocalDate.of(2026, 2, 2);
  static final LocalDate END = LocalDate.of(2028, 2, 2);

  static LifecycleTerms terms(int leadMonths) {
    return new LifecycleTerms(null, null, null, leadMonths, 3);
  }

  @Test
  void renewalStartsTheConfiguredMonthsBeforeTheEndDate() {
    assertThat(terms(6).renewalStartsOn(CooperationType.LUAR_NEGERI, START, END, Optional.empty()))
        .isEqualTo(LocalDate.of(2027, 8, 2));
    assertThat(terms(6).renewalStartsOn(CooperationType.ORMAS_ASING, START, END, Optional.empty()))
        .isEqualTo(LocalDate.of(2027, 8, 2));
    assertThat(terms(2).renewalStartsOn(CooperationType.DALAM_NEGERI, START, END, Optional.empty()))
        .isEqualTo(LocalDate.of(2027, 12, 2));
  }

  @Test
  void aForeignNgoRenewalStartsAtTheLatestThreeMonthsBeforeTheMspOrThePermitExpires() {
    // a short configured lead time never pushes an NGO's renewal past 3 months before the MSP's end
    assertThat(terms(2).renewalStartsOn(CooperationType.ORMAS_ASING, START, END, Optional.empty()))
        .isEqualTo(LocalDate.of(2027, 11, 2));
    // nor past 3 months before the principle permit expires, when that comes first
    assertThat(terms(6).renewalStartsOn(CooperationType.ORMAS_ASING, START, END,
        Optional.of(LocalDate.of(2027, 9, 30)))).isEqualTo(LocalDate.of(2027, 6, 30));
    // the permit does not matter for other cooperation
    assertThat(terms(6).renewalStartsOn(CooperationType.LUAR_NEGERI, START, END,
        Optional.of(LocalDate.of(2027, 9, 30)))).isEqualTo(LocalDate.of(2027, 8, 2));
  }

  @Test
  void aShortTermStartsItsRenewalRightAway() {
    assertThat(terms(6).renewalStartsOn(CooperationType.DALAM_NEGERI, START, LocalDate.of(2026, 6, 30),
        Optional.empty())).isEqualTo(START);
  }

  @Test
  void aNegativeLeadTimeIsRefused() {
    assertThatThrownBy(() -> terms(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTermRunsItsBudgetYearsOnce() {
    AgreementTerm term = new AgreementTerm(1, 2, LocalDate.of(2028, 2, 2), LocalDate.of(2030, 2, 1), 2029, 2030,
        LocalDate.of(2029, 8, 1), null);
    assertThat(term.budgetYears()).containsExactly(2029, 2030);
    assertThat(new AgreementTerm(1, 2, END, LocalDate.of(2028, 12, 31), 2029, 2028, END, null).budgetYears())
        .isEmpty();
  }
}
