package id.go.kerjasama.ngo;

import java.time.LocalDate;

/**
 * A sanction decided against an NGO.
 *
 * @param kind  WARNING_1, WARNING_2, WARNING_3, SUSPENSION, REVOCATION
 * @param state OPEN (awaiting the NGO's response), RESPONDED, IN_FORCE, LIFTED, ENDED (an upheld suspension past its end day),
 *     SUPERSEDED (still running when a revocation came, A50)
 */
public record NgoSanction(long id, long ngoId, String kind, String reason, LocalDate decidedOn, LocalDate respondBy,
                          LocalDate suspendedUntil, String decidedBy, String response, String state) {
}
