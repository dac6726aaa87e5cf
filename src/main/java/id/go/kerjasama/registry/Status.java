package id.go.kerjasama.registry;

/** Where an agreement stands; the final ones keep the reason in the registry. */
public enum Status {
  IN_REVIEW("Dalam peninjauan", false),
  APPROVED("Disetujui", false),
  ACTIVE("Berlaku", false),
  REFUSED("Ditolak", true),
  LAPSED("Gugur", true),
  EXPIRED("Berakhir", true),
  TERMINATED("Diakhiri", true),
  CLOSED("Ditutup", true);

  private final String label;
  private final boolean closed;

  Status(String label, boolean closed) {
    this.label = label;
    this.closed = closed;
  }

  public String label() {
    return label;
  }

  public boolean isFinal() {
    return closed;
  }
}
