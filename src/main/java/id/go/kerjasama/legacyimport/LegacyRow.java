package id.go.kerjasama.legacyimport;

import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.DocumentKind;
import java.time.LocalDate;
import java.util.List;

/** A valid row of the legacy import, ready for the registry. */
record LegacyRow(
    int line,
    String legacyNumber,
    CooperationType type,
    String title,
    String partnerName,
    String partnerCountry,
    String proposerUnit,
    String proposerName,
    String proposerLevel,
    String proposerProvince,
    String partnerMinistry,
    String partnerRegion,
    List<String> locationProvinces,
    List<String> sectors,
    DocumentKind documentKind,
    String documentNumber,
    String signatories,
    LocalDate signedOn,
    LocalDate startDate,
    LocalDate endDate,
    String governmentAffair) {

  /** The natural key: the legacy number within its proposer. */
  String key() {
    return proposerUnit + "|" + legacyNumber.toLowerCase(java.util.Locale.ROOT);
  }
}
