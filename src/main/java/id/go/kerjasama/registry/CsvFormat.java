package id.go.kerjasama.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * RFC 4180 CSV records written by Apache Commons CSV (comma, CR LF, quotes
 * doubled), with spreadsheet formula injection defused. A value is quoted
 * where Commons CSV's minimal quoting says so, and also where it holds a
 * {@code ;} (the list separator of the export, and the field separator of
 * spreadsheet programs in Indonesian locales) or starts or ends with white
 * space.
 */
final class CsvFormat {

  /** Excel recognises UTF-8 by it; the import skips it. */
  static final String BOM = "\uFEFF";

  private static final CSVFormat MINIMAL = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).get();
  private static final CSVFormat QUOTED = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

  private CsvFormat() {
  }

  static String line(List<?> values) {
    StringBuilder line = new StringBuilder();
    write(line, values);
    return line.toString();
  }

  /** Writes one record and its line break. */
  static void write(Appendable out, List<?> values) {
    try {
      for (int i = 0; i < values.size(); i++) {
        String s = text(values.get(i));
        CSVFormat format = s != null && (s.indexOf(';') >= 0 || !s.equals(s.strip())) ? QUOTED : MINIMAL;
        format.print(s, out, i == 0);
      }
      MINIMAL.println(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The cell's text: lists joined with {@code ;}, a formula-like start defused with {@code '}; null for an
   * empty cell (written as nothing, not as {@code ""}, even first on the line).
   */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    String s = value instanceof List<?> list ? String.join(";", list.stream().map(String::valueOf).toList())
        : value.toString();
    if (s.isEmpty()) {
      return null;
    }
    if ("=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      // a cell starting like a formula would be run by spreadsheet programs
      s = "'" + s;
    }
    return s;
  }
}
