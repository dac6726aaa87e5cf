package id.go.kerjasama.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A validated proposal, as registered from the lifecycle's start form.
 * {@code burdensPublicOrOutsideBudget}: domestic cooperation only, it burdens
 * the public/region or is not in the current budget, so it needs DPRD approval.
 */
public record NewProposal(
    CooperationType type,
    String title,
    String partnerName,
    String partnerCountry,
    String proposerUnit,
    String proposerProvince,
    String partnerMinistry,
    List<String> locationProvinces,
    List<String> sectors,
    LocalDate proposedStart,
    int durationMonths,
    boolean burdensPublicOrOutsideBudget) {
}
