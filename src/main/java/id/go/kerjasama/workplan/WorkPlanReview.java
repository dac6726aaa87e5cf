package id.go.kerjasama.workplan;

import java.time.Instant;

/** One reviewer's decision on a work plan version. */
record WorkPlanReview(long id, long workPlanId, ReviewStep step, String reviewerGroup, String reviewer,
                             String decision, String notes, Instant decidedAt) {
}
