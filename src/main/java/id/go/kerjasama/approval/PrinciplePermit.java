package id.go.kerjasama.approval;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A decision of the TPOA coordinator on the principle permit (izin prinsip)
 * of a foreign NGO. The latest GRANTED one is the permit; an MSP may not
 * outlast its {@code validUntil}.
 *
 * @param decision  GRANTED, REFUSED or CLARIFICATION
 * @param validUntil the last day the permit is valid (GRANTED only; at most 3 years after {@code decidedOn})
 */
record PrinciplePermit(long id, String decision, LocalDate decidedOn, LocalDate validUntil, String notes,
                              String decidedBy, Instant recordedAt) {

  public boolean granted() {
    return ApprovalProcess.GRANTED.equals(decision);
  }
}
