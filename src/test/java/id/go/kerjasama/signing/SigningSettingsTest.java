package id.go.kerjasama.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The signing settings refuse to start with a co-signing deadline the working-day calendar cannot count. */
class SigningSettingsTest {

  @Test
  void thePartnersCoSigningNeedsAtLeastOneWorkingDay() {
    assertThat(new SigningSettings(60, 10, 5, false, true, 5).getPartnerCoSignWorkingDays()).isEqualTo(5);
    assertThatThrownBy(() -> new SigningSettings(60, 10, 5, false, true, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kerjasama.signing.partner-co-sign-working-days must be at least 1, is 0");
  }
}
