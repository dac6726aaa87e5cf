package id.go.kerjasama.registry;

/**
 * The kinds of cooperation (domain.md "Routes as the regulations lay them
 * down"). The four regional types of GR 28/2018 (KSDD, KSDPK, KSDPL, KSDLL)
 * replace the regions' use of {@link #LUAR_NEGERI} and {@link #DALAM_NEGERI};
 * those two stay for the central government's own cooperation and for the
 * rows and running instances recorded before (docs/processes.md).
 */
public enum CooperationType {
  /** Foreign NGO cooperation: TPOA principle permit, then an MSP. */
  ORMAS_ASING("OA", "Kerja sama dengan ormas asing"),
  /**
   * Foreign cooperation: Kemendagri's own foreign technical cooperation (JICA,
   * DFAT/KOMPAK), and the regions' foreign cooperation recorded before KSDPL/KSDLL.
   */
  LUAR_NEGERI("LN", "Kerja sama luar negeri"),
  /**
   * Domestic cooperation: Kemendagri's own Nota Kesepahaman → PKS and a
   * region–ministry Nota Kesepakatan; the regions' domestic cooperation recorded before KSDD/KSDPK.
   */
  DALAM_NEGERI("DN", "Kerja sama dalam negeri"),
  /** Kerja sama daerah dengan daerah lain (GR 28/2018 art. 1, 4): KB → DPRD → PKS. */
  KSDD("DD", "Kerja sama daerah dengan daerah lain (KSDD)"),
  /** Kerja sama daerah dengan pihak ketiga (GR 28/2018): KB → DPRD → PKS. */
  KSDPK("PK", "Kerja sama daerah dengan pihak ketiga (KSDPK)"),
  /** Kerja sama daerah dengan pemerintah daerah di luar negeri (GR 28/2018): LoI → … → MoU. */
  KSDPL("PL", "Kerja sama daerah dengan pemerintah daerah di luar negeri (KSDPL)"),
  /** Kerja sama daerah dengan lembaga di luar negeri (GR 28/2018): LoI → … → MoU. */
  KSDLL("LL", "Kerja sama daerah dengan lembaga di luar negeri (KSDLL)");

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

  /** A region's domestic cooperation as GR 28/2018 lays it down (KSDD, KSDPK). */
  public boolean regionalDomestic() {
    return this == KSDD || this == KSDPK;
  }

  /** A region's foreign cooperation as GR 28/2018 lays it down (KSDPL, KSDLL). */
  public boolean regionalForeign() {
    return this == KSDPL || this == KSDLL;
  }

  /** Signed with a LoI and an MoU (foreign cooperation of any proposer). */
  public boolean foreign() {
    return this == LUAR_NEGERI || regionalForeign();
  }

  /** Signed with a PKS (domestic cooperation of any proposer). */
  public boolean domestic() {
    return this == DALAM_NEGERI || regionalDomestic();
  }
}
