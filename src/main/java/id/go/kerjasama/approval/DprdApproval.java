package id.go.kerjasama.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The regional parliament's (DPRD) decision on a region's proposal, as the
 * region recorded it from the DPRD's letter.
 *
 * @param regionGroup the region whose DPRD decided, e.g. {@code regency-3273}
 * @param decision    APPROVED or REFUSED
 * @param plan        the seven items the region's request explained (KSDD/KSDPK), null otherwise
 */
record DprdApproval(long id, String regionGroup, String decision, String letterNumber, LocalDate letterDate,
                    String notes, String recordedBy, Instant recordedAt, Plan plan) {

  /**
   * The explanation of the cooperation plan in the request to the DPRD (Perda DIY 1/2023 art. 12(4) a-g).
   *
   * @param apbdContribution the regional budget's contribution in rupiah
   */
  record Plan(String purpose, String object, String rightsObligations, BigDecimal apbdContribution, String benefit,
              Integer termMonths, String publicBurden) {
  }
}
