package id.go.kerjasama.registry;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The validity of a foreign NGO's principle permit (izin prinsip), which the
 * central-approval phase records; an MSP may not outlast it.
 */
public interface PrinciplePermits {

  /** The last day of the agreement's granted principle permit, if one is recorded. */
  Optional<LocalDate> validUntil(long agreementId);
}
