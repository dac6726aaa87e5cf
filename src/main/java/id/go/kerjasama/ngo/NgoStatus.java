package id.go.kerjasama.ngo;

/** Where an NGO stands in the register. */
public enum NgoStatus {
  REGISTERED("Terdaftar"),
  LICENSED("Berizin"),
  SUSPENDED("Dibekukan sementara"),
  REVOKED("Izin dicabut");

  private final String label;

  NgoStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
