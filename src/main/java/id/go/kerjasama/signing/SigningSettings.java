package id.go.kerjasama.signing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Service levels of the signing phase ({@code kerjasama.signing.*}); read by
 * processes/agreement-signing.bpmn, e.g.
 * {@code ${workingDays.dueIn(signingSettings.loiFollowUpWorkingDays)}}.
 */
@Component("signingSettings")
public class SigningSettings {

  private final int loiFollowUpWorkingDays;

  public SigningSettings(@Value("${kerjasama.signing.loi-follow-up-working-days:60}") int loiFollowUpWorkingDays) {
    this.loiFollowUpWorkingDays = loiFollowUpWorkingDays;
  }

  /** Working days a region has to raise a signed LoI to an MoU (the follow-up task's due date). */
  public int getLoiFollowUpWorkingDays() {
    return loiFollowUpWorkingDays;
  }
}
