package id.go.kerjasama.legacyimport;

import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.AgreementRepository;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The legacy import's tables and its inserts into the registry, through plain JDBC. */
@Repository
class LegacyImportRepository {

  private final JdbcTemplate jdbc;
  private final JdbcClient client;

  public LegacyImportRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.client = JdbcClient.create(jdbc);
  }

  public long startImport(String fileName, String sha256, boolean dryRun, String user) {
    KeyHolder key = new GeneratedKeyHolder();
    client.sql("INSERT INTO legacy_import (file_name, sha256, dry_run, imported_by, started_at, status, heartbeat_at)"
          + " VALUES (?, ?, ?, ?, ?, 'RUNNING', ?)")
        .params(fileName,
            sha256,
            dryRun,
            user,
            Timestamp.from(BusinessClock.now()),
            alive())
        .update(key, "id");
    return key.getKey().longValue();
  }

  /**
   * Every row checked: the counts known before writing; nothing imported yet, or, when an interrupted
   * import is taken up again, the rows it had imported before.
   */
  public void checked(long importId, int total, int imported, int existing, int rejected) {
    jdbc.update("UPDATE legacy_import SET total_rows = ?, imported_rows = ?, existing_rows = ?, rejected_rows = ?,"
        + " heartbeat_at = ? WHERE id = ?", total, imported, existing, rejected, alive(), importId);
  }

  /**
   * The rows refused when the file was checked, with their reasons (V66): replaces what an earlier check of
   * the same import stored (an import taken up again checks its file again).
   */
  public void replaceRejected(long importId, java.util.List<ImportReport.RejectedRow> rows) {
    jdbc.update("DELETE FROM legacy_import_rejected_row WHERE import_id = ?", importId);
    addRejected(importId, rows);
  }

  /** Rows given up (refused, or failed while written), with their reasons. */
  public void addRejected(long importId, java.util.List<ImportReport.RejectedRow> rows) {
    jdbc.batchUpdate("INSERT INTO legacy_import_rejected_row (import_id, line_no, legacy_number, problems)"
        + " VALUES (?, ?, ?, ?)", rows, 500, (ps, row) -> {
          ps.setLong(1, importId);
          ps.setInt(2, row.line());
          ps.setString(3, cut(row.legacyNumber(), 100));
          ps.setString(4, cut(String.join("\n", row.problems()), 4000));
        });
  }

  /** The refused rows of an import by line, {@code limit} from {@code offset}. */
  public java.util.List<ImportReport.RejectedRow> rejected(long importId, int offset, int limit) {
    return jdbc.query("SELECT line_no, legacy_number, problems FROM legacy_import_rejected_row WHERE import_id = ?"
        + " ORDER BY line_no LIMIT ? OFFSET ?", (rs, n) -> new ImportReport.RejectedRow(rs.getInt("line_no"),
        rs.getString("legacy_number"), java.util.List.of(rs.getString("problems").split("\n"))),
        importId, limit, offset);
  }

  /**
   * The text as a column can hold it: a NUL (which PostgreSQL refuses in text, and a random file may hold)
   * becomes U+FFFD, and a text longer than {@code max} is cut with "…", never inside a surrogate pair.
   */
  static String cut(String text, int max) {
    if (text == null) {
      return null;
    }
    String clean = text.replace('\u0000', '\uFFFD');
    if (clean.length() <= max) {
      return clean;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(clean.charAt(end - 1))) {
      end--;
    }
    return clean.substring(0, end) + "…";
  }

  /**
   * Rows written ({@code imported}) or given up ({@code rejected}): run in the transaction that wrote
   * them, so that the record never counts a row the registry does not hold.
   */
  public void progressed(long importId, int imported, int rejected) {
    jdbc.update("UPDATE legacy_import SET imported_rows = COALESCE(imported_rows, 0) + ?,"
        + " rejected_rows = COALESCE(rejected_rows, 0) + ?, heartbeat_at = ? WHERE id = ?",
        imported, rejected, alive(), importId);
  }

  public void finishImport(long importId, int total, int imported, int existing, int rejected) {
    // also over INTERRUPTED: an import that was taken for dead but did end tells the truth
    jdbc.update("UPDATE legacy_import SET finished_at = ?, total_rows = ?, imported_rows = ?, existing_rows = ?,"
        + " rejected_rows = ?, status = 'FINISHED', note = NULL WHERE id = ?", Timestamp.from(BusinessClock.now()),
        total, imported, existing, rejected, importId);
  }

  /** A sign of life of the application running these imports. */
  public void heartbeat(java.util.Collection<Long> importIds) {
    Timestamp now = alive();
    for (Long id : importIds) {
      jdbc.update("UPDATE legacy_import SET heartbeat_at = ? WHERE id = ? AND status = 'RUNNING'", now, id);
    }
  }

  /** Imports still RUNNING whose last sign of life is older than {@code staleBefore}. */
  public java.util.List<Long> stale(java.time.Instant staleBefore) {
    return jdbc.queryForList("SELECT id FROM legacy_import WHERE status = 'RUNNING'"
        + " AND COALESCE(heartbeat_at, started_at) < ? ORDER BY id", Long.class, Timestamp.from(staleBefore));
  }

  /**
   * Marks a stale import INTERRUPTED with what it did: the imported rows are counted from the keys it
   * wrote (each row is written whole or not at all, so they are the rows done). False when it is no
   * longer stale (it came back to life or another node closed it).
   */
  public boolean interrupt(long importId, java.time.Instant staleBefore,
                           java.util.function.IntFunction<String> noteOfImported) {
    Integer imported = jdbc.queryForObject("SELECT COUNT(*) FROM agreement_legacy_key WHERE import_id = ?",
        Integer.class, importId);
    int done = imported == null ? 0 : imported;
    return jdbc.update("UPDATE legacy_import SET status = 'INTERRUPTED', finished_at = ?, imported_rows = ?, note = ?"
        + " WHERE id = ? AND status = 'RUNNING' AND COALESCE(heartbeat_at, started_at) < ?",
        Timestamp.from(BusinessClock.now()), done, noteOfImported.apply(done), importId,
        Timestamp.from(staleBefore)) == 1;
  }

  public java.util.Optional<ImportRecord> find(long importId) {
    return jdbc.query(SELECT_RECORD + " WHERE id = ?", RECORD, importId).stream().findFirst();
  }

  /** The latest {@code limit} imports, newest first. */
  public java.util.List<ImportRecord> latest(int limit) {
    return jdbc.query(SELECT_RECORD + " ORDER BY id DESC LIMIT ?", RECORD, limit);
  }

  private static final String SELECT_RECORD = "SELECT id, file_name, sha256, dry_run, imported_by, started_at,"
      + " finished_at, status, total_rows, imported_rows, existing_rows, rejected_rows, note FROM legacy_import";

  private static final org.springframework.jdbc.core.RowMapper<ImportRecord> RECORD = (rs, n) -> ImportRecord.of(
      rs.getLong("id"), rs.getString("file_name"), rs.getString("sha256"), rs.getBoolean("dry_run"),
      rs.getString("imported_by"), instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
      ImportRecord.Status.valueOf(rs.getString("status")), (Integer) rs.getObject("total_rows"),
      (Integer) rs.getObject("imported_rows"), (Integer) rs.getObject("existing_rows"),
      (Integer) rs.getObject("rejected_rows"), rs.getString("note"));

  /**
   * A sign of life is the machine's time, not the business clock (which tests move): liveness is compared
   * with the machine's time ({@link InterruptedImports}).
   */
  private static Timestamp alive() {
    return Timestamp.from(java.time.Instant.now());
  }

  private static java.time.Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** An agreement imported earlier: its registration number and the import that wrote it. */
  record Existing(String registrationNumber, long importId) {
  }

  /** Every natural key already imported ({@link LegacyRow#key()}) with its registration number and import. */
  public Map<String, Existing> existingKeys() {
    Map<String, Existing> keys = new HashMap<>();
    jdbc.query("SELECT k.legacy_number, k.proposer_unit, k.import_id, a.registration_number"
        + " FROM agreement_legacy_key k JOIN agreement a ON a.id = k.agreement_id", rs -> {
          keys.put(rs.getString("proposer_unit") + "|" + rs.getString("legacy_number").toLowerCase(Locale.ROOT),
              new Existing(rs.getString("registration_number"), rs.getLong("import_id")));
        });
    return keys;
  }

  /** Keeps the uploaded file of a background import until it finishes (V50). */
  public void storeFile(long importId, byte[] content) {
    jdbc.update("INSERT INTO legacy_import_file (import_id, content) VALUES (?, ?)", importId, content);
  }

  public java.util.Optional<byte[]> file(long importId) {
    return jdbc.query("SELECT content FROM legacy_import_file WHERE import_id = ?",
        (rs, n) -> rs.getBytes("content"), importId).stream().findFirst();
  }

  public void deleteFile(long importId) {
    jdbc.update("DELETE FROM legacy_import_file WHERE import_id = ?", importId);
  }

  /** Background imports left INTERRUPTED with their file: to be taken up again. */
  public java.util.List<Long> interruptedWithFile() {
    return jdbc.queryForList("SELECT i.id FROM legacy_import i JOIN legacy_import_file f ON f.import_id = i.id"
        + " WHERE i.status = 'INTERRUPTED' ORDER BY i.id", Long.class);
  }

  /** Takes an interrupted import up again; false if another node was quicker. */
  public boolean claimInterrupted(long importId) {
    return jdbc.update("UPDATE legacy_import SET status = 'RUNNING', finished_at = NULL, note = NULL,"
        + " heartbeat_at = ? WHERE id = ? AND status = 'INTERRUPTED'", alive(), importId) == 1;
  }

  /** Inserts the agreement as the legacy data has it; returns its id and registration number. */
  public Map.Entry<Long, String> insertAgreement(LegacyRow row, ImportPlacement placement, String statusReason,
                                                 String user) {
    Timestamp now = Timestamp.from(BusinessClock.now());
    KeyHolder key = new GeneratedKeyHolder();
    String provisional = "TMP-" + java.util.UUID.randomUUID();
    int months = (int) Math.max(1, java.time.temporal.ChronoUnit.MONTHS.between(row.startDate(),
        row.endDate().plusDays(1)));
    client.sql("""
          INSERT INTO agreement (registration_number, cooperation_type, title, partner_name, partner_country,
            proposer_unit, proposer_province, partner_ministry, location_provinces, sectors, proposed_start,
            duration_months, phase, status, status_reason, document_kind, document_number, signatories, signed_on,
            start_date, end_date, created_by, created_at, updated_at, government_affair, partner_region)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(provisional,
            row.type().name(),
            row.title(),
            row.partnerName(),
            row.partnerCountry(),
            row.proposerUnit(),
            row.proposerProvince(),
            row.partnerMinistry(),
            String.join(",", row.locationProvinces()),
            String.join(",", row.sectors()),
            Date.valueOf(row.startDate()),
            months,
            placement.phase().name(),
            placement.status().name(),
            statusReason,
            row.documentKind().name(),
            row.documentNumber(),
            row.signatories(),
            Date.valueOf(row.signedOn()),
            Date.valueOf(row.startDate()),
            Date.valueOf(row.endDate()),
            user,
            now,
            now,
            row.governmentAffair(),
            row.partnerRegion())
        .update(key, "id");
    long id = key.getKey().longValue();
    String number = AgreementRepository.registrationNumber(row.type(), row.signedOn().getYear(), id);
    jdbc.update("UPDATE agreement SET registration_number = ? WHERE id = ?", number, id);
    return Map.entry(id, number);
  }

  public void insertKey(long agreementId, LegacyRow row, long importId) {
    jdbc.update("INSERT INTO agreement_legacy_key (agreement_id, legacy_number, proposer_unit, import_id, line_no)"
        + " VALUES (?, ?, ?, ?, ?)", agreementId, row.legacyNumber(), row.proposerUnit(), importId, row.line());
  }

  public void setProcessInstance(long agreementId, String processInstanceId) {
    jdbc.update("UPDATE agreement SET process_instance_id = ? WHERE id = ?", processInstanceId, agreementId);
  }
}
