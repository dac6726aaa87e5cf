package id.go.kerjasama.lifecycle;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Tests' stand-in for the registry of principle permits: knows an expiry
 * only for the agreements a test puts here (component scanning picks this
 * class up in every test context; it answers nothing otherwise).
 */
@Component
public class TestPrinciplePermits implements PrinciplePermitExpiry {

  private static final Map<Long, LocalDate> EXPIRY = new ConcurrentHashMap<>();

  public static void expires(long agreementId, LocalDate validUntil) {
    EXPIRY.put(agreementId, validUntil);
  }

  @Override
  public Optional<LocalDate> validUntil(long agreementId) {
    return Optional.ofNullable(EXPIRY.get(agreementId));
  }
}
