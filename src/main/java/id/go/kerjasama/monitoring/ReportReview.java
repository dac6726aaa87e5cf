package id.go.kerjasama.monitoring;

import java.time.Instant;

/** A review of a report version: {@code step} PROVINCE (verification of a regency's report) or FASKER. */
record ReportReview(long id, long reportId, String step, String reviewerGroup, String reviewer,
                           String decision, String notes, Instant decidedAt) {
}
