package id.go.kerjasama.signing;

/**
 * Where the signing phase starts for an agreement (the outgoing flows of
 * Gateway_DocumentToSign), decided from the registry by {@link SigningSteps}.
 */
enum SigningStep {
  /** Foreign NGO: draft the MSP, legal review, sign. */
  DRAFT_MSP,
  /** Regional foreign cooperation, first term: sign the LoI, then raise it to an MoU. */
  SIGN_LOI,
  /** A LoI of this term is signed (also an imported one): the follow-up task to raise it to an MoU. */
  RAISE_LOI_TO_MOU,
  /** Regional foreign cooperation in a later term: a new MoU directly. */
  SIGN_MOU,
  /** Domestic cooperation: Nota Kesepahaman, then Perjanjian Kerja Sama. */
  SIGN_NK,
  /**
   * A Nota Kesepahaman of this term is signed (also an imported one), or a
   * region's Kesepakatan Bersama was signed in the approval phase (KSDD,
   * KSDPK): the PKS, co-signed by a partner region.
   */
  SIGN_PKS,
  /**
   * A region with a ministry or a ministry with a region (GR 28/2018 art. 46): the Nota Kesepakatan with its
   * Rencana Kerja, then a PKS only where configured (kerjasama.signing.nota-kesepakatan-followed-by-pks, A29).
   */
  SIGN_NOTA_KESEPAKATAN,
  /** A region's foreign cooperation (KSDPL, KSDLL), every term: Kemlu's Full Power, then the MoU. */
  FULL_POWER
}
