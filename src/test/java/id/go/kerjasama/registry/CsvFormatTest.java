package id.go.kerjasama.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

class CsvFormatTest {

  @Test
  void csvFieldsAreQuotedAndFormulasDefused() {
    assertThat(CsvFormat.line(java.util.Arrays.asList("a,b", "say \"x\"", null, List.of("p-1", "p-2"), "=SUM(A1)")))
        .isEqualTo("\"a,b\",\"say \"\"x\"\"\",,\"p-1;p-2\",'=SUM(A1)\r\n");
  }

  @Test
  void listsSurroundingSpaceAndLineBreaksAreQuotedPlainValuesAreNot() {
    assertThat(CsvFormat.line(Arrays.asList(null, "", "KS-DN-2024-000001", 3, " padded", "tail ", "a;b",
        "baris\nbaru", "cr\rlf")))
        .isEqualTo(",,KS-DN-2024-000001,3,\" padded\",\"tail \",\"a;b\",\"baris\nbaru\",\"cr\rlf\"\r\n");
    assertThat(CsvFormat.line(List.of("#1", "!x"))).as("Commons CSV's minimal quoting: a start below '$'")
        .isEqualTo("\"#1\",\"!x\"\r\n");
  }

  @Test
  void everyFormulaStartIsDefused() {
    assertThat(CsvFormat.line(List.of("+62 21", "-5", "@SUM(A1)", "\tx", "=1;2")))
        .isEqualTo("'+62 21,'-5,'@SUM(A1),'\tx,\"'=1;2\"\r\n");
  }

  @Test
  void whatIsWrittenReadsBackAsTheValues() throws Exception {
    List<Object> values = Arrays.asList("Kerja sama \"Bersih\", tahap 1", " a ", null, List.of("32", "33"),
        "Jl. Merdeka No. 1\r\nBandung", "Café", "x\"");
    String written = CsvFormat.line(values) + CsvFormat.line(values);
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(written)).setFormat(CSVFormat.RFC4180)
        .get()) {
      assertThat(parser.getRecords()).hasSize(2).allSatisfy(r -> assertThat(r.toList()).containsExactly(
          "Kerja sama \"Bersih\", tahap 1", " a ", "", "32;33", "Jl. Merdeka No. 1\r\nBandung", "Café", "x\""));
    }
  }
}
