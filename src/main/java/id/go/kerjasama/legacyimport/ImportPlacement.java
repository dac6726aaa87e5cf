package id.go.kerjasama.legacyimport;

import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.registry.DocumentKind;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.Status;
import java.time.LocalDate;

/**
 * Where an imported agreement enters the lifecycle, from its document and
 * end date (docs/api.md "Legacy import"):
 * <ul>
 *   <li>ended before the import day: registered as EXPIRED and CLOSED, no lifecycle;</li>
 *   <li>only a LoI or a Nota Kesepahaman: the signing phase, which goes straight to the follow-up
 *       (raise the LoI to an MoU, sign the PKS);</li>
 *   <li>in force (MSP, MoU, PKS): its running term ({@code SubProcess_Term}), whose yearly cycle starts
 *       with this budget year's work plan and whose renewal starts beside it on the lifecycle's renewal
 *       day — at once when that day has passed (the agreement ends within the renewal window).</li>
 * </ul>
 *
 * @param phase         the registry's phase right after the import
 * @param startActivity the lifecycle activity to start before, {@code null} for none
 */
record ImportPlacement(Phase phase, Status status, String startActivity) {

  static ImportPlacement of(DocumentKind kind, LocalDate endDate, LocalDate today) {
    if (endDate.isBefore(today)) {
      return new ImportPlacement(Phase.CLOSED, Status.EXPIRED, null);
    }
    if (!kind.binding()) {
      return new ImportPlacement(Phase.SIGNING, Status.APPROVED, LifecycleProcess.CALL_SIGNING);
    }
    return new ImportPlacement(Phase.WORK_PLAN, Status.ACTIVE, LifecycleProcess.SUBPROCESS_TERM);
  }

  boolean runsTerm() {
    return LifecycleProcess.SUBPROCESS_TERM.equals(startActivity);
  }
}
