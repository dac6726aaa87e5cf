package id.go.kerjasama.signing;

import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.DocumentKind;
import id.go.kerjasama.registry.ProcessVariables;
import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Decides where the signing phase starts, from the registry: the cooperation
 * type, the term, and what is already signed in this term (an imported LoI or
 * Nota Kesepahaman goes straight to its follow-up). Used by the conditions of
 * Gateway_DocumentToSign: {@code ${signingSteps.next(execution) == 'SIGN_LOI'}}.
 */
@Component
public class SigningSteps {

  private final AgreementService agreementService;
  private final SigningRepository signings;
  private final SigningSettings settings;

  public SigningSteps(AgreementService agreementService, SigningRepository signings, SigningSettings settings) {
    this.agreementService = agreementService;
    this.signings = signings;
    this.settings = settings;
  }

  public String next(DelegateExecution execution) {
    long id = ProcessVariables.agreementId(execution);
    return next(agreementService.get(id)).name();
  }

  public SigningStep next(Agreement agreement) {
    Set<DocumentKind> signed = EnumSet.noneOf(DocumentKind.class);
    signings.history(agreement.id(), agreement.term()).forEach(r -> signed.add(r.documentKind()));
    return switch (agreement.type()) {
      case ORMAS_ASING -> SigningStep.DRAFT_MSP;
      case LUAR_NEGERI -> signed.contains(DocumentKind.LOI) ? SigningStep.RAISE_LOI_TO_MOU
          : agreement.term() > 1 ? SigningStep.SIGN_MOU : SigningStep.SIGN_LOI;
      case DALAM_NEGERI -> agreement.notaKesepakatan()
          ? (signed.contains(DocumentKind.NOTA_KESEPAKATAN) && settings.isNotaKesepakatanFollowedByPks()
              ? SigningStep.SIGN_PKS : SigningStep.SIGN_NOTA_KESEPAKATAN)
          : signed.contains(DocumentKind.NK) ? SigningStep.SIGN_PKS : SigningStep.SIGN_NK;
      // the KB and the DPRD's approval come first, in the approval phase
      case KSDD, KSDPK -> SigningStep.SIGN_PKS;
      // the LoI, plan, verification, MoU draft and the Minister's approval come first, in the approval phase
      case KSDPL, KSDLL -> signed.contains(DocumentKind.FULL_POWER) ? SigningStep.SIGN_MOU : SigningStep.FULL_POWER;
    };
  }
}
