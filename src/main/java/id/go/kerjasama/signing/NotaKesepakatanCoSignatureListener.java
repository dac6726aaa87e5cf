package id.go.kerjasama.signing;

import id.go.kerjasama.platform.engine.TaskEndListener;
import id.go.kerjasama.registry.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End listener of {@code UserTask_ConfirmNotaKesepakatanPartner}
 * ({@code ${notaKesepakatanCoSignatureListener}}): the partner of a region–ministry Nota Kesepakatan
 * (GR 28/2018 art. 46) has co-signed the document the proposer recorded, so the agreement is in force now
 * (assumption A32). A disputed record changes nothing: the proposer records it again.
 */
@Component
public class NotaKesepakatanCoSignatureListener extends TaskEndListener {

  static final String CONFIRMED = "CONFIRMED";

  private final SigningRepository signings;

  NotaKesepakatanCoSignatureListener(SigningRepository signings) {
    this.signings = signings;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    if (CONFIRMED.equals(execution.getVariable("decision"))) {
      signings.putInForce(ProcessVariables.agreementId(execution));
    }
  }
}
