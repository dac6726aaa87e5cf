package id.go.kerjasama.registry;

import java.time.Instant;

/** One entry of an agreement's audit trail: who did what, when, with which outcome. */
public record AgreementEvent(
    long id,
    Instant occurredAt,
    String actor,
    Phase phase,
    String activity,
    String activityName,
    String outcome,
    String notes) {
}
