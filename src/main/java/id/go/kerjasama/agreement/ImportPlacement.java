package id.go.kerjasama.agreement;

import id.go.kerjasama.lifecycle.LifecycleProcess;
import java.time.LocalDate;

/**
 * Where an imported agreement enters the lifecycle, from its document and
 * end date (docs/api.md "Legacy import"):
 * <ul>
 *   <li>ended before the import day: registered as EXPIRED and CLOSED, no lifecycle;</li>
 *   <li>only a LoI or a Nota Kesepahaman: the signing phase, which goes straight to the follow-up
 *       (raise the LoI to an MoU, sign the PKS);</li>
 *   <li>in force (MSP, MoU, PKS) and ending within the renewal window: the renewal phase;</li>
 *   <li>in force otherwise: monitoring.</li>
 * </ul>
 *
 * @param startActivity the lifecycle activity to start before, {@code null} for none
 */
record ImportPlacement(Phase phase, Status status, String startActivity) {

  static ImportPlacement of(DocumentKind kind, LocalDate endDate, LocalDate today, int renewalWindowMonths) {
    if (endDate.isBefore(today)) {
      return new ImportPlacement(Phase.CLOSED, Status.EXPIRED, null);
    }
    if (!kind.binding()) {
      return new ImportPlacement(Phase.SIGNING, Status.APPROVED, LifecycleProcess.CALL_SIGNING);
    }
    if (!endDate.isAfter(today.plusMonths(renewalWindowMonths))) {
      return new ImportPlacement(Phase.RENEWAL, Status.ACTIVE, LifecycleProcess.CALL_RENEWAL);
    }
    return new ImportPlacement(Phase.MONITORING, Status.ACTIVE, LifecycleProcess.CALL_MONITORING);
  }
}
