package id.go.kerjasama.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The memory of verified HTTP Basic credentials: a right password is checked
 * by the engine once per time to live, a wrong one every time (and it makes
 * the user's right one be checked again), a change of identity forgets all,
 * and the password is not what it keeps.
 */
class VerifiedCredentialsTest {

  private final MutableClock clock = new MutableClock();
  private final VerifiedCredentials credentials = new VerifiedCredentials(Duration.ofSeconds(30), clock);
  private final AtomicInteger engineChecks = new AtomicInteger();

  private boolean verify(String user, String password, String actualPassword) {
    return credentials.verify("default", user, password, () -> {
      engineChecks.incrementAndGet();
      return password.equals(actualPassword);
    });
  }

  @Test
  void aRightPasswordIsCheckedOncePerTimeToLive() {
    assertThat(verify("it-province-93", "Rahasia-1", "Rahasia-1")).isTrue();
    assertThat(verify("it-province-93", "Rahasia-1", "Rahasia-1")).isTrue();
    assertThat(verify("it-province-93", "Rahasia-1", "Rahasia-1")).isTrue();
    assertThat(engineChecks).hasValue(1);

    clock.advance(Duration.ofSeconds(31));
    assertThat(verify("it-province-93", "Rahasia-1", "Rahasia-1")).isTrue();
    assertThat(engineChecks).as("expired: checked again").hasValue(2);
  }

  @Test
  void aWrongPasswordIsNeverAnsweredFromMemoryAndMakesTheRightOneCheckedAgain() {
    assertThat(verify("it-fasker", "Rahasia-1", "Rahasia-1")).isTrue();
    assertThat(verify("it-fasker", "Salah", "Rahasia-1")).isFalse();
    assertThat(verify("it-fasker", "Salah", "Rahasia-1")).isFalse();
    assertThat(engineChecks).as("each wrong password goes to the engine").hasValue(3);
    // the engine may have locked the account after the failures: the right password is checked again
    assertThat(verify("it-fasker", "Rahasia-1", "Rahasia-1")).isTrue();
    assertThat(engineChecks).hasValue(4);
    // another user's password does not open this account, nor the other way round
    assertThat(verify("it-other", "Rahasia-1", "Lain-2")).isFalse();
  }

  @Test
  void aChangedIdentityForgetsEverythingAndAVerificationDuringTheChangeIsNotKept() {
    assertThat(verify("it-admin", "Lama-1", "Lama-1")).isTrue();
    credentials.forgetAll();
    // the password was changed: the old one is checked by the engine again, and refused
    assertThat(verify("it-admin", "Lama-1", "Baru-2")).isFalse();
    assertThat(engineChecks).hasValue(2);

    // a check that ran while a change happened is not remembered
    assertThat(credentials.verify("default", "it-admin", "Baru-2", () -> {
      credentials.forgetAll();
      return true;
    })).isTrue();
    assertThat(credentials.size()).isZero();
  }

  @Test
  void membershipIsReadOncePerTimeToLiveAndForgottenWithTheIdentity() {
    AtomicInteger reads = new AtomicInteger();
    var read = (java.util.function.Supplier<VerifiedCredentials.Membership>) () -> {
      reads.incrementAndGet();
      return VerifiedCredentials.Membership.of(List.of("province-93"), List.of());
    };
    assertThat(credentials.membership("default", "it-province-93", read).groups()).containsExactly("province-93");
    credentials.membership("default", "it-province-93", read);
    assertThat(reads).hasValue(1);
    credentials.forgetAll();
    credentials.membership("default", "it-province-93", read);
    assertThat(reads).hasValue(2);
  }

  @Test
  void thePasswordIsNotKept() throws Exception {
    verify("it-province-93", "Rahasia-Sekali-77", "Rahasia-Sekali-77");
    Field field = VerifiedCredentials.class.getDeclaredField("verified");
    field.setAccessible(true);
    Map<?, ?> kept = (Map<?, ?>) field.get(credentials);
    assertThat(kept).hasSize(1);
    assertThat(kept.toString()).doesNotContain("Rahasia-Sekali-77");
    assertThat(kept.keySet().iterator().next().toString()).hasSize(44); // Base64 of an HMAC-SHA256
  }

  @Test
  void aTimeToLiveOfZeroRemembersNothing() {
    VerifiedCredentials off = new VerifiedCredentials(Duration.ZERO, clock);
    AtomicInteger checks = new AtomicInteger();
    off.verify("default", "u", "p", () -> checks.incrementAndGet() > 0);
    off.verify("default", "u", "p", () -> checks.incrementAndGet() > 0);
    assertThat(checks).hasValue(2);
    assertThat(off.size()).isZero();
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-12-02T06:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
