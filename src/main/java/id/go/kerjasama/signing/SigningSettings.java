package id.go.kerjasama.signing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Service levels of the signing phase ({@code kerjasama.signing.*}); read by
 * processes/agreement-signing.bpmn, e.g.
 * {@code ${workingDayCalendar.dueIn(signingSettings.loiFollowUpWorkingDays)}}.
 */
@Component
public class SigningSettings {

  private final int loiFollowUpWorkingDays;
  private final int fullPowerWorkingDays;

  public SigningSettings(@Value("${kerjasama.signing.loi-follow-up-working-days:60}") int loiFollowUpWorkingDays,
                         @Value("${kerjasama.signing.full-power-working-days:10}") int fullPowerWorkingDays) {
    this.loiFollowUpWorkingDays = loiFollowUpWorkingDays;
    this.fullPowerWorkingDays = fullPowerWorkingDays;
  }

  /** Working days Kemlu has to issue the Full Power for a region's MoU (no regulation fixes it: an assumption). */
  public int getFullPowerWorkingDays() {
    return fullPowerWorkingDays;
  }

  /** Working days a region has to raise a signed LoI to an MoU (the follow-up task's due date). */
  public int getLoiFollowUpWorkingDays() {
    return loiFollowUpWorkingDays;
  }
}
