package id.go.kerjasama.legacyimport;

import id.go.kerjasama.platform.web.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the legacy import's CSV (RFC 4180, with Apache Commons CSV): comma or
 * semicolon separated (whichever the header uses; spreadsheet programs in
 * Indonesian locales save with semicolons), fields in double quotes may hold
 * separators, quotes ("") and line breaks; a UTF-8 byte order mark is skipped.
 * Each record keeps the line number it starts on, for the report.
 *
 * <p>A record whose quotes do not add up — a quote never closed, text after a
 * closing quote ({@code "24" monitor}), or a quoted line break that makes the
 * record a different number of columns than the header or puts as many
 * separators as a whole row into one value (a stray quote that would swallow
 * the rows below it) — is a {@link Row#problem() bad row} on the line it
 * starts on, and reading goes on with the next line: the rows after it are
 * read as rows of their own, not swallowed.
 */
final class LegacyCsv {

  /**
   * One data record: its first line in the file and its values by (lower-case) column name; or, for a
   * record that could not be read, its line and the {@code problem} (its values are then a best guess
   * from that one line, only to name the row in the report).
   */
  record Row(int line, Map<String, String> values, String problem) {

    Row(int line, Map<String, String> values) {
      this(line, values, null);
    }

    String get(String column) {
      String v = values.get(column);
      return v == null ? "" : v.trim();
    }

    boolean blank() {
      return problem == null && values.values().stream().allMatch(v -> v == null || v.isBlank());
    }
  }

  record Parsed(List<String> header, List<Row> rows) {
  }

  /** RFC 4180 as Commons CSV has it: strict quotes (errors, not guesses), blank lines kept as records. */
  private static final CSVFormat RFC4180 = CSVFormat.RFC4180;

  private static final String SKIPPED = "; baris ini dilewati, baris sesudahnya dibaca tersendiri";

  private LegacyCsv() {
  }

  static Parsed parse(String text, List<String> requiredColumns) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw new InvalidInputException(List.of("Berkas CSV kosong"));
    }
    Lines lines = new Lines(text);
    String firstLine = lines.text(1);
    CSVFormat format = fields(firstLine, ';') > fields(firstLine, ',')
        ? RFC4180.builder().setDelimiter(';').get() : RFC4180;

    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    int from = 1;
    while (from <= lines.count()) {
      int resumeAt = 0;
      int lastLine = from - 1; // the last line that a record read so far ends on
      try (CSVParser parser = CSVParser.builder().setReader(lines.readerFrom(from)).setFormat(format)
          .setCharacterOffset(lines.start(from)).get()) {
        Iterator<CSVRecord> records = parser.iterator();
        try {
          while (records.hasNext()) {
            CSVRecord record = records.next();
            int line = lines.lineAt(record.getCharacterPosition());
            lastLine = from - 1 + (int) parser.getCurrentLineNumber();
            List<String> values = record.toList();
            if (header == null) {
              header = values.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
              checkColumns(header, requiredColumns);
              continue;
            }
            if (lastLine > line && (!fits(values, header.size()) || holdsARow(values, format, header.size()))) {
              rows.add(bad(line, "Tanda kutip tidak ditutup atau ambigu: kolom bertanda kutip berlanjut sampai baris "
                  + lastLine + (fits(values, header.size()) ? " dan memuat pemisah sebanyak satu baris penuh"
                  : " dan barisnya menjadi " + values.size() + " kolom, bukan " + header.size()) + SKIPPED,
                  lines, format, header));
              resumeAt = line + 1;
              break;
            }
            rows.add(new Row(line, byColumn(header, values)));
          }
        } catch (UncheckedIOException e) {
          if (!(e.getCause() instanceof CSVException)) {
            throw e;
          }
          int line = lastLine + 1;
          int failedOn = from - 1 + (int) parser.getCurrentLineNumber();
          String problem = problem(e.getCause(), line, failedOn);
          if (header == null) {
            throw new InvalidInputException(List.of("Baris 1 (judul kolom): " + problem));
          }
          rows.add(bad(line, problem + SKIPPED, lines, format, header));
          resumeAt = line + 1;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a StringReader does not fail
      }
      if (resumeAt == 0) {
        break;
      }
      from = resumeAt;
    }
    return new Parsed(header, rows);
  }

  private static void checkColumns(List<String> header, List<String> requiredColumns) {
    List<String> missing = requiredColumns.stream().filter(c -> !header.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException(List.of("Baris 1 (judul kolom): kolom wajib tidak ada: " + String.join(", ", missing)
          + "; kolom yang diharapkan: " + String.join(", ", requiredColumns)));
    }
  }

  /** Values by column; columns beyond the header that hold something are counted under {@code #extra}. */
  private static Map<String, String> byColumn(List<String> header, List<String> values) {
    Map<String, String> byColumn = new LinkedHashMap<>();
    for (int c = 0; c < header.size(); c++) {
      byColumn.put(header.get(c), c < values.size() ? values.get(c) : null);
    }
    if (values.size() > header.size() && values.subList(header.size(), values.size()).stream().anyMatch(v -> !v.isBlank())) {
      byColumn.put("#extra", String.valueOf(values.size() - header.size()));
    }
    return byColumn;
  }

  /** As many columns as the header (trailing empty ones aside). */
  private static boolean fits(List<String> values, int columns) {
    return values.size() == columns
        || values.size() > columns && values.subList(columns, values.size()).stream().allMatch(String::isBlank);
  }

  /**
   * Whether a value with a line break holds as many separators as a whole row: a stray quote closed by a
   * quote at the end of a value in the same column further down makes a record of the right size, with
   * the rows in between inside that one value.
   */
  private static boolean holdsARow(List<String> values, CSVFormat format, int columns) {
    char separator = format.getDelimiterString().charAt(0);
    return columns > 1 && values.stream().filter(v -> v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0)
        .anyMatch(v -> v.chars().filter(c -> c == separator).count() >= columns - 1);
  }

  /** The message for a record Commons CSV refused, in the words of the report. */
  private static String problem(Throwable error, int line, int failedOn) {
    String message = String.valueOf(error.getMessage());
    if (message.contains("EOF reached before encapsulated token finished")) {
      return "Tanda kutip tidak ditutup sampai akhir berkas";
    }
    if (message.contains("Invalid character between encapsulated token and delimiter") && failedOn <= line) {
      return "Tanda kutip ambigu: sesudah tanda kutip penutup masih ada teks sebelum pemisah (tanda kutip di dalam"
          + " nilai ditulis dua kali: \"\", dan nilainya diapit tanda kutip)";
    }
    return "Tanda kutip tidak ditutup atau ambigu: kolom bertanda kutip berlanjut sampai baris " + failedOn
        + " dan tidak dapat dibaca";
  }

  /** A bad row; its values are what the line alone gives when read leniently, to name it in the report. */
  private static Row bad(int line, String problem, Lines lines, CSVFormat format, List<String> header) {
    Map<String, String> values = Map.of();
    CSVFormat lenient = format.builder().setLenientEof(true).setTrailingData(true).get();
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(lines.text(line))).setFormat(lenient).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      if (records.hasNext()) {
        values = byColumn(header, records.next().toList());
      }
    } catch (IOException | UncheckedIOException e) {
      // nothing to name the row by
    }
    return new Row(line, values, problem);
  }

  /** How many fields a line has with that separator (0 if it cannot be read). */
  private static int fields(String line, char separator) {
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(line))
        .setFormat(RFC4180.builder().setDelimiter(separator).setLenientEof(true).setTrailingData(true).get()).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      return records.hasNext() ? records.next().size() : 0;
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  /** The physical lines of the text (ended by CR LF, LF or CR, as Commons CSV counts them), numbered from 1. */
  private static final class Lines {

    private final String text;
    private final int[] starts;
    private final int count;

    Lines(String text) {
      this.text = text;
      int[] found = new int[1024];
      int n = 0;
      found[n++] = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
          if (i + 1 < text.length()) {
            if (n == found.length) {
              found = Arrays.copyOf(found, n * 2);
            }
            found[n++] = i + 1;
          }
        }
      }
      this.starts = found;
      this.count = n;
    }

    int count() {
      return count;
    }

    int start(int line) {
      return starts[line - 1];
    }

    /** The line a character position lies on. */
    int lineAt(long position) {
      int found = Arrays.binarySearch(starts, 0, count, (int) position);
      return found >= 0 ? found + 1 : -found - 1;
    }

    /** The line without its line break. */
    String text(int line) {
      int end = line < count ? starts[line] : text.length();
      while (end > start(line) && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
        end--;
      }
      return text.substring(start(line), end);
    }

    StringReader readerFrom(int line) throws IOException {
      StringReader reader = new StringReader(text);
      reader.skip(start(line));
      return reader;
    }
  }
}
