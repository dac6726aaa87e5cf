package id.go.kerjasama.legacyimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void missingColumnsAndOpenQuotesAreRefusedForTheWholeFile() {
    assertThatThrownBy(() -> LegacyCsv.parse("a,c\n1,2\n", COLUMNS))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("kolom wajib tidak ada: b");
    assertThatThrownBy(() -> LegacyCsv.parse("a,b\n1,\"2\n3,4\n", COLUMNS))
        .hasMessageContaining("Baris 2: tanda kutip tidak ditutup");
    assertThatThrownBy(() -> LegacyCsv.parse(" \n", COLUMNS)).hasMessageContaining("kosong");
  }

  @Test
  void datesAreTakenAsTheSpreadsheetsWriteThem() {
    assertThat(LegacyRowReader.isoDate("7/3/2024")).isEqualTo("2024-03-07");
    assertThat(LegacyRowReader.isoDate("2024-03-07")).isEqualTo("2024-03-07");
    assertThat(LegacyRowReader.groupOf("32")).isEqualTo("province-32");
    assertThat(LegacyRowReader.groupOf("3273")).isEqualTo("regency-3273");
    assertThat(LegacyRowReader.groupOf("Kemensos")).isEqualTo("ministry-kemensos");
  }
}
