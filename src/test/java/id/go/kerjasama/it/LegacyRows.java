package id.go.kerjasama.it;

import java.time.LocalDate;
import java.util.List;

/**
 * Generates realistic valid legacy rows: mostly domestic PKS and Nota
 * Kesepahaman (Kemendagri records 1,614 domestic memoranda), some regional
 * foreign MoU/LoI and foreign-NGO MSP; signed over the last four years, so
 * that some have ended, some end within the renewal window and most run on.
 */
final class LegacyRows {

  /**
   * Provinces the other integration tests use (some assert that a group has no tasks): the generated
   * agreements stay out of them, as all integration tests share one database.
   */
  static final java.util.Set<String> RESERVED_PROVINCES = java.util.Set.of("11", "12", "31", "32", "34", "35", "36",
      "53", "61", "62", "63", "64");
  /** Regencies/cities outside the reserved provinces. */
  static final String[] REGENCIES = {"3374", "5171", "7371"};
  static final String[] MINISTRIES = {"kemensos", "kemendagri", "kemenkes", "kemenpppa"};
  static final String[] COUNTRIES = {"Jepang", "Korea Selatan", "Australia", "Belanda"};
  static final String[] SECTORS = {"EKONOMI", "PENDIDIKAN", "KESEHATAN", "INFRASTRUKTUR", "PARIWISATA", "TATA_KELOLA"};

  private final String tag;
  private final List<String> provinces;
  private final LocalDate today;

  /** @param provinceCodes every province code; the reserved ones are left out */
  LegacyRows(String tag, List<String> provinceCodes, LocalDate today) {
    this.tag = tag;
    this.provinces = provinceCodes.stream().filter(p -> !RESERVED_PROVINCES.contains(p)).toList();
    this.today = today;
  }

  String legacyNumber(int i) {
    return tag + "/" + i;
  }

  /** A whole file of rows 0 to {@code rows - 1}, with its header line. */
  byte[] file(int rows) {
    LegacyCsvFile csv = new LegacyCsvFile();
    for (int i = 0; i < rows; i++) {
      add(csv, i);
    }
    return csv.bytes();
  }

  /** Adds valid row {@code i} to the file; returns its line number. */
  int add(LegacyCsvFile csv, int i) {
    String province = provinces.get(i % provinces.size());
    LocalDate start = today.minusDays(30 + (i * 37L) % 1400);
    String sector = SECTORS[i % SECTORS.length] + ";" + SECTORS[(i + 2) % SECTORS.length];
    if (i % 10 == 0) {
      return csv.row(legacyNumber(i), "LUAR_NEGERI", "Kerja sama teknik luar negeri " + tag + " nomor " + i,
          "Pemerintah Kota Mitra " + i, COUNTRIES[i % COUNTRIES.length], "province-" + province, province, sector,
          i % 20 == 0 ? "LOI" : "MOU", "MOU/" + i + "/" + start.getYear(), start, start,
          start.plusYears(2 + i % 3).minusDays(1));
    }
    if (i % 10 == 5) {
      return csv.row(legacyNumber(i), "ORMAS_ASING", "Program ormas asing " + tag + " nomor " + i,
          "International NGO " + i, COUNTRIES[(i + 1) % COUNTRIES.length], MINISTRIES[i % MINISTRIES.length],
          province + ";" + provinces.get((i + 7) % provinces.size()), "SOSIAL;" + SECTORS[i % SECTORS.length], "MSP",
          "MSP/" + i + "/" + start.getYear(), start, start, start.plusMonths(12 + i % 25).minusDays(1));
    }
    String proposer = i % 3 == 0 ? REGENCIES[i % REGENCIES.length] : province;
    String location = proposer.length() == 4 ? proposer.substring(0, 2) : province;
    return csv.row(legacyNumber(i), "DALAM_NEGERI", "Kerja sama antardaerah " + tag + " nomor " + i,
        "Pemerintah Daerah Mitra " + i, "Indonesia", proposer, location, sector, i % 7 == 0 ? "NK" : "PKS",
        "180/" + i + "/KSDN/" + start.getYear(), start, start, start.plusYears(1 + i % 5).minusDays(1));
  }
}
