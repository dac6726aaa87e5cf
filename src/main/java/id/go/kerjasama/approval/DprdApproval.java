package id.go.kerjasama.approval;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The regional parliament's (DPRD) decision on a region's proposal, as the
 * region recorded it from the DPRD's letter.
 *
 * @param regionGroup the region whose DPRD decided, e.g. {@code regency-3273}
 * @param decision    APPROVED or REFUSED
 */
record DprdApproval(long id, String regionGroup, String decision, String letterNumber, LocalDate letterDate,
                           String notes, String recordedBy, Instant recordedAt) {
}
