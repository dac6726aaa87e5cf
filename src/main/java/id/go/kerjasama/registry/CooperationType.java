package id.go.kerjasama.registry;

/** The three kinds of cooperation (domain.md "Three kinds of cooperation"). */
public enum CooperationType {
  /** Foreign NGO cooperation: TPOA principle permit, then an MSP. */
  ORMAS_ASING("OA", "Kerja sama dengan ormas asing"),
  /** A regional government's cooperation with a foreign party: LoI, then MoU. */
  LUAR_NEGERI("LN", "Kerja sama daerah dengan pihak luar negeri"),
  /** Domestic cooperation: Nota Kesepahaman, then Perjanjian Kerja Sama. */
  DALAM_NEGERI("DN", "Kerja sama dalam negeri");

  private final String prefix;
  private final String label;

  CooperationType(String prefix, String label) {
    this.prefix = prefix;
    this.label = label;
  }

  public String prefix() {
    return prefix;
  }

  public String label() {
    return label;
  }
}
