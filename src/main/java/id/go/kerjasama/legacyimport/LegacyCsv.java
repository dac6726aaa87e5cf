package id.go.kerjasama.legacyimport;

import id.go.kerjasama.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the legacy import's CSV (RFC 4180): comma or semicolon separated
 * (whichever the header uses; spreadsheet programs in Indonesian locales save
 * with semicolons), fields in double quotes may hold separators, quotes
 * ("") and line breaks; a UTF-8 byte order mark is skipped. Each record keeps
 * the line number it starts on, for the report.
 */
final class LegacyCsv {

  /** One data record: its first line in the file and its values by (lower-case) column name. */
  record Row(int line, Map<String, String> values) {

    String get(String column) {
      String v = values.get(column);
      return v == null ? "" : v.trim();
    }

    boolean blank() {
      return values.values().stream().allMatch(v -> v == null || v.isBlank());
    }
  }

  record Parsed(List<String> header, List<Row> rows) {
  }

  private LegacyCsv() {
  }

  static Parsed parse(String text, List<String> requiredColumns) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw new InvalidInputException(List.of("Berkas CSV kosong"));
    }
    int firstLineEnd = text.indexOf('\n');
    String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
    char separator = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';

    List<List<String>> records = new ArrayList<>();
    List<Integer> startLines = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int line = 1;
    int recordLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && !fieldStarted) {
        quoted = true;
        fieldStarted = true;
      } else if (c == separator) {
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
      } else if (c == '\r') {
        // part of CRLF: the \n ends the record
      } else if (c == '\n') {
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
        records.add(record);
        startLines.add(recordLine);
        record = new ArrayList<>();
        line++;
        recordLine = line;
      } else {
        field.append(c);
        fieldStarted = true;
      }
    }
    if (quoted) {
      throw new InvalidInputException(List.of("Baris " + recordLine + ": tanda kutip tidak ditutup sampai akhir berkas"));
    }
    if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
      startLines.add(recordLine);
    }

    List<String> header = records.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    List<String> missing = requiredColumns.stream().filter(c -> !header.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException(List.of("Baris 1 (judul kolom): kolom wajib tidak ada: " + String.join(", ", missing)
          + "; kolom yang diharapkan: " + String.join(", ", requiredColumns)));
    }
    List<Row> rows = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      List<String> values = records.get(r);
      Map<String, String> byColumn = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        byColumn.put(header.get(c), c < values.size() ? values.get(c) : null);
      }
      if (values.size() > header.size() && values.subList(header.size(), values.size()).stream().anyMatch(v -> !v.isBlank())) {
        byColumn.put("#extra", String.valueOf(values.size() - header.size()));
      }
      rows.add(new Row(startLines.get(r), byColumn));
    }
    return new Parsed(header, rows);
  }

  private static int count(String s, char c) {
    int n = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char x = s.charAt(i);
      if (x == '"') {
        quoted = !quoted;
      } else if (x == c && !quoted) {
        n++;
      }
    }
    return n;
  }
}
