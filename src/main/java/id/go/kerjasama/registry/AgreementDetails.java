package id.go.kerjasama.registry;

/**
 * Details of an agreement that another module keeps in its own tables (e.g.
 * the central approval's principle permit and DPRD approval, the signing
 * history, the evaluations). Every bean implementing this adds them to
 * {@code GET /api/agreements/{id}}, under {@code details.<name>} or, for a
 * {@link #topLevel()} one, as {@code <name>} beside the timeline; so the
 * registry view stays complete without the registry knowing each module.
 * Top-level details appear in the order of their beans' {@code @Order}.
 */
public interface AgreementDetails {

  /** The key under {@code details} (or at the top level), e.g. {@code centralApproval}. */
  String name();

  /**
   * The details of this agreement; {@code null} if the phase has none for it
   * (then the key is left out). A top-level one answers an empty list instead.
   */
  Object of(Agreement agreement);

  /**
   * True for the sections every agreement shows beside its timeline, even
   * when empty ({@code signings}, {@code documents}, {@code evaluations});
   * false (the default) for a phase's details under {@code details}.
   */
  default boolean topLevel() {
    return false;
  }
}
