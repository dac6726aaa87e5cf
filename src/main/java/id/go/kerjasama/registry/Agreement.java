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
    String governmentAffair,
    String ngoGroup,
    java.math.BigDecimal estimatedBudget) {

  /** An agreement as recorded before the estimated budget (none: legacy, imported, older proposals). */
  public Agreement(long id, String registrationNumber, CooperationType type, String title, String partnerName,
                   String partnerCountry, String proposerUnit, String proposerProvince, String partnerMinistry,
                   List<String> locationProvinces, List<String> sectors, LocalDate proposedStart, int durationMonths,
                   boolean burdensPublicOrOutsideBudget, Phase phase, Status status, String statusReason,
                   String documentKind, String documentNumber, String signatories, LocalDate signedOn,
                   LocalDate startDate, LocalDate endDate, int term, String processInstanceId, String createdBy,
                   Instant createdAt, Instant updatedAt, String partnerRegion, String cooperationNature,
                   String governmentAffair, String ngoGroup) {
    this(id, registrationNumber, type, title, partnerName, partnerCountry, proposerUnit, proposerProvince,
        partnerMinistry, locationProvinces, sectors, proposedStart, durationMonths, burdensPublicOrOutsideBudget,
        phase, status, statusReason, documentKind, documentNumber, signatories, signedOn, startDate, endDate, term,
        processInstanceId, createdBy, createdAt, updatedAt, partnerRegion, cooperationNature, governmentAffair,
        ngoGroup, null);
  }

  /** An agreement without an NGO party, partner region, nature or government affair (older records). */
  public Agreement(long id, String registrationNumber, CooperationType type, String title, String partnerName,
                   String partnerCountry, String proposerUnit, String proposerProvince, String partnerMinistry,
                   List<String> locationProvinces, List<String> sectors, LocalDate proposedStart, int durationMonths,
                   boolean burdensPublicOrOutsideBudget, Phase phase, Status status, String statusReason,
                   String documentKind, String documentNumber, String signatories, LocalDate signedOn,
                   LocalDate startDate, LocalDate endDate, int term, String processInstanceId, String createdBy,
                   Instant createdAt, Instant updatedAt) {
    this(id, registrationNumber, type, title, partnerName, partnerCountry, proposerUnit, proposerProvince,
        partnerMinistry, locationProvinces, sectors, proposedStart, durationMonths, burdensPublicOrOutsideBudget,
        phase, status, statusReason, documentKind, documentNumber, signatories, signedOn, startDate, endDate, term,
        processInstanceId, createdBy, createdAt, updatedAt, null, null, null, null, null);
  }

  /**
   * A region's cooperation with a ministry, or a ministry's with a region (GR 28/2018 art. 46): domestic
   * cooperation with a partner ministry or a partner region, on the Nota Kesepakatan route.
   */
  public boolean notaKesepakatan() {
    return notaKesepakatan(type, partnerMinistry, partnerRegion);
  }

  /**
   * The one rule for a region–ministry Nota Kesepakatan, for callers that hold the facts as process
   * variables instead of a registry row: a domestic cooperation naming a partner ministry or region.
   */
  public static boolean notaKesepakatan(CooperationType type, Object partnerMinistry, Object partnerRegion) {
    return type == CooperationType.DALAM_NEGERI && (partnerMinistry != null || partnerRegion != null);
  }

  /**
   * The groups that may see this agreement besides the central roles: the
   * proposer, its province, the partner ministry, the partner region (KSDD),
   * every location province and the foreign NGO that is a party (its group,
   * type {@code NGO}).
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
    if (ngoGroup != null) {
      groups.add(ngoGroup);
    }
    return groups;
  }
}
