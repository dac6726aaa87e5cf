package id.go.kerjasama.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class IndonesianFormatTest {

  @Test
  void sizeLimitsReadAsPeopleWriteThem() {
    assertThat(IndonesianFormat.size(DataSize.ofMegabytes(20))).isEqualTo("20 MB");
    assertThat(IndonesianFormat.size(DataSize.ofKilobytes(512))).isEqualTo("512 KB");
    assertThat(IndonesianFormat.size(DataSize.ofBytes(1500))).isEqualTo("1500 byte");
  }

  @Test
  void datesAreDayFirst() {
    assertThat(IndonesianFormat.date(LocalDate.of(2027, 3, 15))).isEqualTo("15/03/2027");
  }

  @Test
  void rupiahUsesDotsForThousands() {
    assertThat(IndonesianFormat.number(new BigDecimal("1500000"))).isEqualTo("1.500.000");
  }
}
