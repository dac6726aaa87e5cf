package id.go.kerjasama.approval;

import java.time.Instant;

/**
 * One TPOA seat's recommendation on a foreign-NGO proposal.
 *
 * @param round          the review round (a clarification or a revision starts a new one)
 * @param seat           the seat's group, e.g. {@code tpoa-kemhan}
 * @param recommendation NO_OBJECTION, OBJECTION or RETURNED
 */
record TpoaRecommendation(long id, int round, String seat, String recommendation, String notes,
                                 String decidedBy, Instant decidedAt) {
}
