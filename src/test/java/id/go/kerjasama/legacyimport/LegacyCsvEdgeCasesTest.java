package id.go.kerjasama.legacyimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kerjasama.platform.web.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The files spreadsheets and old systems really produce, each read to rows or
 * refused with a message an administrator can act on: a whole-file problem is
 * a 400 ({@link InvalidInputException}) before any row is handed on; a row
 * problem rejects that row only, on its line, and the rows after it are read.
 */
class LegacyCsvEdgeCasesTest {

  static final List<String> COLUMNS = List.of("legacy_number", "title", "end_date");

  /** Reads bytes as an import does: charset decided on the stream, then the records. */
  static LegacyCsv.Parsed read(byte[] bytes) throws IOException {
    Charset charset = LegacyCsv.charsetOf(new ByteArrayInputStream(bytes));
    List<LegacyCsv.Row> rows = new ArrayList<>();
    List<String> header = LegacyCsv.read(new InputStreamReader(new ByteArrayInputStream(bytes), charset), COLUMNS,
        rows::add);
    return new LegacyCsv.Parsed(header, rows);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void byteOrderMarkAndCrLfAsExcelSavesCsvUtf8() throws IOException {
    LegacyCsv.Parsed parsed = read(utf8("\uFEFFLegacy_Number;Title;End_Date\r\nA-1;Kerja sama Café;31/12/2030\r\n"));
    assertThat(parsed.header()).containsExactly("legacy_number", "title", "end_date");
    assertThat(parsed.rows()).singleElement().satisfies(r -> {
      assertThat(r.get("legacy_number")).isEqualTo("A-1");
      assertThat(r.get("title")).isEqualTo("Kerja sama Café");
      assertThat(r.get("end_date")).isEqualTo("31/12/2030");
      assertThat(r.problem()).isNull();
    });
  }

  @Test
  void quotedFieldsHoldLineBreaksSeparatorsAndQuotes() throws IOException {
    LegacyCsv.Parsed parsed = read(utf8("legacy_number,title,end_date\r\n"
        + "A-1,\"Kerja sama \"\"Sister City\"\", Bandung; Braunschweig\r\nJl. Wastukencana 2\",31/12/2030\r\n"
        + "A-2,\"a,b,c\",\"\"\r\n"));
    assertThat(parsed.rows()).extracting(LegacyCsv.Row::line).containsExactly(2, 4);
    assertThat(parsed.rows().get(0).get("title"))
        .isEqualTo("Kerja sama \"Sister City\", Bandung; Braunschweig\r\nJl. Wastukencana 2");
    assertThat(parsed.rows().get(1).get("title")).isEqualTo("a,b,c");
    assertThat(parsed.rows()).extracting(LegacyCsv.Row::problem).containsOnlyNulls();
  }

  @Test
  void emptyTrailingLinesAreBlankRowsThatTheImportSkips() throws IOException {
    LegacyCsv.Parsed parsed = read(utf8("legacy_number,title,end_date\nA-1,T,31/12/2030\n\n\r\n;;\n,,\n   \n"));
    assertThat(parsed.rows()).hasSize(6);
    assertThat(parsed.rows().get(0).blank()).isFalse();
    // ";;" is one value in a comma file, so a row (with a value) — not blank; the others are
    assertThat(parsed.rows().subList(1, 6)).extracting(LegacyCsv.Row::blank).containsExactly(true, true, false, true,
        true);
    assertThat(parsed.rows()).extracting(LegacyCsv.Row::problem).containsOnlyNulls();
  }

  @Test
  void aFileThatIsNotUtf8IsReadAsWindows1252OnTheStream() throws IOException {
    // "Café “x”" as Windows-1252, as older Excel versions save "CSV (comma delimited)"
    byte[] cp1252 = {'l', 'e', 'g', 'a', 'c', 'y', '_', 'n', 'u', 'm', 'b', 'e', 'r', ',', 't', 'i', 't', 'l', 'e', ',',
        'e', 'n', 'd', '_', 'd', 'a', 't', 'e', '\n', 'A', ',', 'C', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x93, 'x',
        (byte) 0x94, ',', '1', '\n'};
    assertThat(LegacyCsv.charsetOf(new ByteArrayInputStream(cp1252))).isEqualTo(Charset.forName("windows-1252"));
    assertThat(read(cp1252).rows().get(0).get("title")).isEqualTo("Café \u201Cx\u201D");

    // a UTF-8 letter cut by the stream's 64 KB buffer is still UTF-8; one bad byte far down makes it Windows-1252
    String big = "legacy_number,title,end_date\n" + "A,é,1\n".repeat(30_000);
    assertThat(LegacyCsv.charsetOf(new ByteArrayInputStream(utf8(big)))).isEqualTo(StandardCharsets.UTF_8);
    byte[] lateBadByte = utf8(big + "B,x\u00FF,1\n");
    lateBadByte[lateBadByte.length - 5] = (byte) 0xFF;
    assertThat(LegacyCsv.charsetOf(new ByteArrayInputStream(lateBadByte))).isEqualTo(Charset.forName("windows-1252"));
    // a sequence cut off at the very end is not UTF-8 either
    assertThat(LegacyCsv.charsetOf(new ByteArrayInputStream(new byte[] {'a', (byte) 0xC3})))
        .isEqualTo(Charset.forName("windows-1252"));
  }

  @Test
  void aUtf16FileIsRefusedWholeWithWhatToDo() {
    // Excel's "Unicode text" / UTF-16 LE with its byte order mark: read as Windows-1252 it is full of NULs
    byte[] utf16 = "\uFEFFlegacy_number,title,end_date\r\nA,T,1\r\n".getBytes(StandardCharsets.UTF_16LE);
    assertThatThrownBy(() -> read(utf16)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Baris 1 (judul kolom)").hasMessageContaining("UTF-16")
        .hasMessageContaining("simpan ulang sebagai \"CSV UTF-8\"");
  }

  @Test
  void unreadableBytesAndControlCharactersRejectTheirRowOnly() throws IOException {
    // 0x81 is no character in Windows-1252 either: the decoder puts U+FFFD
    byte[] bytes = utf8("legacy_number,title,end_date\nA-1,ok,1\nA-2,xx,1\nA-3,ok,1\n");
    int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("xx");
    bytes[at] = (byte) 0x81;
    bytes[at + 1] = (byte) 0xFF; // and invalid UTF-8, so the file is read as Windows-1252
    LegacyCsv.Parsed parsed = read(bytes);
    assertThat(parsed.rows()).extracting(LegacyCsv.Row::line).containsExactly(2, 3, 4);
    assertThat(parsed.rows().get(1).problem()).startsWith("Baris berisi karakter yang tidak dapat dibaca")
        .contains("CSV UTF-8");
    assertThat(parsed.rows().get(1).get("legacy_number")).isEqualTo("A-2");
    assertThat(parsed.rows().get(2).problem()).isNull();

    // a NUL or an escape in a value (PostgreSQL cannot store the NUL)
    parsed = read(utf8("legacy_number,title,end_date\nA-1,a\u0000b,1\nA-2,c\u001Bd,1\nA-3,tab\there,1\n"));
    assertThat(parsed.rows().get(0).problem()).contains("karakter kendali U+0000");
    assertThat(parsed.rows().get(1).problem()).contains("karakter kendali U+001B");
    assertThat(parsed.rows().get(2).problem()).isNull();
  }

  @Test
  void anOverlongFieldRejectsItsRowAndTheNextRowIsRead() throws IOException {
    String huge = "x".repeat(LegacyCsv.MAX_RECORD_CHARS + 10);
    LegacyCsv.Parsed parsed = read(utf8("legacy_number,title,end_date\nA-1," + huge + ",1\nA-2,ok,1\n"));
    assertThat(parsed.rows()).extracting(LegacyCsv.Row::line).containsExactly(2, 3);
    assertThat(parsed.rows().get(0).problem()).startsWith("Baris terlalu panjang: lebih dari 32768 karakter")
        .contains("baris ini dilewati");
    assertThat(parsed.rows().get(0).get("legacy_number")).isEqualTo("A-1");
    assertThat(parsed.rows().get(1).get("title")).isEqualTo("ok");

    // the same inside quotes, over many lines: the quoted value stops at the limit, its lines are read on their own
    String manyLines = "legacy_number,title,end_date\nA-1,\"" + "baris\n".repeat(LegacyCsv.MAX_RECORD_LINES + 5)
        + "\",1\nA-2,ok,1\n";
    parsed = read(utf8(manyLines));
    assertThat(parsed.rows().get(0).line()).isEqualTo(2);
    assertThat(parsed.rows().get(0).problem()).contains("lebih dari " + LegacyCsv.MAX_RECORD_LINES + " baris");
    LegacyCsv.Row last = parsed.rows().get(parsed.rows().size() - 1);
    assertThat(last.get("legacy_number")).isEqualTo("A-2");
    assertThat(last.line()).isEqualTo(2 + LegacyCsv.MAX_RECORD_LINES + 5 + 1);
  }

  @Test
  void missingColumnsInTheHeaderRefuseTheFileAndShortRowsKeepTheirLine() throws IOException {
    assertThatThrownBy(() -> read(utf8("legacy_number;judul;end_date\nA;T;1\n")))
        .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).problems())
        .isEqualTo(List.of("Baris 1 (judul kolom): kolom wajib tidak ada: title; kolom yang diharapkan: legacy_number, "
            + "title, end_date"));
    assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).problems()).isEqualTo(List.of("Berkas CSV kosong"));
    assertThatThrownBy(() -> read(utf8("\uFEFF\r\n\r\n"))).hasMessageEndingWith("Berkas CSV kosong");
    // a blank line above the header: no header, so every column is missing
    assertThatThrownBy(() -> read(utf8("\n\nlegacy_number,title,end_date\nA,T,1\n")))
        .hasMessageContaining("kolom wajib tidak ada: legacy_number, title, end_date");

    // a row with fewer values than the header: the missing ones are empty (LegacyRowReader then names each
    // required one "wajib diisi"), the row keeps its line
    LegacyCsv.Parsed parsed = read(utf8("legacy_number,title,end_date\nA-1\nA-2,T,1\n"));
    assertThat(parsed.rows()).extracting(LegacyCsv.Row::line).containsExactly(2, 3);
    assertThat(parsed.rows().get(0).values()).containsEntry("legacy_number", "A-1").containsEntry("title", null);
    assertThat(parsed.rows().get(0).get("title")).isEmpty();
    assertThat(parsed.rows().get(0).problem()).isNull();
  }
}
