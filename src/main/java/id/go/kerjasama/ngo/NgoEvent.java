package id.go.kerjasama.ngo;

import java.time.Instant;

/** One entry of an NGO's audit trail. */
public record NgoEvent(long id, Instant occurredAt, String actor, String activity, String activityName,
                       String outcome, String notes) {
}
