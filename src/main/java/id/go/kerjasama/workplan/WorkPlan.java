package id.go.kerjasama.workplan;

import java.time.Instant;

/**
 * One version of an agreement's annual work plan for a budget year, as the registry holds it;
 * {@code regionGroup} names the location region of a foreign NGO's regional RKT, null for a plan of every location.
 */
public record WorkPlan(
    long id,
    long agreementId,
    int budgetYear,
    int version,
    WorkPlanStatus status,
    WorkPlanContent content,
    String submittedBy,
    Instant submittedAt,
    Instant decidedAt,
    String processInstanceId,
    String regionGroup) {
}
