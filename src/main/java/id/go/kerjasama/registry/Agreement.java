package id.go.kerjasama.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One cooperation agreement, as the registry holds it. */
public record Agreement(
    long id,
    String registrationNumber,
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
    Phase phase,
    Status status,
    String statusReason,
    String documentKind,
    String documentNumber,
    String signatories,
    LocalDate signedOn,
    LocalDate startDate,
    LocalDate endDate,
    int term,
    String processInstanceId,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    String partnerRegion,
    String cooperationNature,
    String governmentAffair) {

  /**
   * The groups that may see this agreement besides the central roles: the
   * proposer, its province, the partner ministry, the partner region (KSDD)
   * with its province, and every location province.
   */
  public Set<String> involvedGroups() {
    Set<String> groups = new LinkedHashSet<>();
    groups.add(proposerUnit);
    if (proposerProvince != null) {
      groups.add(proposerProvince);
    }
    if (partnerMinistry != null) {
      groups.add(partnerMinistry);
    }
    if (partnerRegion != null) {
      groups.add(partnerRegion);
    }
    groups.addAll(new ArrayList<>(locationProvinces));
    return groups;
  }
}
