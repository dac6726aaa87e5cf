package id.go.kerjasama.legacyimport;

import id.go.kerjasama.platform.web.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
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
 * <p>Streamed ({@link #read(Reader, List, Consumer)}): the file is read line by
 * line and handed on record by record; what is held at once is one record and
 * the lines of one unfinished quoted record, at most {@link #MAX_RECORD_CHARS}
 * characters and {@link #MAX_RECORD_LINES} lines — a file of any size (100 MB
 * in {@code LegacyCsvStreamingTest}) is read in a small heap.
 *
 * <p>A record whose quotes do not add up — a quote never closed, text after a
 * closing quote ({@code "24" monitor}), or a quoted line break that makes the
 * record a different number of columns than the header or puts as many
 * separators as a whole row into one value (a stray quote that would swallow
 * the rows below it) — is a {@link Row#problem() bad row} on the line it
 * starts on, and reading goes on with the next line: the rows after it are
 * read as rows of their own, not swallowed. So is a record longer than the
 * limits above and a record with characters no text holds (NUL and other
 * control characters, or bytes that neither UTF-8 nor Windows-1252 can read).
 * Where a record ends is decided as Commons CSV's strict RFC 4180 lexer does
 * ({@link QuoteState}); its values are then read by Commons CSV.
 */
final class LegacyCsv {

  /** The longest record (all its lines) and the longest line, in characters. */
  static final int MAX_RECORD_CHARS = 32_768;
  /** The most lines one quoted record may run over. */
  static final int MAX_RECORD_LINES = 100;

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

  /** The whole text at once (tests, small files): {@link #read} collected into a list. */
  static Parsed parse(String text, List<String> requiredColumns) {
    List<Row> rows = new ArrayList<>();
    List<String> header = read(new StringReader(text), requiredColumns, rows::add);
    return new Parsed(header, rows);
  }

  /**
   * Reads the CSV from {@code in} to its end, handing each data record (blank lines included, as
   * blank rows) to {@code rows} in file order, and returns the header (lower-case column names).
   *
   * @throws InvalidInputException (400) for a file that is empty, is no text (NUL characters: saved as
   *                               UTF-16 "Unicode text"), lacks a required column or whose header line
   *                               cannot be read; nothing has been handed on then
   */
  static List<String> read(Reader in, List<String> requiredColumns, Consumer<Row> rows) {
    Lines lines = new Lines(in);
    Line first = lines.next();
    if (first == null) {
      throw new InvalidInputException(List.of("Berkas CSV kosong"));
    }
    if (first.text().isBlank()) {
      // no header: a file of blank lines is empty, anything below a blank first line lacks every column
      Line next;
      while ((next = lines.next()) != null) {
        if (!next.text().isBlank()) {
          checkColumns(List.of(""), requiredColumns);
        }
      }
      throw new InvalidInputException(List.of("Berkas CSV kosong"));
    }
    lines.giveBack(List.of(first));
    if (first.text().indexOf('\0') >= 0) {
      throw new InvalidInputException(List.of("Baris 1 (judul kolom): berkas memuat karakter NUL, jadi bukan teks CSV "
          + "biasa (mungkin disimpan sebagai \"Unicode text\"/UTF-16); simpan ulang sebagai \"CSV UTF-8\""));
    }
    char separator = fields(first.text(), ';') > fields(first.text(), ',') ? ';' : ',';
    CSVFormat format = separator == ';' ? RFC4180.builder().setDelimiter(';').get() : RFC4180;
    Records records = new Records(lines, format, separator);

    Record headerRecord = records.next(0);
    if (headerRecord.problem() != null) {
      throw new InvalidInputException(List.of("Baris 1 (judul kolom): " + headerRecord.problem()));
    }
    List<String> header = headerRecord.values().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    checkColumns(header, requiredColumns);

    Record record;
    while ((record = records.next(header.size())) != null) {
      if (record.problem() != null) {
        rows.accept(new Row(record.line(), namedBy(record.line(), record.firstLine(), format, header),
            record.problem() + SKIPPED));
      } else {
        String unreadable = unreadable(record.values());
        rows.accept(unreadable == null ? new Row(record.line(), byColumn(header, record.values()))
            : new Row(record.line(), byColumn(header, record.values()), unreadable));
      }
    }
    return header;
  }

  /**
   * The charset to read a file in, decided on the whole stream without holding it: UTF-8 when every
   * byte sequence is valid UTF-8 (with or without byte order mark), otherwise Windows-1252, as older
   * spreadsheets save. Reads {@code in} to its end; the file is then read again in that charset.
   */
  static Charset charsetOf(InputStream in) throws IOException {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    CharBuffer chars = CharBuffer.allocate(64 * 1024);
    boolean end = false;
    while (!end) {
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      end = n < 0;
      if (n > 0) {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
      CoderResult result;
      do {
        chars.clear();
        result = utf8.decode(bytes, chars, end);
        if (result.isError()) {
          return Charset.forName("windows-1252");
        }
      } while (result.isOverflow());
      bytes.compact();
    }
    chars.clear();
    return utf8.flush(chars).isError() ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
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

  /**
   * Why a record's text cannot be stored as it is: a control character (NUL … US, DEL; tab and line
   * breaks are text), or U+FFFD, which the decoder puts for a byte it cannot read. {@code null}: fine.
   */
  private static String unreadable(List<String> values) {
    for (String value : values) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\uFFFD') {
          return "Baris berisi karakter yang tidak dapat dibaca (bukan UTF-8 maupun Windows-1252); "
              + "simpan ulang berkas sebagai \"CSV UTF-8\" lalu impor lagi";
        }
        if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
          return String.format("Baris berisi karakter kendali U+%04X yang tidak boleh ada dalam teks; hapus karakter "
              + "itu (atau simpan ulang berkas sebagai \"CSV UTF-8\") lalu impor lagi", (int) c);
        }
      }
    }
    return null;
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
  private static boolean holdsARow(List<String> values, char separator, int columns) {
    return columns > 1 && values.stream().filter(v -> v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0)
        .anyMatch(v -> v.chars().filter(c -> c == separator).count() >= columns - 1);
  }

  /** A bad row's values: what its first line alone gives when read leniently, to name it in the report. */
  private static Map<String, String> namedBy(int line, String text, CSVFormat format, List<String> header) {
    CSVFormat lenient = format.builder().setLenientEof(true).setTrailingData(true).get();
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(lenient).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      if (records.hasNext()) {
        return byColumn(header, records.next().toList());
      }
    } catch (IOException | UncheckedIOException e) {
      // nothing to name the row by
    }
    return Map.of();
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

  /** A physical line: its number (from 1), its text without the line break, the break ("" at the end). */
  private record Line(int number, String text, String lineBreak, boolean tooLong) {
  }

  /**
   * The physical lines of the text (ended by CR LF, LF or CR, as Commons CSV counts them), read one at a
   * time; a line longer than {@link #MAX_RECORD_CHARS} keeps only its start and is marked too long.
   * Lines given back ({@link #giveBack}) are read again first.
   */
  private static final class Lines {

    private final BufferedReader in;
    private final Deque<Line> givenBack = new ArrayDeque<>();
    private int read;

    Lines(Reader reader) {
      this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 64 * 1024);
    }

    /** Puts lines back, to be read again in their order before any other. */
    void giveBack(List<Line> lines) {
      for (int i = lines.size() - 1; i >= 0; i--) {
        givenBack.addFirst(lines.get(i));
      }
    }

    Line next() {
      if (!givenBack.isEmpty()) {
        return givenBack.removeFirst();
      }
      try {
        StringBuilder text = new StringBuilder();
        boolean tooLong = false;
        int c = in.read();
        if (c < 0) {
          return null;
        }
        if (read == 0 && c == '\uFEFF') {
          c = in.read();
          if (c < 0) {
            return null;
          }
        }
        while (c >= 0 && c != '\n' && c != '\r') {
          if (text.length() < MAX_RECORD_CHARS) {
            text.append((char) c);
          } else {
            tooLong = true;
          }
          c = in.read();
        }
        String lineBreak = "";
        if (c == '\n') {
          lineBreak = "\n";
        } else if (c == '\r') {
          in.mark(1);
          if (in.read() == '\n') {
            lineBreak = "\r\n";
          } else {
            in.reset();
            lineBreak = "\r";
          }
        }
        return new Line(++read, text.toString(), lineBreak, tooLong);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A record: its first line, its values, or why it cannot be read (then {@code firstLine} names it). */
  private record Record(int line, String firstLine, List<String> values, String problem) {
  }

  /** Records from the lines, each read on its own, so that a bad one never takes the lines after it. */
  private static final class Records {

    private final Lines lines;
    private final CSVFormat format;
    private final char separator;

    Records(Lines lines, CSVFormat format, char separator) {
      this.lines = lines;
      this.format = format;
      this.separator = separator;
    }

    /**
     * The next record, {@code null} at the end. {@code columns}: the header's width (0 while reading the
     * header), for the stray-quote checks. A bad record gives its lines after the first back.
     */
    Record next(int columns) {
      Line first = lines.next();
      if (first == null) {
        return null;
      }
      List<Line> used = new ArrayList<>();
      used.add(first);
      QuoteState state = new QuoteState(separator);
      StringBuilder text = new StringBuilder();
      Line line = first;
      while (true) {
        if (line.tooLong()) {
          return bad(used, line == first
              ? "Baris terlalu panjang: lebih dari " + MAX_RECORD_CHARS + " karakter (ada kolom yang terlalu panjang?)"
              : "Tanda kutip tidak ditutup atau ambigu: kolom bertanda kutip berlanjut sampai baris " + line.number()
              + ", yang terlalu panjang");
        }
        text.append(line.text());
        if (!state.scan(line.text())) {
          return bad(used, line == first
              ? "Tanda kutip ambigu: sesudah tanda kutip penutup masih ada teks sebelum pemisah (tanda kutip di dalam"
              + " nilai ditulis dua kali: \"\", dan nilainya diapit tanda kutip)"
              : "Tanda kutip tidak ditutup atau ambigu: kolom bertanda kutip berlanjut sampai baris " + line.number()
              + " dan tidak dapat dibaca");
        }
        if (!state.inQuotes()) {
          break;
        }
        // a line break inside quotes: the record goes on, within its limits
        if (line.lineBreak().isEmpty()) {
          return bad(used, "Tanda kutip tidak ditutup sampai akhir berkas");
        }
        if (used.size() >= MAX_RECORD_LINES || text.length() >= MAX_RECORD_CHARS) {
          return bad(used, "Tanda kutip tidak ditutup: kolom bertanda kutip berlanjut lebih dari "
              + (used.size() >= MAX_RECORD_LINES ? MAX_RECORD_LINES + " baris" : MAX_RECORD_CHARS + " karakter")
              + " (sampai baris " + line.number() + ")");
        }
        text.append(line.lineBreak());
        line = lines.next();
        if (line == null) {
          return bad(used, "Tanda kutip tidak ditutup sampai akhir berkas");
        }
        used.add(line);
      }
      List<String> values;
      try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text.toString())).setFormat(format).get()) {
        Iterator<CSVRecord> records = parser.iterator();
        values = records.hasNext() ? records.next().toList() : List.of("");
      } catch (IOException | UncheckedIOException e) {
        return bad(used, "Baris tidak dapat dibaca sebagai CSV");
      }
      Line last = used.get(used.size() - 1);
      if (columns > 0 && used.size() > 1 && (!fits(values, columns) || holdsARow(values, separator, columns))) {
        return bad(used, "Tanda kutip tidak ditutup atau ambigu: kolom bertanda kutip berlanjut sampai baris "
            + last.number() + (fits(values, columns) ? " dan memuat pemisah sebanyak satu baris penuh"
            : " dan barisnya menjadi " + values.size() + " kolom, bukan " + columns));
      }
      return new Record(first.number(), first.text(), values, null);
    }

    private Record bad(List<Line> used, String problem) {
      lines.giveBack(used.subList(1, used.size()));
      Line first = used.get(0);
      return new Record(first.number(), first.text(), List.of(), problem);
    }
  }

  /**
   * Where Commons CSV's strict RFC 4180 lexer stands after each character: whether a record ends at a
   * line break (outside quotes) or goes on (inside quotes), and whether it fails (text other than blanks
   * between a closing quote and the separator). A quote starts a quoted field only as its first
   * character; elsewhere it is an ordinary character.
   */
  static final class QuoteState {

    private enum At { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_CLOSING_QUOTE }

    private final char separator;
    private At at = At.FIELD_START;

    QuoteState(char separator) {
      this.separator = separator;
    }

    /** Reads one line's text (its line break not included); {@code false}: the record cannot be read. */
    boolean scan(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (at) {
          case FIELD_START -> at = c == '"' ? At.QUOTED : c == separator ? At.FIELD_START : At.UNQUOTED;
          case UNQUOTED -> at = c == separator ? At.FIELD_START : At.UNQUOTED;
          case QUOTED -> at = c == '"' ? At.QUOTE_IN_QUOTED : At.QUOTED;
          case QUOTE_IN_QUOTED, AFTER_CLOSING_QUOTE -> {
            if (at == At.QUOTE_IN_QUOTED && c == '"') {
              at = At.QUOTED; // "" inside quotes
            } else if (c == separator) {
              at = At.FIELD_START;
            } else if (Character.isWhitespace(c)) {
              at = At.AFTER_CLOSING_QUOTE;
            } else {
              return false;
            }
          }
        }
      }
      return true;
    }

    /** Whether a line break here lies inside a quoted value (the record goes on). */
    boolean inQuotes() {
      if (at == At.QUOTED) {
        return true;
      }
      at = At.FIELD_START; // the line break ends the record
      return false;
    }
  }
}
