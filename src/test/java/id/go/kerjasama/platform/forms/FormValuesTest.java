package id.go.kerjasama.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one parser of dates and amounts: what officers type is what is stored, or it is refused with a reason. */
class FormValuesTest {

  private static FormValues form(Object value) {
    return new FormValues(value == null ? Map.of() : Map.of("v", value));
  }

  private static LocalDate date(Object value) {
    FormValues form = form(value);
    LocalDate date = form.date("v", "Tanggal");
    assertThat(form.problems()).as("problems of %s", value).isEmpty();
    return date;
  }

  private static String dateProblem(Object value) {
    FormValues form = form(value);
    assertThat(form.date("v", "Tanggal")).as("%s is refused", value).isNull();
    assertThat(form.problems()).hasSize(1);
    return form.problems().get(0);
  }

  private static BigDecimal amount(Object value) {
    FormValues form = form(value);
    BigDecimal amount = form.amount("v", "Anggaran");
    assertThat(form.problems()).as("problems of %s", value).isEmpty();
    return amount;
  }

  private static String amountProblem(Object value) {
    FormValues form = form(value);
    assertThat(form.amount("v", "Anggaran")).as("%s is refused", value).isNull();
    assertThat(form.problems()).hasSize(1);
    return form.problems().get(0);
  }

  @Test
  void datesAreReadDayFirstOrIso() {
    assertThat(date("15/03/2027")).isEqualTo(LocalDate.of(2027, 3, 15));
    assertThat(date("5/3/2027")).isEqualTo(LocalDate.of(2027, 3, 5));
    assertThat(date("15-03-2027")).isEqualTo(LocalDate.of(2027, 3, 15));
    assertThat(date("15.03.2027")).isEqualTo(LocalDate.of(2027, 3, 15));
    assertThat(date("2027-03-15")).isEqualTo(LocalDate.of(2027, 3, 15));
    assertThat(date("2027-03-15T00:00:00")).isEqualTo(LocalDate.of(2027, 3, 15));
    // midnight in Jakarta sent as UTC is still the 15th in Jakarta
    assertThat(date("2027-03-14T17:00:00Z")).isEqualTo(LocalDate.of(2027, 3, 15));
    assertThat(date(LocalDate.of(2027, 3, 15))).isEqualTo(LocalDate.of(2027, 3, 15));
  }

  @Test
  void datesAreNeverRolledOverOrGuessed() {
    assertThat(dateProblem("31/02/2027")).isEqualTo("Tanggal: 31/02/2027 tidak ada di kalender (hari/bulan/tahun)");
    // month-first as a US date picker writes it: month 15 does not exist
    assertThat(dateProblem("03/15/2027")).isEqualTo("Tanggal: 03/15/2027 tidak ada di kalender (hari/bulan/tahun)");
    assertThat(dateProblem("15/03/27")).contains("bukan tanggal", "15/03/2027");
    assertThat(dateProblem("15/03-2027")).contains("bukan tanggal");
    assertThat(dateProblem("besok")).isEqualTo("Tanggal: 'besok' bukan tanggal; tulis hari/bulan/tahun, mis. 15/03/2027");
    assertThat(dateProblem("")).isEqualTo("Tanggal wajib diisi");
  }

  @Test
  void implausibleDatesAreRefused() {
    assertThat(dateProblem("15/03/1027")).isEqualTo(
        "Tanggal 15/03/1027 tidak masuk akal: harus antara 01/01/1950 dan 31/12/2100");
    assertThat(dateProblem("2207-03-15")).contains("tidak masuk akal");
  }

  @Test
  void amountsAreReadExactlyInTheIndonesianWay() {
    assertThat(amount("1.500.000.000")).isEqualByComparingTo("1500000000");
    assertThat(amount("1.500.000.000").scale()).isEqualTo(2);
    assertThat(amount("Rp 1.500.000")).isEqualByComparingTo("1500000");
    assertThat(amount("Rp1.500.000,50")).isEqualByComparingTo("1500000.50");
    assertThat(amount("IDR 2.500")).isEqualByComparingTo("2500");
    assertThat(amount("1500000,5")).isEqualByComparingTo("1500000.5");
    assertThat(amount("1.500")).as("a dot before three digits separates thousands").isEqualByComparingTo("1500");
    assertThat(amount("1 500 000")).isEqualByComparingTo("1500000");
    assertThat(amount("1500000000")).isEqualByComparingTo("1500000000");
    assertThat(amount("1500000.5")).as("machine notation, one or two decimals").isEqualByComparingTo("1500000.5");
    assertThat(amount(1500000000L)).isEqualByComparingTo("1500000000");
    assertThat(amount(1500000000.0)).isEqualByComparingTo("1500000000");
    assertThat(amount(1500000.25)).isEqualByComparingTo("1500000.25");
    assertThat(amount("0")).isEqualByComparingTo("0");
  }

  @Test
  void ambiguousOrImplausibleAmountsAreRefused() {
    assertThat(amountProblem("1,500,000")).isEqualTo("Anggaran: '1,500,000' bukan jumlah uang; tulis mis. "
        + "1.500.000 atau 1.500.000,50 (titik pemisah ribuan, koma sebelum sen)");
    assertThat(amountProblem("1.50.000")).contains("bukan jumlah uang");
    assertThat(amountProblem("1500.000")).contains("bukan jumlah uang");
    assertThat(amountProblem("satu juta")).contains("bukan jumlah uang");
    assertThat(amountProblem("1.500.000,505")).isEqualTo("Anggaran paling banyak dua angka di belakang koma");
    assertThat(amountProblem("-1.500")).isEqualTo("Anggaran tidak boleh negatif");
    assertThat(amountProblem("1.000.000.000.000.000")).isEqualTo(
        "Anggaran 1.000.000.000.000.000 tidak masuk akal: harus kurang dari 1.000.000.000.000.000");
    assertThat(amountProblem(Double.NaN)).isEqualTo("Anggaran harus berupa angka");
    assertThat(amountProblem(" ")).isEqualTo("Anggaran wajib diisi");
  }

  @Test
  void datesAndAmountsAreShownTheIndonesianWay() {
    assertThat(IndonesianFormat.date(LocalDate.of(2027, 3, 5))).isEqualTo("05/03/2027");
    assertThat(IndonesianFormat.money(new BigDecimal("1500000.00"), "IDR")).isEqualTo("Rp 1.500.000");
    assertThat(IndonesianFormat.money(new BigDecimal("1500000.50"), "IDR")).isEqualTo("Rp 1.500.000,50");
    assertThat(IndonesianFormat.money(new BigDecimal("2500.5"), "USD")).isEqualTo("USD 2.500,50");
    assertThat(IndonesianFormat.number(new BigDecimal("0"))).isEqualTo("0");
  }
}
