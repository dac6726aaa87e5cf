package id.go.kerjasama.ngo;

import id.go.kerjasama.registry.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The candidate group of central approval's file check of a foreign-NGO
 * cooperation ({@code ${ngoFileCheck.group(execution)}} on
 * {@code UserTask_CheckFileComplete}): {@code kerjasama.ngo.cooperation-file-check-group}
 * when set (e.g. {@code tpoa-kemlu}: Kemlu checks the file in every source
 * found), else the Mitra Utama as before (assumption A12, docs/regulations.md).
 */
@Component
public class NgoFileCheck {

  private final NgoPermits permits;

  NgoFileCheck(NgoPermits permits) {
    this.permits = permits;
  }

  public String group(DelegateExecution execution) {
    return permits.cooperationFileCheckGroup(ProcessVariables.partnerMinistryGroup(execution));
  }
}
