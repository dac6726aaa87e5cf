package id.go.kerjasama.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The validity of a foreign NGO's principle permit (izin prinsip), which the
 * central-approval phase records (for an agreement naming its NGO: the NGO's
 * own permit, module {@code ngo}); an MSP may not outlast it, and signing
 * one gives the NGO its operational permit.
 */
public interface PrinciplePermits {

  /** The last day of the agreement's granted principle permit, if one is recorded. */
  Optional<LocalDate> validUntil(long agreementId);

  /**
   * Why an MSP of the agreement from {@code start} to {@code end} can get no
   * operational permit (e.g. the NGO's permit is suspended or revoked); empty
   * if it can, or if the agreement names no NGO.
   */
  default List<String> operationalPermitProblems(long agreementId, LocalDate start, LocalDate end) {
    return List.of();
  }

  /** The agreement's MSP was signed: the NGO's operational permit follows (no-op without an NGO). */
  default void mspSigned(long agreementId, LocalDate signedOn, LocalDate end, String by) {
  }
}
