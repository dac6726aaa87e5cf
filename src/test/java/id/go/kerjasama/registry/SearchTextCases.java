package id.go.kerjasama.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Agreements with tricky searchable values and the free texts that must find
 * them (docs/performance.md "Run 13"), shared by the H2 test
 * ({@code AgreementSearchTextTest}) and the PostgreSQL test over REST
 * ({@code SearchTextIT}). Each text is also asked with the free-text SQL the
 * search used before run 13 (one LIKE per column), {@link #before}: the
 * search must find exactly what it found.
 */
public final class SearchTextCases {

  /** One agreement: key (r1..r5), searchable values; {@code legacy} may be null. */
  public record Row(String key, String title, String partner, String country, String document, String legacy) {
  }

  /** A text (the tag is added as a second word, so only these rows count) and the rows it finds. */
  public record Case(String text, Set<String> finds) {
  }

  private SearchTextCases() {
  }

  /**
   * A tag for one test's rows: letters that no case's text holds (no "e", no digits), so that only the
   * rows' other values decide what a text finds.
   */
  public static String newTag() {
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    StringBuilder tag = new StringBuilder("zq");
    for (int i = 0; i < 8; i++) {
      tag.append("ghjkqvwxyz".charAt(random.nextInt(10)));
    }
    return tag.toString();
  }

  public static List<Row> rows(String tag) {
    return List.of(
        new Row("r1", "Pengelolaan SAMPAH Terpadu " + tag, "PT Maju Jaya", "Jepang", "180/12.3/KSDN/2025",
            "LAMA/2019/07.A-" + tag),
        new Row("r2", "Diskon 50% untuk UMKM " + tag, "Koperasi_Sejahtera", "Indonesia", "NK_01/2025", null),
        new Row("r3", "Peningkatan 50 persen ekspor " + tag, "Mitra A", "Belanda", "NK-01/2025", null),
        new Row("r4", "Kawasan Ekonomi Khusus Sei Mangkei " + tag, "Pemerintah Kabupaten Simalungun", "Indonesia",
            null, "180/77." + tag),
        new Row("r5", "Jalur A\\B ke Pelabuhan " + tag, "Pemerintah Kota Mitra", "Korea Selatan", "PKS/001/2024",
            null));
  }

  public static List<Case> cases() {
    return List.of(
        new Case("sampah", Set.of("r1")),
        new Case("SAMPAH", Set.of("r1")),
        new Case("SaMpAh terpadu", Set.of("r1")),
        new Case("ngelola", Set.of("r1")),                    // part of a word
        new Case("180/12.3", Set.of("r1")),                   // document number with a slash and a dot
        new Case("12.3/ksdn/2025", Set.of("r1")),
        new Case("lama/2019/07.a", Set.of("r1")),             // legacy number
        new Case("180/77.", Set.of("r4")),                    // legacy number, not r1's document 180/12.3
        new Case("50%", Set.of("r2")),                        // % typed by the user is a percent sign
        new Case("%", Set.of("r2")),
        new Case("nk_01", Set.of("r2")),                      // _ typed by the user is an underscore, not NK-01
        new Case("_", Set.of("r2")),
        new Case("a\\b", Set.of("r5")),                       // a backslash
        new Case("\\", Set.of("r5")),
        new Case("mitra", Set.of("r3", "r5")),
        new Case("mitra belanda", Set.of("r3")),              // words in different columns
        new Case("abelanda", Set.of()),                       // never across two columns (partner "Mitra A", "Belanda")
        new Case("jayajepang", Set.of()),
        new Case("selatanpks", Set.of()),
        new Case("kabupaten mangkei", Set.of("r4")),
        new Case("jepang", Set.of("r1")),                     // country
        new Case("korea selatan", Set.of("r5")),
        new Case("pemerintah", Set.of("r4", "r5")),
        new Case("ks-dn-", Set.of("r1", "r2", "r3", "r4", "r5")), // registration numbers
        new Case("KS-DN-2025-" + "R2", Set.of("r2")),
        new Case("50", Set.of("r2", "r3")),                   // a short term
        new Case("e", Set.of("r1", "r2", "r3", "r4", "r5")));  // one letter
  }

  /** Inserts the rows (proposed by {@code proposer}); returns key to id. */
  public static Map<String, Long> insert(JdbcTemplate jdbc, String tag, String proposer) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("INSERT INTO legacy_import (file_name, sha256, dry_run, started_at, status)"
        + " VALUES (?, ?, FALSE, ?, 'FINISHED')",
        tag + ".csv", tag, now);
    Long importId = jdbc.queryForObject("SELECT MAX(id) FROM legacy_import WHERE sha256 = ?", Long.class, tag);
    Map<String, Long> ids = new LinkedHashMap<>();
    for (Row row : rows(tag)) {
      String number = "KS-DN-2025-" + row.key().toUpperCase(Locale.ROOT) + "-" + tag;
      jdbc.update("""
          INSERT INTO agreement (registration_number, cooperation_type, title, partner_name, partner_country,
            proposer_unit, proposer_province, location_provinces, sectors, proposed_start, duration_months, phase,
            status, document_number, created_at, updated_at)
          VALUES (?, 'DALAM_NEGERI', ?, ?, ?, ?, NULL, '', 'EKONOMI', DATE '2025-01-01', 12, 'MONITORING', 'ACTIVE',
            ?, ?, ?)""", number, row.title(), row.partner(), row.country(), proposer, row.document(), now, now);
      long id = jdbc.queryForObject("SELECT id FROM agreement WHERE registration_number = ?", Long.class, number);
      ids.put(row.key(), id);
      if (row.legacy() != null) {
        jdbc.update("INSERT INTO agreement_legacy_key (agreement_id, legacy_number, proposer_unit, import_id, line_no)"
            + " VALUES (?, ?, ?, ?, 2)", id, row.legacy(), proposer, importId);
      }
    }
    return ids;
  }

  /**
   * The agreements that the free text found before run 13 (AgreementSearch as
   * of session 7, kept here word for word): every word, lower-cased, its
   * wildcards escaped, in any of five columns or the legacy number.
   */
  public static Set<Long> before(JdbcTemplate jdbc, String text) {
    List<String> clauses = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (String word : text.trim().split("\\s+")) {
      clauses.add("a.id IN (SELECT t.id FROM agreement t WHERE LOWER(t.title) LIKE ? ESCAPE '\\'"
          + " OR LOWER(t.partner_name) LIKE ? ESCAPE '\\' OR LOWER(t.partner_country) LIKE ? ESCAPE '\\'"
          + " OR LOWER(t.registration_number) LIKE ? ESCAPE '\\' OR LOWER(t.document_number) LIKE ? ESCAPE '\\'"
          + " UNION SELECT l.agreement_id FROM agreement_legacy_key l"
          + " WHERE LOWER(l.legacy_number) LIKE ? ESCAPE '\\')");
      String pattern = "%" + word.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
          .replace("_", "\\_") + "%";
      for (int i = 0; i < 6; i++) {
        params.add(pattern);
      }
    }
    return new TreeSet<>(jdbc.queryForList("SELECT a.id FROM agreement a WHERE " + String.join(" AND ", clauses),
        Long.class, params.toArray()));
  }
}
