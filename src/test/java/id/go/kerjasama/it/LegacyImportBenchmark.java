package id.go.kerjasama.it;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.UnitLevel;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Figures, not assertions: how long the legacy import, a re-import, registry
 * searches and the CSV export take on PostgreSQL (embedded) at the scale of
 * Kemendagri's records. Not part of the normal build; run with
 * {@code mvn -B verify -Pbench -Dbench.tests=**}{@code /LegacyImportBenchmark.java}
 * ({@code -Dbenchmark.rows=1614,5000} for other sizes).
 */
class LegacyImportBenchmark extends IntegrationTest {

  @Autowired
  Organisations organisations;

  @Test
  void importSearchAndExport() {
    List<Integer> sizes = Arrays.stream(System.getProperty("benchmark.rows", "1614").split(","))
        .map(String::trim).map(Integer::valueOf).toList();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    List<String> provinces = organisations.byLevel(UnitLevel.PROVINCE).stream()
        .map(u -> u.group().substring("province-".length())).toList();
    List<String> lines = new ArrayList<>();
    for (int size : sizes) {
      String tag = "bm" + UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
      LegacyRows rows = new LegacyRows(tag, provinces, today);
      LegacyCsvFile csv = new LegacyCsvFile();
      for (int i = 0; i < size; i++) {
        rows.add(csv, i);
      }
      long t0 = System.nanoTime();
      JsonNode report = check(upload(ADMIN, "/api/admin/imports", tag + ".csv", csv.bytes()), 200).json();
      long importMs = millis(t0);
      t0 = System.nanoTime();
      JsonNode again = check(upload(ADMIN, "/api/admin/imports", tag + ".csv", csv.bytes()), 200).json();
      long reimportMs = millis(t0);
      String fasker = userOf("fasker");
      String province = userOf("province-" + provinces.get(3));
      long searchFasker = timeSearches(fasker, tag);
      long searchProvince = timeSearches(province, tag);
      t0 = System.nanoTime();
      String export = client(fasker, PASSWORD).get().uri("/api/agreements.csv?sort=endDate,asc").retrieve()
          .body(String.class);
      long exportMs = millis(t0);
      lines.add(String.format(Locale.ROOT, "rows %5d | import %6d ms (%5.1f rows/s, %4.1f ms/row, imported %d)"
              + " | re-import %5d ms (existing %d) | search avg fasker %3d ms, province %3d ms | CSV export %d lines %4d ms",
          size, importMs, report.get("importedRows").asInt() * 1000.0 / importMs,
          importMs / (double) Math.max(1, report.get("importedRows").asInt()), report.get("importedRows").asInt(),
          reimportMs, again.get("existingRows").asInt(), searchFasker, searchProvince, export.lines().count() - 1,
          exportMs));
    }
    System.out.println("=== Legacy import benchmark (embedded PostgreSQL, " + Runtime.getRuntime().availableProcessors()
        + " CPUs) ===");
    lines.forEach(System.out::println);
  }

  /** Average of ten different searches, in ms. */
  private long timeSearches(String user, String tag) {
    String[] queries = {"", "&type=DALAM_NEGERI", "&phase=MONITORING&sort=endDate,asc", "&province=32",
        "&sector=PENDIDIKAN", "&q=" + tag + "+nomor+1", "&documentKind=LOI", "&endBefore=2027-01-01",
        "&partnerCountry=Jepang", "&page=3&size=50&sort=title,desc"};
    long t0 = System.nanoTime();
    for (String q : queries) {
      check(get(user, "/api/agreements?size=20" + q), 200);
    }
    return millis(t0) / queries.length;
  }

  private static long millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
