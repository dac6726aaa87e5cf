package id.go.kerjasama.renewal;

import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who decides a renewal (processes/renewal.bpmn, gateway
 * {@code Gateway_TpoaInputNeeded}): a region's cooperation (KSDD, KSDPK,
 * KSDPL, KSDLL) is extended by its parties — the proposing region decides and,
 * for a KSDD, the partner region agrees — not by Fasker; so is a region–ministry
 * Nota Kesepakatan (GR 28/2018 art. 46): the proposer (region or ministry)
 * decides and the other party (ministry or region) agrees
 * (docs/regulations.md A26, A27, A33; {@code kerjasama.renewal.regional-decided-by-parties},
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
    return t.regionalDomestic() || t.regionalForeign() || notaKesepakatan(execution, t);
  }

  /** A region's cooperation with a ministry or a ministry's with a region (Agreement's rule, from the variables). */
  static boolean notaKesepakatan(DelegateExecution execution, CooperationType type) {
    return Agreement.notaKesepakatan(type, execution.getVariable(ProcessVariables.PARTNER_MINISTRY_GROUP),
        execution.getVariable(ProcessVariables.PARTNER_REGION_GROUP));
  }

  /**
   * The other party of a renewal its parties decide: the partner region (KSDD, or a ministry's Nota
   * Kesepakatan), else the partner ministry of a region's Nota Kesepakatan; null when there is none (KSDPK,
   * KSDPL, KSDLL: the partner has no account). Candidate group of UserTask_AgreeRenewalPartner
   * ({@code ${renewalDeciders.partnerGroup(execution)}}).
   */
  public String partnerGroup(DelegateExecution execution) {
    Object region = execution.getVariable(ProcessVariables.PARTNER_REGION_GROUP);
    if (region != null) {
      return region.toString();
    }
    Object type = execution.getVariable(ProcessVariables.COOPERATION_TYPE);
    if (type != null && notaKesepakatan(execution, CooperationType.valueOf(type.toString()))) {
      return execution.getVariable(ProcessVariables.PARTNER_MINISTRY_GROUP).toString();
    }
    return null;
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
    String partner = partnerGroup(execution);
    return ProcessVariables.proposerGroup(execution) + (partner == null ? "" : "," + partner);
  }

  /**
   * The proposer decided to extend and the other party has its own account (a KSDD's partner region, a Nota
   * Kesepakatan's ministry or region): it must agree (A27, A33).
   */
  public boolean partnerAgrees(DelegateExecution execution) {
    return RenewalProcess.EXTEND.equals(execution.getVariable(RenewalProcess.RENEWAL_OUTCOME))
        && partnerGroup(execution) != null;
  }

  /** As before Nota Kesepakatan renewals: still read by instances of diagram versions that name it. */
  public boolean partnerRegionAgrees(DelegateExecution execution) {
    return RenewalProcess.EXTEND.equals(execution.getVariable(RenewalProcess.RENEWAL_OUTCOME))
        && execution.getVariable(ProcessVariables.PARTNER_REGION_GROUP) != null;
  }
}
