package id.go.kerjasama.evaluation;

/** Every budget year is evaluated; the last year of a term is the end-of-term evaluation. */
public enum EvaluationKind {
  ANNUAL("Tahunan"),
  END_OF_TERM("Akhir masa berlaku");

  private final String label;

  EvaluationKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
