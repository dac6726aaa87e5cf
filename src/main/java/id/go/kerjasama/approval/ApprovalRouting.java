package id.go.kerjasama.approval;

import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.ProcessVariables;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the route the routing table chose (output mapping of
 * BusinessRuleTask_DetermineRoute). A proposal the table has no row for is
 * an administrator's mistake in the table: it fails with a message that
 * names the table and the facts, instead of an anonymous gateway error.
 */
@Component
public class ApprovalRouting {

  private final String kemluNotSupportedOutcome;
  private final String offerDeclinedOutcome;
  private final AgreementService agreementService;

  /**
   * @param kemluNotSupportedOutcome {@code kerjasama.approval.kemlu-not-supported-outcome}: what Kemlu's
   *                                 NOT_SUPPORTED does to a proposal, RETURNED (to the proposer for revision,
   *                                 the default) or REFUSED (stopped); no article says (docs/regulations.md A8)
   * @param offerDeclinedOutcome     {@code kerjasama.approval.offer-declined-outcome}: what a declined offer
   *                                 (penawaran kerja sama) does, REFUSED (the default) or RETURNED (A22)
   */
  public ApprovalRouting(
      @Value("${kerjasama.approval.kemlu-not-supported-outcome:RETURNED}") String kemluNotSupportedOutcome,
      @Value("${kerjasama.approval.offer-declined-outcome:REFUSED}") String offerDeclinedOutcome,
      AgreementService agreementService) {
    this.agreementService = agreementService;
    requireReturnedOrRefused("kerjasama.approval.kemlu-not-supported-outcome", kemluNotSupportedOutcome);
    requireReturnedOrRefused("kerjasama.approval.offer-declined-outcome", offerDeclinedOutcome);
    this.offerDeclinedOutcome = offerDeclinedOutcome;
    this.kemluNotSupportedOutcome = kemluNotSupportedOutcome;
  }

  /**
   * Whether the region's LoI is already recorded (Gateway_ForeignPreparationNeeded): a revised proposal or
   * an extension does not record it again; the registry's current document is then the LoI or the MoU.
   */
  public boolean loiRecorded(DelegateExecution execution) {
    return agreementService.get(Actor.agreementId(execution)).documentKind() != null;
  }

  static void requireReturnedOrRefused(String property, String value) {
    if (!ApprovalProcess.RETURNED.equals(value) && !ApprovalProcess.REFUSED.equals(value)) {
      throw new IllegalStateException(property + " harus RETURNED atau REFUSED, bukan " + value);
    }
  }

  /** RETURNED or REFUSED: the route of a declined offer (Gateway_OfferAccepted). */
  public String offerDeclinedOutcome() {
    return offerDeclinedOutcome;
  }

  /** RETURNED or REFUSED: the route of Kemlu's NOT_SUPPORTED (Gateway_KemluOutcome). */
  public String kemluNotSupportedOutcome() {
    return kemluNotSupportedOutcome;
  }

  public String reviewTrack(DelegateExecution execution, Map<String, Object> route) {
    Object track = route == null ? null : route.get(ApprovalProcess.REVIEW_TRACK);
    if (!ApprovalProcess.TRACK_TPOA.equals(track) && !ApprovalProcess.TRACK_REGIONAL.equals(track)) {
      throw new ProcessEngineException("Tabel keputusan " + ApprovalProcess.DECISION_ROUTE
          + " (processes/central-approval-routing.dmn) tidak memberi jalur persetujuan yang sah (" + track
          + ") untuk jenis kerja sama " + execution.getVariable(ProcessVariables.COOPERATION_TYPE)
          + ", tingkat pengusul " + execution.getVariable(ProcessVariables.PROPOSER_LEVEL)
          + ", membebani/di luar APBD " + execution.getVariable(ProcessVariables.BURDENS_PUBLIC_OR_OUTSIDE_BUDGET));
    }
    return (String) track;
  }
}
