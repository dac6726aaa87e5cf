package id.go.kerjasama.monitoring;

import java.time.Instant;

/** One version of the report of a period, as the registry holds it; {@code annual}: the year's last report. */
record ProgressReport(
    long id,
    long agreementId,
    int budgetYear,
    ReportingPeriod period,
    boolean annual,
    int version,
    ReportStatus status,
    String reportingUnit,
    ReportContent content,
    String provinceNotes,
    Instant dueAt,
    boolean late,
    String submittedBy,
    Instant submittedAt,
    Instant decidedAt,
    String processInstanceId) {
}
