package id.go.kerjasama.registry;

import java.time.LocalDate;
import java.util.List;

/** One line of a registry search result (and of its CSV export). */
public record AgreementSummary(
    long id,
    String registrationNumber,
    String legacyNumber,
    CooperationType type,
    String typeLabel,
    String title,
    String partnerName,
    String partnerCountry,
    String proposerUnit,
    String proposerProvince,
    String partnerMinistry,
    List<String> locationProvinces,
    List<String> sectors,
    Phase phase,
    String phaseLabel,
    Status status,
    String statusLabel,
    DocumentKind documentKind,
    String documentNumber,
    LocalDate signedOn,
    LocalDate startDate,
    LocalDate endDate,
    int term,
    String detailUrl) {
}
