package id.go.kerjasama.evaluation;

/** The rating the decision table {@code evaluation-rating} gives an evaluation. */
public enum Rating {
  SANGAT_BAIK("Sangat baik"),
  BAIK("Baik"),
  CUKUP("Cukup"),
  KURANG("Kurang");

  private final String label;

  Rating(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
