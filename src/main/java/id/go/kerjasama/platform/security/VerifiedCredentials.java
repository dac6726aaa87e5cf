package id.go.kerjasama.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A short memory of HTTP Basic credentials that were verified, so that a REST
 * client sending the same user and password with every request does not make
 * the engine check the salted password hash and read the user's groups and
 * tenants each time (docs/performance.md, run 7; docs/security.md).
 *
 * <ul>
 *   <li>Keyed by an HMAC-SHA256 of engine, user and password under a random
 *   key made when the JVM starts and never stored: the password itself is
 *   never kept, and the key cannot be recomputed outside this JVM.</li>
 *   <li>Only a successful check is remembered; a wrong password always goes to
 *   the engine (and the login throttle), and it also forgets the user's
 *   remembered credentials, so an account the engine locks after failed
 *   attempts is not let in from memory.</li>
 *   <li>Any change of identity through the engine — a user saved (a new
 *   password), deleted or unlocked, a group or tenant membership or a group
 *   changed — forgets everything, before the change runs and again when its
 *   transaction commits ({@link EngineSecurityInterceptor}); a verification
 *   that started before a change is not remembered.</li>
 *   <li>Each entry lives at most {@code ttl} (default 30 s; zero turns the
 *   memory off). Another node of a cluster learns of a password change only
 *   when its entries expire, and so does a directory (LDAP) whose passwords
 *   change outside the engine: up to {@code ttl}.</li>
 * </ul>
 */
final class VerifiedCredentials {

  /** Beyond this many entries everything is forgotten (a flood of distinct credentials gains nothing). */
  static final int MAX_ENTRIES = 10_000;

  private static volatile VerifiedCredentials shared = new VerifiedCredentials(Duration.ofSeconds(30), Clock.systemUTC());

  private final Duration ttl;
  private final Clock clock;
  private final SecretKeySpec key;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong verifications = new AtomicLong();
  private final Map<String, Entry> verified = new ConcurrentHashMap<>();
  private final Map<String, Membership> memberships = new ConcurrentHashMap<>();

  VerifiedCredentials(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** The instance the REST authentication uses (Camunda makes the provider by class name, without Spring). */
  static VerifiedCredentials shared() {
    return shared;
  }

  static void configure(Duration ttl) {
    shared = new VerifiedCredentials(ttl, Clock.systemUTC());
  }

  boolean enabled() {
    return !ttl.isZero() && !ttl.isNegative();
  }

  /**
   * Whether {@code password} is right for {@code user}: from memory if it was verified within the time to
   * live and nothing changed since, otherwise by {@code check} (the engine), remembering only a success.
   */
  boolean verify(String engine, String user, String password, Supplier<Boolean> check) {
    if (!enabled() || user == null || password == null) {
      return check.get();
    }
    String fingerprint = fingerprint(engine, user, password);
    Instant now = clock.instant();
    Entry entry = verified.get(fingerprint);
    if (entry != null && entry.generation == generation.get() && now.isBefore(entry.expires)) {
      return true;
    }
    long before = generation.get();
    verifications.incrementAndGet();
    boolean right = Boolean.TRUE.equals(check.get());
    if (!right) {
      forgetUser(engine, user);
      return false;
    }
    if (verified.size() >= MAX_ENTRIES) {
      verified.clear();
      memberships.clear();
    }
    if (generation.get() == before) {
      verified.put(fingerprint, new Entry(engine + '\u0000' + user, before, now.plus(ttl)));
    }
    return true;
  }

  /** The groups and tenants of a user whose password was just verified: from memory or by {@code read}. */
  Membership membership(String engine, String user, Supplier<Membership> read) {
    if (!enabled()) {
      return read.get();
    }
    String owner = engine + '\u0000' + user;
    Instant now = clock.instant();
    Membership known = memberships.get(owner);
    if (known != null && known.generation == generation.get() && now.isBefore(known.expires)) {
      return known;
    }
    long before = generation.get();
    Membership fresh = read.get();
    Membership stored = new Membership(fresh.groups, fresh.tenants, before, now.plus(ttl));
    if (generation.get() == before) {
      memberships.put(owner, stored);
    }
    return stored;
  }

  /** Forgets every remembered credential and membership: an identity changed. */
  void forgetAll() {
    generation.incrementAndGet();
    verified.clear();
    memberships.clear();
  }

  /** How many passwords were checked by the engine (for the tests that the memory holds). */
  long verifications() {
    return verifications.get();
  }

  /** Remembered credentials (for tests). */
  int size() {
    return verified.size();
  }

  private void forgetUser(String engine, String user) {
    String owner = engine + '\u0000' + user;
    verified.values().removeIf(e -> e.owner.equals(owner));
    memberships.remove(owner);
  }

  private String fingerprint(String engine, String user, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(engine.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(user.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private record Entry(String owner, long generation, Instant expires) {
  }

  /** A user's group and tenant ids, as Camunda's authentication filter would read them. */
  record Membership(List<String> groups, List<String> tenants, long generation, Instant expires) {

    static Membership of(List<String> groups, List<String> tenants) {
      return new Membership(List.copyOf(groups), List.copyOf(tenants), 0, Instant.MIN);
    }
  }
}
