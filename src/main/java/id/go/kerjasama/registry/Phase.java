package id.go.kerjasama.registry;

import java.util.Optional;
import java.util.stream.Stream;

/** The lifecycle phase an agreement is in; one called process per phase. */
public enum Phase {
  PROPOSAL("Usulan", "cooperation-lifecycle"),
  CENTRAL_APPROVAL("Persetujuan pusat", "central-approval"),
  SIGNING("Penandatanganan", "agreement-signing"),
  WORK_PLAN("Rencana kerja tahunan", "annual-work-plan"),
  MONITORING("Pemantauan", "monitoring"),
  EVALUATION("Evaluasi", "evaluation"),
  RENEWAL("Perpanjangan", "renewal"),
  CLOSE_OUT("Penutupan", "close-out"),
  CLOSED("Selesai", null);

  private final String label;
  private final String processKey;

  Phase(String label, String processKey) {
    this.label = label;
    this.processKey = processKey;
  }

  public String label() {
    return label;
  }

  /** The key of the process that runs this phase. */
  public String processKey() {
    return processKey;
  }

  public static Optional<Phase> ofProcessKey(String key) {
    return Stream.of(values()).filter(p -> key != null && key.equals(p.processKey)).findFirst();
  }
}
