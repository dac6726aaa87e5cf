package id.go.kerjasama.ngo;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A permit of an NGO. PRINCIPLE: izin prinsip, issued after the TPOA review;
 * OPERATIONAL: izin operasional of one cooperation ({@code agreementId}),
 * requested when its MSP is signed and decided by its issuer
 * (ngo-operational-permit, assumption A38), never beyond the principle permit.
 *
 * @param state REQUESTED (operational, awaiting its decision), ACTIVE, REFUSED, SUSPENDED, REVOKED or
 *              WITHDRAWN (operational, its cooperation ended before the decision, assumption A35)
 */
public record NgoPermit(long id, long ngoId, String kind, String state, Long agreementId, LocalDate issuedOn,
                        LocalDate validUntil, String issuedBy, int renewedTimes, String notes, Instant recordedAt) {

  public static final String PRINCIPLE = "PRINCIPLE";
  public static final String OPERATIONAL = "OPERATIONAL";
  public static final String REQUESTED = "REQUESTED";
  public static final String ACTIVE = "ACTIVE";
  public static final String REFUSED = "REFUSED";
  public static final String SUSPENDED = "SUSPENDED";
  public static final String REVOKED = "REVOKED";
  public static final String WITHDRAWN = "WITHDRAWN";

  /** Active and valid on {@code day}. */
  public boolean inForceOn(LocalDate day) {
    return ACTIVE.equals(state) && !day.isAfter(validUntil) && !day.isBefore(issuedOn);
  }
}
