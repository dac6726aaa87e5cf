package id.go.kerjasama.evaluation;

/** What an evaluation recommends for the agreement's future. */
public enum Recommendation {
  CONTINUE("Lanjutkan"),
  CONTINUE_WITH_IMPROVEMENTS("Lanjutkan dengan perbaikan"),
  DO_NOT_EXTEND("Tidak diperpanjang");

  private final String label;

  Recommendation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
