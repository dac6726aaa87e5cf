package id.go.kerjasama.workplan;

/** Where a version of a work plan stands. */
enum WorkPlanStatus {
  SUBMITTED("Diajukan"),
  RETURNED("Dikembalikan"),
  APPROVED("Disetujui");

  private final String label;

  WorkPlanStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
