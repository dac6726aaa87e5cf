package id.go.kerjasama.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The throttle's rules, on a clock the test moves: waits grow, are capped, end, and never lock for good. */
class LoginThrottleTest {

  static final String HOME = "198.51.100.10";
  static final String ATTACKER = "203.0.113.66";
  static final String ELSEWHERE = "192.0.2.50";

  final MovableClock clock = new MovableClock();
  final SecuritySettings.Login settings = new SecuritySettings.Login(true, 10, 5, Duration.ofMinutes(15),
      Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofDays(30), 100_000);
  final LoginThrottle throttle = new LoginThrottle(settings, clock);

  @Test
  void anAccountWaitsAfterFiveFailuresButNotAtItsUsualAddress() {
    throttle.succeeded(HOME, "admin");
    for (int i = 0; i < 4; i++) {
      throttle.failed(ATTACKER, "admin");
      assertThat(throttle.waitFor(ATTACKER, "admin")).isEmpty();
    }
    throttle.failed(ATTACKER, "admin");
    assertThat(throttle.waitFor(ATTACKER, "admin")).contains(Duration.ofSeconds(30));
    // the attacker cannot lock the administrator out at the usual address
    assertThat(throttle.waitFor(HOME, "admin")).isEmpty();
    // a new address waits like the attacker (the account is throttled, not the address)
    assertThat(throttle.waitFor(ELSEWHERE, "admin")).contains(Duration.ofSeconds(30));
    // user names are compared case-insensitively
    assertThat(throttle.waitFor(ELSEWHERE, "ADMIN")).contains(Duration.ofSeconds(30));
    // other accounts at the attacker's address are not affected yet (5 < 10 address failures)
    assertThat(throttle.waitFor(ATTACKER, "someone")).isEmpty();
  }

  @Test
  void theWaitDoublesWithEveryFurtherFailureUpToTheCapAndThenEnds() {
    for (int i = 0; i < 5; i++) {
      throttle.failed(ATTACKER, "admin");
    }
    assertThat(throttle.waitFor(ELSEWHERE, "admin")).contains(Duration.ofSeconds(30));
    long[] expected = {60, 120, 240, 480, 900, 900, 900};
    for (long seconds : expected) {
      clock.advance(throttle.waitFor(ELSEWHERE, "admin").orElseThrow());
      assertThat(throttle.waitFor(ELSEWHERE, "admin")).isEmpty();
      throttle.failed(ATTACKER, "admin");
      assertThat(throttle.waitFor(ELSEWHERE, "admin")).contains(Duration.ofSeconds(seconds));
    }
    // never longer than the cap, never for good: after the wait the real user signs in from anywhere
    clock.advance(Duration.ofMinutes(15));
    assertThat(throttle.waitFor(ELSEWHERE, "admin")).isEmpty();
    throttle.succeeded(ELSEWHERE, "admin");
    assertThat(throttle.waitFor(ATTACKER, "admin")).as("a success resets the account").isEmpty();
  }

  @Test
  void anAddressWaitsAfterTenFailuresWhateverAccountItTries() {
    for (int i = 0; i < 9; i++) {
      throttle.failed(ATTACKER, "user" + i);
    }
    assertThat(throttle.waitFor(ATTACKER, "fresh")).isEmpty();
    throttle.failed(ATTACKER, "user9");
    assertThat(throttle.waitFor(ATTACKER, "fresh")).contains(Duration.ofSeconds(30));
    // even the account's usual address does not lift the address's wait
    throttle.succeeded(ATTACKER, "fresh");
    assertThat(throttle.waitFor(ATTACKER, "fresh")).contains(Duration.ofSeconds(30));
    assertThat(throttle.waitFor(ELSEWHERE, "fresh")).isEmpty();
  }

  @Test
  void failuresAreForgottenAfterAQuietWindow() {
    for (int i = 0; i < 4; i++) {
      throttle.failed(ATTACKER, "admin");
    }
    clock.advance(Duration.ofMinutes(16));
    throttle.failed(ATTACKER, "admin");
    assertThat(throttle.waitFor(ATTACKER, "admin")).isEmpty();
  }

  @Test
  void aUsualAddressIsForgottenAfterTheKnownAddressPeriod() {
    throttle.succeeded(HOME, "admin");
    clock.advance(Duration.ofDays(31));
    for (int i = 0; i < 5; i++) {
      throttle.failed(ATTACKER, "admin");
    }
    assertThat(throttle.waitFor(HOME, "admin")).isPresent();
  }

  @Test
  void switchedOffItNeverThrottles() {
    LoginThrottle off = new LoginThrottle(new SecuritySettings.Login(false, 1, 1, Duration.ofMinutes(15),
        Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofDays(30), 100_000), clock);
    off.failed(ATTACKER, "admin");
    off.failed(ATTACKER, "admin");
    assertThat(off.waitFor(ATTACKER, "admin")).isEmpty();
    assertThat(off.size()).isZero();
  }

  @Test
  void staleEntriesAreSweptWhenTooMany() {
    LoginThrottle small = new LoginThrottle(new SecuritySettings.Login(true, 10, 5, Duration.ofMinutes(15),
        Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofDays(30), 50), clock);
    for (int i = 0; i < 40; i++) {
      small.failed("203.0.113." + i, "guess" + i);
    }
    assertThat(small.size()).isEqualTo(80);
    clock.advance(Duration.ofMinutes(16));
    small.failed(ATTACKER, "admin");
    assertThat(small.size()).isEqualTo(2);
    assertThat(small.waitFor(ATTACKER, "admin")).isEqualTo(Optional.empty());
  }

  @Test
  void retryAfterIsSaidInSecondsOrMinutes() {
    assertThat(LoginThrottleFilter.inWords(30)).isEqualTo("30 detik");
    assertThat(LoginThrottleFilter.inWords(119)).isEqualTo("119 detik");
    assertThat(LoginThrottleFilter.inWords(900)).isEqualTo("15 menit");
    assertThat(LoginThrottleFilter.inWords(121)).isEqualTo("3 menit");
  }

  @Test
  void userNamesReachTheLogWithoutLineBreaks() {
    assertThat(LoginThrottleFilter.loggable("admin\nINFO forged entry")).isEqualTo("admin?INFO forged entry");
    assertThat(LoginThrottleFilter.loggable("x".repeat(100))).hasSize(65);
  }

  static final class MovableClock extends Clock {

    private Instant now = Instant.parse("2026-12-01T08:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
