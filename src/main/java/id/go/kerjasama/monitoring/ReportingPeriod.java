package id.go.kerjasama.monitoring;

import id.go.kerjasama.workplan.ReportFrequency;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

/** The reporting periods of a budget year (= calendar year). */
enum ReportingPeriod {
  Q1(ReportFrequency.QUARTERLY, 1, 3, "triwulan I"),
  Q2(ReportFrequency.QUARTERLY, 4, 6, "triwulan II"),
  Q3(ReportFrequency.QUARTERLY, 7, 9, "triwulan III"),
  Q4(ReportFrequency.QUARTERLY, 10, 12, "triwulan IV"),
  S1(ReportFrequency.SEMESTER, 1, 6, "semester I"),
  S2(ReportFrequency.SEMESTER, 7, 12, "semester II");

  private final ReportFrequency frequency;
  private final int firstMonth;
  private final int lastMonth;
  private final String label;

  ReportingPeriod(ReportFrequency frequency, int firstMonth, int lastMonth, String label) {
    this.frequency = frequency;
    this.firstMonth = firstMonth;
    this.lastMonth = lastMonth;
    this.label = label;
  }

  public static List<ReportingPeriod> of(ReportFrequency frequency) {
    return Stream.of(values()).filter(p -> p.frequency == frequency).toList();
  }

  public LocalDate start(int year) {
    return LocalDate.of(year, firstMonth, 1);
  }

  public LocalDate end(int year) {
    return YearMonth.of(year, lastMonth).atEndOfMonth();
  }

  public String label() {
    return label;
  }
}
