package id.go.kerjasama.it;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds a legacy-import CSV (docs/api.md "Legacy import") for the integration tests. */
final class LegacyCsvFile {

  static final String HEADER = "legacy_number,cooperation_type,title,partner_name,partner_country,proposer_unit,"
      + "location_provinces,sectors,document_kind,document_number,signatories,signed_on,start_date,end_date";

  private final List<String> lines = new ArrayList<>(List.of(HEADER));

  /** Adds a row; returns its line number in the file (the header is line 1). */
  int row(String legacyNumber, String type, String title, String partner, String country, String proposer,
          String provinces, String sectors, String kind, String number, LocalDate signedOn, LocalDate start,
          LocalDate end) {
    return raw(String.join(",", legacyNumber, type, quote(title), quote(partner), country, proposer, quote(provinces),
        quote(sectors), kind, quote(number), quote("Kepala Daerah, Pimpinan Mitra"), String.valueOf(signedOn),
        String.valueOf(start), String.valueOf(end)));
  }

  /** Adds a line as it is; returns its line number. */
  int raw(String line) {
    lines.add(line);
    return lines.size();
  }

  int rows() {
    return lines.size() - 1;
  }

  byte[] bytes() {
    return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") || s.contains(";") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
