package id.go.kerjasama.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFormatTest {

  @Test
  void csvFieldsAreQuotedAndFormulasDefused() {
    assertThat(CsvFormat.line(java.util.Arrays.asList("a,b", "say \"x\"", null, List.of("p-1", "p-2"), "=SUM(A1)")))
        .isEqualTo("\"a,b\",\"say \"\"x\"\"\",,\"p-1;p-2\",'=SUM(A1)\r\n");
  }
}
