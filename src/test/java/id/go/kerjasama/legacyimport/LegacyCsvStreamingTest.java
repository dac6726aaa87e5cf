package id.go.kerjasama.legacyimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The legacy CSV is read as a stream: a file generated on the fly (never on
 * disk, never in memory whole) is read in a JVM of its own whose heap is
 * smaller than the file — holding the file, or a String of it, would end in an
 * OutOfMemoryError (the child runs with -XX:+ExitOnOutOfMemoryError).
 *
 * <p>By default 20 MB through a 16 MB heap (a few seconds); the full size of
 * issue 16, 100 MB, with {@code mvn test -Plarge-csv -Dtest=LegacyCsvStreamingTest}
 * (or {@code -Dlegacy.csv.megabytes=100}).
 */
class LegacyCsvStreamingTest {

  static final String HEAP = "-Xmx16m";

  @Test
  void aFileLargerThanTheHeapIsReadRecordByRecord(@TempDir Path dir) throws Exception {
    int megabytes = Integer.getInteger("legacy.csv.megabytes", 20);
    Path out = dir.resolve("child.out");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
        Child.class.getName(), String.valueOf(megabytes))
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();
    String report = Files.readString(out);
    assertThat(child.exitValue()).as(report).isZero();

    long rows = GeneratedCsv.rowsFor(megabytes * 1024L * 1024L);
    // every generated row came out once, on the line it starts on, the broken ones as bad rows
    assertThat(report).contains("charset=UTF-8")
        .contains("rows=" + rows + " ")
        .contains("bad=" + GeneratedCsv.badRows(rows) + " ")
        .contains("lastLine=" + GeneratedCsv.lineOf(rows) + " ")
        .contains("linesInOrder=true")
        .contains("valuesIntact=true");
  }

  /** Runs in the small-heap JVM: reads the generated file twice (charset, then records), as an import would. */
  public static final class Child {

    public static void main(String[] args) throws IOException {
      long bytes = Long.parseLong(args[0]) * 1024L * 1024L;
      Charset charset;
      try (InputStream in = new GeneratedCsv(bytes)) {
        charset = LegacyCsv.charsetOf(in);
      }
      long[] counts = new long[3]; // rows, bad rows, last line
      boolean[] ok = {true, true};
      try (InputStreamReader reader = new InputStreamReader(new GeneratedCsv(bytes), charset)) {
        LegacyCsv.read(reader, GeneratedCsv.COLUMNS, row -> {
          long n = ++counts[0];
          if (row.line() != GeneratedCsv.lineOf(n)) {
            ok[0] = false;
          }
          counts[2] = row.line();
          if (row.problem() != null) {
            counts[1]++;
            ok[1] &= GeneratedCsv.isBad(n) && row.get("legacy_number").equals("L-" + n);
          } else {
            ok[1] &= !GeneratedCsv.isBad(n) && row.get("legacy_number").equals("L-" + n)
                && row.get("title").equals(GeneratedCsv.title(n));
          }
        });
      }
      System.out.println("charset=" + charset.name() + " rows=" + counts[0] + " bad=" + counts[1] + " lastLine="
          + counts[2] + " linesInOrder=" + ok[0] + " valuesIntact=" + ok[1] + " heapUsedMb="
          + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
    }
  }

  /**
   * A legacy CSV of a given size, written as it is read: UTF-8 with a byte order mark and CR LF, every
   * row with a quoted title holding separators, quotes and non-ASCII letters, every 10th title over two
   * lines (an address), every 1000th row broken (text after a closing quote).
   */
  static final class GeneratedCsv extends InputStream {

    static final java.util.List<String> COLUMNS = java.util.List.of("legacy_number", "title", "end_date");
    private static final byte[] HEADER = "\uFEFFlegacy_number,Title,end_date\r\n".getBytes(StandardCharsets.UTF_8);

    private final long size;
    private long written;
    private long row;
    private byte[] chunk = HEADER;
    private int at;

    GeneratedCsv(long size) {
      this.size = size;
    }

    static String title(long n) {
      return "Kerja sama \"" + n + "\", Café Bandung – Jawa Barat" + (n % 10 == 0 ? "\r\nJl. Merdeka " + n : "");
    }

    static boolean isBad(long n) {
      return n % 1000 == 0;
    }

    static byte[] line(long n) {
      String title = isBad(n) ? "\"" + n + "\" monitor" : "\"" + title(n).replace("\"", "\"\"") + "\"";
      return ("L-" + n + "," + title + ",31/12/2030\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The line row n starts on: the header is line 1, every 10th row takes two lines (but the broken ones). */
    static long lineOf(long n) {
      return 2 + (n - 1) + (n - 1) / 10 - (n - 1) / 1000;
    }

    /** How many rows a file of {@code size} bytes has (as many as start before the size is reached). */
    static long rowsFor(long size) {
      long total = HEADER.length;
      long n = 0;
      while (total < size) {
        total += line(++n).length;
      }
      return n;
    }

    static long badRows(long rows) {
      return rows / 1000;
    }

    @Override
    public int read() {
      if (at == chunk.length && !nextChunk()) {
        return -1;
      }
      return chunk[at++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (at == chunk.length && !nextChunk()) {
        return -1;
      }
      int n = Math.min(len, chunk.length - at);
      System.arraycopy(chunk, at, b, off, n);
      at += n;
      return n;
    }

    private boolean nextChunk() {
      written += chunk.length;
      if (written >= size) {
        return false;
      }
      chunk = line(++row);
      at = 0;
      return true;
    }
  }

  @Test
  void theGeneratorCountsItsOwnRowsRight() throws IOException {
    // the numbers the child is checked against, on a file small enough to read whole here
    long size = 300_000;
    byte[] all;
    try (InputStream in = new GeneratedCsv(size)) {
      all = in.readAllBytes();
    }
    long rows = GeneratedCsv.rowsFor(size);
    LegacyCsv.Parsed parsed = LegacyCsv.parse(new String(all, StandardCharsets.UTF_8), GeneratedCsv.COLUMNS);
    assertThat(parsed.rows()).hasSize((int) rows);
    assertThat(parsed.rows().get(9).get("title")).isEqualTo(GeneratedCsv.title(10));
    assertThat(parsed.rows().get(999).problem()).startsWith("Tanda kutip ambigu");
    assertThat(parsed.rows().stream().filter(r -> r.problem() != null).count()).isEqualTo(GeneratedCsv.badRows(rows));
    assertThat(parsed.rows().get((int) rows - 1).line()).isEqualTo(GeneratedCsv.lineOf(rows));
  }
}
