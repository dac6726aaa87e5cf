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
    client.sql("INSERT INTO legacy_import (file_name, sha256, dry_run, imported_by, started_at)"
          + " VALUES (?, ?, ?, ?, ?)")
        .params(fileName,
            sha256,
            dryRun,
            user,
            Timestamp.from(BusinessClock.now()))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public void finishImport(long importId, int total, int imported, int existing, int rejected) {
    jdbc.update("UPDATE legacy_import SET finished_at = ?, total_rows = ?, imported_rows = ?, existing_rows = ?,"
        + " rejected_rows = ? WHERE id = ?", Timestamp.from(BusinessClock.now()), total, imported, existing, rejected,
        importId);
  }

  /** Every natural key already imported ({@link LegacyRow#key()}) with its registration number. */
  public Map<String, String> existingKeys() {
    Map<String, String> keys = new HashMap<>();
    jdbc.query("SELECT k.legacy_number, k.proposer_unit, a.registration_number FROM agreement_legacy_key k"
        + " JOIN agreement a ON a.id = k.agreement_id", rs -> {
          keys.put(rs.getString("proposer_unit") + "|" + rs.getString("legacy_number").toLowerCase(Locale.ROOT),
              rs.getString("registration_number"));
        });
    return keys;
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
            start_date, end_date, created_by, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
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
            now)
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
