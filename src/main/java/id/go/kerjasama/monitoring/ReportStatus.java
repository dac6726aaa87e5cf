package id.go.kerjasama.monitoring;

/** Where a version of a progress report stands. */
enum ReportStatus {
  SUBMITTED("Disampaikan"),
  VERIFIED("Diverifikasi provinsi"),
  RETURNED("Dikembalikan provinsi"),
  FOLLOW_UP("Perlu tindak lanjut"),
  ACCEPTED("Diterima");

  private final String label;

  ReportStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
