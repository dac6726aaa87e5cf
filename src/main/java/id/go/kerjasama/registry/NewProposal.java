package id.go.kerjasama.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A validated proposal, as registered from the lifecycle's start form.
 * {@code burdensPublicOrOutsideBudget}: domestic cooperation only, it burdens
 * the public/region or is not in the current budget, so it needs DPRD approval.
 * {@code ngoGroup}: foreign-NGO cooperation only, the group of the NGO that is a party (docs/processes.md "NGO route").
 * {@code partnerRegion}: the partner region's group of a KSDD (a party with
 * its own tasks); {@code cooperationNature}: WAJIB or SUKARELA (regional
 * types); {@code governmentAffair}: the government affair (urusan) it serves.
 * {@code estimatedBudget}: the proposer's estimate in Rupiah, or null (optional; legacy
 * and imported agreements have none).
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
    boolean burdensPublicOrOutsideBudget,
    String partnerRegion,
    String cooperationNature,
    String governmentAffair,
    String ngoGroup,
    java.math.BigDecimal estimatedBudget) {

  /** A proposal without an estimated budget. */
  public NewProposal(CooperationType type, String title, String partnerName, String partnerCountry,
                     String proposerUnit, String proposerProvince, String partnerMinistry,
                     List<String> locationProvinces, List<String> sectors, LocalDate proposedStart,
                     int durationMonths, boolean burdensPublicOrOutsideBudget, String partnerRegion,
                     String cooperationNature, String governmentAffair, String ngoGroup) {
    this(type, title, partnerName, partnerCountry, proposerUnit, proposerProvince, partnerMinistry,
        locationProvinces, sectors, proposedStart, durationMonths, burdensPublicOrOutsideBudget, partnerRegion,
        cooperationNature, governmentAffair, ngoGroup, null);
  }

  /** A proposal without a partner region, nature, government affair or NGO party. */
  public NewProposal(CooperationType type, String title, String partnerName, String partnerCountry,
                     String proposerUnit, String proposerProvince, String partnerMinistry,
                     List<String> locationProvinces, List<String> sectors, LocalDate proposedStart,
                     int durationMonths, boolean burdensPublicOrOutsideBudget) {
    this(type, title, partnerName, partnerCountry, proposerUnit, proposerProvince, partnerMinistry,
        locationProvinces, sectors, proposedStart, durationMonths, burdensPublicOrOutsideBudget, null, null, null, null);
  }
}
