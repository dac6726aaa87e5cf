package id.go.kerjasama.renewal;

import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who decides a renewal (processes/renewal.bpmn, gateway
 * {@code Gateway_TpoaInputNeeded}): a region's cooperation (KSDD, KSDPK,
 * KSDPL, KSDLL) is extended by its parties — the proposing region decides and,
 * for a KSDD, the partner region agrees — not by Fasker
 * (docs/regulations.md A26, {@code kerjasama.renewal.regional-decided-by-parties},
 * default {@code true}; {@code false} sends it to Fasker as before).
 */
@Component
public class RenewalDeciders {

  private final boolean regionalDecidedByParties;

  RenewalDeciders(@Value("${kerjasama.renewal.regional-decided-by-parties:true}") boolean regionalDecidedByParties) {
    this.regionalDecidedByParties = regionalDecidedByParties;
  }

  /** The cooperation is a region's (GR 28/2018) and its parties decide the renewal. */
  public boolean byParties(DelegateExecution execution) {
    if (!regionalDecidedByParties) {
      return false;
    }
    Object type = execution.getVariable(ProcessVariables.COOPERATION_TYPE);
    if (type == null) {
      return false;
    }
    CooperationType t = CooperationType.valueOf(type.toString());
    return t.regionalDomestic() || t.regionalForeign();
  }

  /**
   * Who follows up a cooperation that ended without a renewal decision (UserTask_FollowUpExpiry,
   * {@code ${renewalDeciders.expiryFollowUpGroups(execution)}}): the parties of a region's cooperation that
   * decide its renewal — the proposing region and a partner region where there is one — else Fasker.
   */
  public String expiryFollowUpGroups(DelegateExecution execution) {
    if (!byParties(execution)) {
      return "fasker";
    }
    Object partner = execution.getVariable(ProcessVariables.PARTNER_REGION_GROUP);
    return ProcessVariables.proposerGroup(execution) + (partner == null ? "" : "," + partner);
  }

  /** The proposing region decided to extend and a partner region is a party (KSDD): it must agree (A27). */
  public boolean partnerRegionAgrees(DelegateExecution execution) {
    return RenewalProcess.EXTEND.equals(execution.getVariable(RenewalProcess.RENEWAL_OUTCOME))
        && execution.getVariable(ProcessVariables.PARTNER_REGION_GROUP) != null;
  }
}
