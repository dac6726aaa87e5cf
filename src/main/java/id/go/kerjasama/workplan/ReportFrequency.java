package id.go.kerjasama.workplan;

/** How often the implementing unit reports progress; set in the annual work plan. */
public enum ReportFrequency {
  /** Four reports a year (triwulan I-IV). */
  QUARTERLY("Triwulanan"),
  /** Two reports a year (semester I-II). */
  SEMESTER("Semesteran");

  private final String label;

  ReportFrequency(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
