package id.go.kerjasama.legacyimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import id.go.kerjasama.platform.web.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegacyCsvTest {

  static final List<String> COLUMNS = List.of("a", "b");

  @Test
  void readsQuotesSeparatorsLineBreaksAndKeepsTheLineEachRecordStartsOn() {
    String csv = "\uFEFFa,B\r\n1,\"x, y\"\r\n\"multi\nline\",\"say \"\"hi\"\"\"\r\n3,z\n";
    LegacyCsv.Parsed parsed = LegacyCsv.parse(csv, COLUMNS);
    assertThat(parsed.header()).containsExactly("a", "b");
    assertThat(parsed.rows()).extracting(LegacyCsv.Row::line).containsExactly(2, 3, 5);
    assertThat(parsed.rows().get(0).get("b")).isEqualTo("x, y");
    assertThat(parsed.rows().get(1).get("a")).isEqualTo("multi\nline");
    assertThat(parsed.rows().get(1).get("b")).isEqualTo("say \"hi\"");
  }

  @Test
  void semicolonSeparatedFilesFromSpreadsheetsAreRead() {
    LegacyCsv.Parsed parsed = LegacyCsv.parse("a;b\n1;\"32,33\"\n", COLUMNS);
    assertThat(parsed.rows().get(0).get("b")).isEqualTo("32,33");
  }

  @Test
  void missingColumnsAnEmptyFileAndABrokenHeaderAreRefusedForTheWholeFile() {
    assertThatThrownBy(() -> LegacyCsv.parse("a,c\n1,2\n", COLUMNS))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("kolom wajib tidak ada: b");
    assertThatThrownBy(() -> LegacyCsv.parse(" \n", COLUMNS)).hasMessageContaining("kosong");
    assertThatThrownBy(() -> LegacyCsv.parse("a,\"b\n1,2\n", COLUMNS)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Baris 1 (judul kolom): Tanda kutip tidak ditutup");
  }

  @Test
  void anOpenQuoteIsAnErrorForItsLineAndTheRowsAfterItAreStillRead() {
    LegacyCsv.Parsed parsed = LegacyCsv.parse("a,b\n1,\"2\n3,4\n", COLUMNS);
    assertThat(parsed.rows()).extracting(LegacyCsv.Row::line).containsExactly(2, 3);
    assertThat(parsed.rows().get(0).problem()).containsIgnoringCase("Tanda kutip tidak ditutup sampai akhir berkas")
        .contains("baris ini dilewati");
    assertThat(parsed.rows().get(0).get("a")).as("named in the report by what the line gives").isEqualTo("1");
    assertThat(parsed.rows().get(0).blank()).isFalse();
    assertThat(parsed.rows().get(1).problem()).isNull();
    assertThat(parsed.rows().get(1).values()).containsExactly(entry("a", "3"), entry("b", "4"));
  }

  @Test
  void aStrayQuoteDoesNotSwallowTheRowsBelowIt() {
    // in plain RFC 4180 the quote on line 2 runs on to the one on line 4: lines 3 and 4 would vanish into line 2
    String csv = "a,b\r\n1,\"x\r\n2,y\r\n3,\"z\"\r\n4,w\r\n";
    LegacyCsv.Parsed parsed = LegacyCsv.parse(csv, COLUMNS);
    assertThat(parsed.rows()).extracting(LegacyCsv.Row::line).containsExactly(2, 3, 4, 5);
    assertThat(parsed.rows().get(0).problem()).contains("Tanda kutip tidak ditutup atau ambigu")
        .contains("sampai baris 4");
    assertThat(parsed.rows().subList(1, 4)).extracting(LegacyCsv.Row::problem).containsOnlyNulls();
    assertThat(parsed.rows().subList(1, 4)).extracting(r -> r.get("a") + "=" + r.get("b"))
        .containsExactly("2=y", "3=z", "4=w");

    // it ends on a literal quote (24"): the quoted line break would make line 2 a row of 2 columns, not 3
    parsed = LegacyCsv.parse("a,b,c\n1,\"x,2\n3,4,monitor 24\"\n5,6,7\n", List.of("a", "b", "c"));
    assertThat(parsed.rows()).extracting(LegacyCsv.Row::line).containsExactly(2, 3, 4);
    assertThat(parsed.rows().get(0).problem()).contains("berlanjut sampai baris 3").contains("2 kolom, bukan 3");
    assertThat(parsed.rows().get(1).get("c")).isEqualTo("monitor 24\"");
    assertThat(parsed.rows().get(2).get("c")).isEqualTo("7");

    // the same, closed in the same column: a record of the right size whose value holds a whole row's separators
    parsed = LegacyCsv.parse("a,b,c\n1,\"x,2\n3,4 24\",5\n6,7,8\n", List.of("a", "b", "c"));
    assertThat(parsed.rows()).extracting(LegacyCsv.Row::line).containsExactly(2, 3, 4);
    assertThat(parsed.rows().get(0).problem()).contains("berlanjut sampai baris 3").contains("satu baris penuh");
    assertThat(parsed.rows().get(1).get("b")).isEqualTo("4 24\"");
  }

  @Test
  void aQuotedLineBreakInAnAddressIsAValue() {
    LegacyCsv.Parsed parsed = LegacyCsv.parse("a,b,c\n\"Jl. Merdeka 1, Bandung\r\nJawa Barat\",2,3\n4,5,6\n",
        List.of("a", "b", "c"));
    assertThat(parsed.rows()).extracting(LegacyCsv.Row::problem).containsOnlyNulls();
    assertThat(parsed.rows()).extracting(LegacyCsv.Row::line).containsExactly(2, 4);
    assertThat(parsed.rows().get(0).get("a")).isEqualTo("Jl. Merdeka 1, Bandung\r\nJawa Barat");
  }

  @Test
  void textAfterAClosingQuoteIsAmbiguousAndAnErrorForItsLine() {
    LegacyCsv.Parsed parsed = LegacyCsv.parse("a;b\n\"24\" monitor;x\n2;y\n", COLUMNS);
    assertThat(parsed.rows()).extracting(LegacyCsv.Row::line).containsExactly(2, 3);
    assertThat(parsed.rows().get(0).problem()).startsWith("Tanda kutip ambigu");
    assertThat(parsed.rows().get(0).get("b")).isEqualTo("x");
    assertThat(parsed.rows().get(1).get("a")).isEqualTo("2");
  }

  @Test
  void lineNumbersStayRightAfterQuotedLineBreaksBlankLinesAndErrors() {
    String csv = "a,b\n\"p\nq\",1\n\n3,\"oops\n\"r\ns\",2\nlast,\"x\"\n";
    // line 2-3: a quoted line break; 4: blank; 5: an open quote running to line 6 and failing there;
    // 6-7: a quoted line break read after the error; 8: a row
    LegacyCsv.Parsed parsed = LegacyCsv.parse(csv, COLUMNS);
    assertThat(parsed.rows()).extracting(LegacyCsv.Row::line).containsExactly(2, 4, 5, 6, 8);
    assertThat(parsed.rows().get(0).get("a")).isEqualTo("p\nq");
    assertThat(parsed.rows().get(1).blank()).isTrue();
    assertThat(parsed.rows().get(2).problem()).isNotNull();
    assertThat(parsed.rows().get(3).get("a")).isEqualTo("r\ns");
    assertThat(parsed.rows().get(4).get("b")).isEqualTo("x");
  }

  @Test
  void trailingSeparatorsExtraColumnsAndOldMacLineEnds() {
    LegacyCsv.Parsed parsed = LegacyCsv.parse("a,b\n1,2,\n3,4,,\n5,6,7\n", COLUMNS);
    assertThat(parsed.rows()).extracting(r -> r.values().containsKey("#extra")).containsExactly(false, false, true);
    assertThat(parsed.rows().get(2).values().get("#extra")).isEqualTo("1");
    parsed = LegacyCsv.parse("a,b,\n1,2,\n", COLUMNS);
    assertThat(parsed.header()).containsExactly("a", "b", "");
    assertThat(parsed.rows().get(0).values()).containsExactly(entry("a", "1"), entry("b", "2"), entry("", ""));
    parsed = LegacyCsv.parse("a,b\r1,2\r3,\"4\r5\"", COLUMNS);
    assertThat(parsed.rows()).extracting(LegacyCsv.Row::line).containsExactly(2, 3);
    assertThat(parsed.rows().get(1).get("b")).isEqualTo("4\r5");
  }

  @Test
  void aFileThatIsNotUtf8IsReadAsWindows1252() {
    byte[] cp1252 = {'C', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x93, 'x', (byte) 0x94};
    assertThat(LegacyImportService.decode(cp1252)).isEqualTo("Café \u201Cx\u201D");
    assertThat(LegacyImportService.decode("Café".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("Café");
  }

  @Test
  void proposerCodesBecomeGroups() {
    // dates (7/3/2024, 2024-03-07) are read by FormValues.date, as the forms' (FormValuesTest)
    assertThat(LegacyRowReader.groupOf("32")).isEqualTo("province-32");
    assertThat(LegacyRowReader.groupOf("3273")).isEqualTo("regency-3273");
    assertThat(LegacyRowReader.groupOf("Kemensos")).isEqualTo("ministry-kemensos");
  }
}
