package id.go.kerjasama.registry;

import java.util.List;

/** RFC 4180 CSV fields, with spreadsheet formula injection defused. */
final class CsvFormat {

  /** Excel recognises UTF-8 by it; the import skips it. */
  static final String BOM = "\uFEFF";

  private CsvFormat() {
  }

  static String line(List<?> values) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(values.get(i)));
    }
    return line.append("\r\n").toString();
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String s = value instanceof List<?> list ? String.join(";", list.stream().map(String::valueOf).toList())
        : value.toString();
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      // a cell starting like a formula would be run by spreadsheet programs
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.contains(";")
        || !s.equals(s.strip())) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
