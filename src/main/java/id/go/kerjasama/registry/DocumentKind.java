package id.go.kerjasama.registry;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of document an agreement has, the cooperation types each belongs
 * to, whether it is signed (drafts and plans are not), whether it obliges the
 * activities (binding), and whether it has a validity of its own (start and
 * end date). Drafts and plans are uploaded inside the step that needs them.
 */
public enum DocumentKind {
  MSP_DRAFT("Rancangan Memorandum Saling Pengertian", false, false, false, CooperationType.ORMAS_ASING),
  MSP("Memorandum Saling Pengertian (MSP)", true, true, true, CooperationType.ORMAS_ASING),
  LOI("Letter of Intent (LoI)", true, false, true, CooperationType.LUAR_NEGERI, CooperationType.KSDPL,
      CooperationType.KSDLL),
  /** Rencana kerja sama of a region's foreign cooperation (Home Affairs Reg. 25/2020). */
  COOPERATION_PLAN("Rencana kerja sama", false, false, false, CooperationType.KSDPL, CooperationType.KSDLL),
  MOU_DRAFT("Rancangan Memorandum of Understanding", false, false, false, CooperationType.KSDPL,
      CooperationType.KSDLL),
  /** Kemlu's Full Power (Surat Kuasa) for the regional head: signed by Kemlu, recorded, not the agreement's document. */
  FULL_POWER("Surat Kuasa (Full Power) Kementerian Luar Negeri", true, false, false, CooperationType.KSDPL,
      CooperationType.KSDLL),
  MOU("Memorandum of Understanding (MoU)", true, true, true, CooperationType.LUAR_NEGERI, CooperationType.KSDPL,
      CooperationType.KSDLL),
  NK("Nota Kesepahaman", true, false, true, CooperationType.DALAM_NEGERI),
  /**
   * The draft Nota Kesepakatan of a region with a ministry, its Rencana Kerja (action plan) annexed
   * (GR 28/2018 art. 46): uploaded in the approval phase, agreed by the partner before signing.
   */
  NKSP_DRAFT("Rancangan Nota Kesepakatan dan Rencana Kerja", false, false, false, CooperationType.DALAM_NEGERI),
  /**
   * Nota Kesepakatan of a region with a ministry (GR 28/2018 art. 46), its Rencana Kerja annexed: the binding
   * document of that route; a PKS follows only where configured (docs/regulations.md A29).
   */
  NOTA_KESEPAKATAN("Nota Kesepakatan (dengan Rencana Kerja)", true, true, true, CooperationType.DALAM_NEGERI),
  /**
   * The region's offer letter (surat penawaran kerja sama) to the partner region or third party: kept in the
   * dossier, not a signing of the agreement (Perda DIY 1/2023 art. 12(1)b).
   */
  OFFER_LETTER("Surat penawaran kerja sama", false, false, false, CooperationType.KSDD, CooperationType.KSDPK),
  KB_DRAFT("Rancangan Kesepakatan Bersama", false, false, false, CooperationType.KSDD, CooperationType.KSDPK),
  /** Kesepakatan Bersama (GR 28/2018): signed before the DPRD's approval and the PKS. */
  KB("Kesepakatan Bersama (KB)", true, false, false, CooperationType.KSDD, CooperationType.KSDPK),
  /** The PKS drafted after the KB (and the DPRD's approval where needed), before it is signed (art. 12(1)f). */
  PKS_DRAFT("Rancangan Perjanjian Kerja Sama", false, false, false, CooperationType.KSDD, CooperationType.KSDPK),
  PKS("Perjanjian Kerja Sama (PKS)", true, true, true, CooperationType.DALAM_NEGERI, CooperationType.KSDD,
      CooperationType.KSDPK);

  private final String label;
  private final boolean signed;
  private final boolean binding;
  private final boolean validity;
  private final Set<CooperationType> types;

  DocumentKind(String label, boolean signed, boolean binding, boolean validity, CooperationType first,
               CooperationType... more) {
    this.label = label;
    this.signed = signed;
    this.binding = binding;
    this.validity = validity;
    this.types = EnumSet.of(first, more);
  }

  public String label() {
    return label;
  }

  /** Whether an agreement of this type has documents of this kind. */
  public boolean belongsTo(CooperationType type) {
    return types.contains(type);
  }

  /** The document that obliges the activities (MSP, MoU, PKS): the agreement is in force once it is signed. */
  public boolean binding() {
    return binding;
  }

  /** A document that is signed (not a draft or a plan). */
  public boolean signed() {
    return signed;
  }

  /**
   * A signed document with a validity (start and end date) that becomes the
   * registry's current document; a KB or a Full Power is kept in the signing
   * history only.
   */
  public boolean hasValidity() {
    return validity;
  }

  /** The signed kinds of a cooperation type, in the order they are signed. */
  public static Set<DocumentKind> signedKindsOf(CooperationType type) {
    Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
    for (DocumentKind kind : values()) {
      if (kind.belongsTo(type) && kind.signed()) {
        kinds.add(kind);
      }
    }
    return kinds;
  }
}
