package id.go.kerjasama.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Throttles password guessing without ever locking an account for good
 * (docs/security.md "Login throttling"). In memory, per node.
 *
 * <ul>
 *   <li>Per source address: after {@code addressMaxFailures} failures the
 *   address waits {@code baseDelay}, doubling with every further failure, at
 *   most {@code maxDelay}.</li>
 *   <li>Per account: the same after {@code accountMaxFailures} failures, but
 *   never at an address the account signed in from successfully within
 *   {@code knownAddressPeriod}: whoever guesses the administrator's password
 *   cannot lock the administrator out at the usual desk. A success resets the
 *   account's failures.</li>
 *   <li>Failures are forgotten after {@code window} without a failure and
 *   without a wait running.</li>
 * </ul>
 */
final class LoginThrottle {

  /** Usual addresses remembered per account (the most recent ones). */
  static final int KNOWN_ADDRESSES_PER_ACCOUNT = 20;
  private static final int SWEEP_EVERY = 1024;

  private final SecuritySettings.Login settings;
  private final Clock clock;
  private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
  private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Instant>> knownAddresses = new ConcurrentHashMap<>();
  private final AtomicInteger operations = new AtomicInteger();

  LoginThrottle(SecuritySettings.Login settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  boolean enabled() {
    return settings.enabled();
  }

  /**
   * How long a login attempt for {@code account} from {@code address} must
   * still wait, if it must; empty: go ahead and check the password.
   */
  Optional<Duration> waitFor(String address, String account) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Duration wait = remaining(addresses.get(address), now);
    if (account != null && !isKnownAddress(account, address, now)) {
      Duration accountWait = remaining(accounts.get(key(account)), now);
      if (accountWait != null && (wait == null || accountWait.compareTo(wait) > 0)) {
        wait = accountWait;
      }
    }
    return Optional.ofNullable(wait);
  }

  /** The password for {@code account} sent from {@code address} was wrong (or the account does not exist). */
  void failed(String address, String account) {
    if (!settings.enabled()) {
      return;
    }
    Instant now = clock.instant();
    addresses.computeIfAbsent(address, a -> new Failures()).fail(now, settings.addressMaxFailures(), settings);
    if (account != null) {
      accounts.computeIfAbsent(key(account), a -> new Failures()).fail(now, settings.accountMaxFailures(), settings);
    }
    maybeSweep(now);
  }

  /** {@code account} signed in from {@code address}: its failures are reset and the address is its usual one now. */
  void succeeded(String address, String account) {
    if (!settings.enabled() || account == null) {
      return;
    }
    Instant now = clock.instant();
    accounts.remove(key(account));
    Map<String, Instant> known = knownAddresses.computeIfAbsent(key(account), a -> new ConcurrentHashMap<>());
    known.put(address, now);
    if (known.size() > KNOWN_ADDRESSES_PER_ACCOUNT) {
      known.entrySet().stream().min(Map.Entry.comparingByValue())
          .ifPresent(oldest -> known.remove(oldest.getKey(), oldest.getValue()));
    }
    maybeSweep(now);
  }

  /** Tracked addresses and accounts (for tests and sweeping). */
  int size() {
    return addresses.size() + accounts.size() + knownAddresses.size();
  }

  private boolean isKnownAddress(String account, String address, Instant now) {
    Map<String, Instant> known = knownAddresses.get(key(account));
    Instant lastSuccess = known == null ? null : known.get(address);
    return lastSuccess != null && now.isBefore(lastSuccess.plus(settings.knownAddressPeriod()));
  }

  private static Duration remaining(Failures failures, Instant now) {
    return failures == null ? null : failures.remaining(now);
  }

  private static String key(String account) {
    return account.toLowerCase(Locale.ROOT);
  }

  private void maybeSweep(Instant now) {
    if (operations.incrementAndGet() % SWEEP_EVERY != 0 && size() <= settings.maxEntries()) {
      return;
    }
    addresses.values().removeIf(f -> f.stale(now, settings.window()));
    accounts.values().removeIf(f -> f.stale(now, settings.window()));
    knownAddresses.values().forEach(known ->
        known.values().removeIf(t -> !now.isBefore(t.plus(settings.knownAddressPeriod()))));
    knownAddresses.values().removeIf(Map::isEmpty);
    if (size() > settings.maxEntries()) {
      // still too many: forget the usual addresses of the accounts seen longest ago (a known
      // address only ever relaxes the throttle, so forgetting one is safe)
      knownAddresses.entrySet().stream()
          .sorted(Comparator.comparing(e -> e.getValue().values().stream().max(Comparator.naturalOrder())
              .orElse(Instant.MIN)))
          .limit(Math.max(0, size() - settings.maxEntries()))
          .map(Map.Entry::getKey).toList()
          .forEach(knownAddresses::remove);
    }
  }

  /** Failures of one address or one account. */
  private static final class Failures {

    private int count;
    private Instant lastFailure;
    private Instant waitUntil;

    synchronized void fail(Instant now, int threshold, SecuritySettings.Login settings) {
      if (stale(now, settings.window())) {
        count = 0;
        waitUntil = null;
      }
      count++;
      lastFailure = now;
      if (count >= threshold) {
        int doublings = Math.min(count - threshold, 30);
        Duration wait = settings.baseDelay().multipliedBy(1L << doublings);
        if (wait.compareTo(settings.maxDelay()) > 0) {
          wait = settings.maxDelay();
        }
        waitUntil = now.plus(wait);
      }
    }

    synchronized Duration remaining(Instant now) {
      return waitUntil != null && now.isBefore(waitUntil) ? Duration.between(now, waitUntil) : null;
    }

    /** No failure and no wait for a whole window. */
    synchronized boolean stale(Instant now, Duration window) {
      if (lastFailure == null) {
        return true;
      }
      Instant quietSince = waitUntil != null && waitUntil.isAfter(lastFailure) ? waitUntil : lastFailure;
      return now.isAfter(quietSince.plus(window));
    }
  }
}
