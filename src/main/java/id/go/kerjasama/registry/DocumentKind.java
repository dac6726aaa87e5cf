package id.go.kerjasama.registry;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of document an agreement has. Each signed kind belongs to one
 * cooperation type; {@link #MSP_DRAFT} is the MSP draft the ministry's legal
 * bureau reviews before signing.
 */
public enum DocumentKind {
  MSP_DRAFT("Rancangan Memorandum Saling Pengertian", CooperationType.ORMAS_ASING, false),
  MSP("Memorandum Saling Pengertian (MSP)", CooperationType.ORMAS_ASING, true),
  LOI("Letter of Intent (LoI)", CooperationType.LUAR_NEGERI, false),
  MOU("Memorandum of Understanding (MoU)", CooperationType.LUAR_NEGERI, true),
  NK("Nota Kesepahaman", CooperationType.DALAM_NEGERI, false),
  PKS("Perjanjian Kerja Sama (PKS)", CooperationType.DALAM_NEGERI, true);

  private final String label;
  private final CooperationType type;
  private final boolean binding;

  DocumentKind(String label, CooperationType type, boolean binding) {
    this.label = label;
    this.type = type;
    this.binding = binding;
  }

  public String label() {
    return label;
  }

  public CooperationType type() {
    return type;
  }

  /** The document that obliges the activities (MSP, MoU, PKS): the agreement is in force once it is signed. */
  public boolean binding() {
    return binding;
  }

  /** A document that is signed (all but the draft). */
  public boolean signed() {
    return this != MSP_DRAFT;
  }

  /** The signed kinds of a cooperation type, in the order they are signed. */
  public static Set<DocumentKind> signedKindsOf(CooperationType type) {
    Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
    for (DocumentKind kind : values()) {
      if (kind.type == type && kind.signed()) {
        kinds.add(kind);
      }
    }
    return kinds;
  }
}
