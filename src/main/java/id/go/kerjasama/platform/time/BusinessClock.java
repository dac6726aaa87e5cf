package id.go.kerjasama.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the application: the engine's, so that tests that fix the
 * engine clock fix registry timestamps and due dates too. Dates are in
 * Western Indonesian Time.
 */
public final class BusinessClock {

  public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

  private BusinessClock() {
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static LocalDate today() {
    return LocalDate.ofInstant(now(), ZONE);
  }
}
