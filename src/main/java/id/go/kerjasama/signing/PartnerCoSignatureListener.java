package id.go.kerjasama.signing;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import id.go.kerjasama.platform.engine.TaskEndListener;
import id.go.kerjasama.registry.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End listener of the partner's co-signing tasks ({@code ${partnerCoSignatureListener}}):
 * {@code UserTask_ConfirmNotaKesepakatanPartner} (the partner of a region–ministry Nota Kesepakatan, GR 28/2018
 * art. 46) and {@code UserTask_ConfirmPksPartner} (the partner region of a PKS). The partner has co-signed the
 * document the proposer recorded, so the agreement is in force now; the proposer's record alone did not put it in
 * force ({@link SigningRecordListener}, assumption A32). A disputed record changes nothing: the proposer records it
 * again.
 */
@Component
@FormerlyNamed("notaKesepakatanCoSignatureListener")
public class PartnerCoSignatureListener extends TaskEndListener {

  static final String CONFIRMED = "CONFIRMED";

  private final SigningRepository signings;

  PartnerCoSignatureListener(SigningRepository signings) {
    this.signings = signings;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    if (CONFIRMED.equals(execution.getVariable("decision"))) {
      signings.putInForce(ProcessVariables.agreementId(execution));
    }
  }
}
