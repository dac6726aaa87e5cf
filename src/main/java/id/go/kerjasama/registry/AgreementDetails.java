package id.go.kerjasama.registry;

/**
 * Details of an agreement that a phase keeps in its own tables (e.g. the
 * central approval's principle permit and DPRD approval). Every bean
 * implementing this adds them to {@code GET /api/agreements/{id}} under
 * {@code details.<name>}, so the registry view stays complete without the
 * registry knowing each phase.
 */
public interface AgreementDetails {

  /** The key under {@code details}, e.g. {@code centralApproval}. */
  String name();

  /** The details of this agreement; {@code null} if the phase has none for it. */
  Object of(Agreement agreement);
}
