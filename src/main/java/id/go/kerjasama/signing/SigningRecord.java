package id.go.kerjasama.signing;

import id.go.kerjasama.registry.DocumentKind;
import java.time.Instant;
import java.time.LocalDate;

/** One signed document in the agreement's signing history (agreement_signing). */
public record SigningRecord(
    long id,
    long agreementId,
    int term,
    DocumentKind documentKind,
    String documentNumber,
    String signatories,
    LocalDate signedOn,
    LocalDate startDate,
    LocalDate endDate,
    String source,
    String recordedBy,
    Instant recordedAt) {

  public static final String SOURCE_TASK = "TASK";
  public static final String SOURCE_IMPORT = "IMPORT";
}
