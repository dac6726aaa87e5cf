package id.go.kerjasama.workplan;

import id.go.kerjasama.platform.calendar.WorkingDayCalendar;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.ProcessVariables;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Routing and due dates of {@code annual-work-plan}, called from the diagram:
 * {@code ${workPlanCycle.start(execution)}} (process start listener),
 * {@code ${workPlanCycle.reviewProvinces(execution)}} (the provinces reviewing in parallel),
 * {@code ${workPlanCycle.draftDue()}}, {@code ${workPlanCycle.reviewDue()}}.
 */
@Component
public class WorkPlanCycle {

  private final AgreementService agreementService;
  private final WorkingDayCalendar workingDays;
  private final WorkPlanProperties properties;
  private final WorkPlanService workPlans;
  private final Organisations organisations;

  public WorkPlanCycle(AgreementService agreementService, WorkingDayCalendar workingDays,
                       WorkPlanProperties properties, WorkPlanService workPlans, Organisations organisations) {
    this.organisations = organisations;
    this.workPlans = workPlans;
    this.agreementService = agreementService;
    this.workingDays = workingDays;
    this.properties = properties;
  }

  /**
   * The lifecycle passes the budget year as {@code cycleYear}; without it, the current year. A cooperation
   * naming a foreign NGO gets {@code ngoGroup}: the NGO drafts its RKT per location region
   * ({@code kerjasama.workplan.ngo-drafts-rkt}).
   */
  public void start(DelegateExecution execution) {
    if (!(execution.getVariable(ProcessVariables.CYCLE_YEAR) instanceof Integer)) {
      // set only when the lifecycle did not pass it: writing the same value again costs a history row
      execution.setVariable(ProcessVariables.CYCLE_YEAR, cycleYear(execution));
    }
    String ngo = agreementService.get(agreementId(execution)).ngoGroup();
    if (ngo != null && properties.ngoDraftsRkt()) {
      execution.setVariable(WorkPlanProcess.NGO_GROUP, ngo);
    } else {
      execution.removeVariable(WorkPlanProcess.NGO_GROUP);
    }
  }

  /** The regions a foreign NGO drafts an RKT for, one each: the agreement's location provinces. */
  public List<String> rktRegions(DelegateExecution execution) {
    return agreementService.get(agreementId(execution)).locationProvinces().stream().distinct().toList();
  }

  /**
   * Who co-signs a region's RKT (UserTask_ReviewRegionalRkt, one task each, in parallel): the location
   * province and every regency/city the RKT names as an activity location (assumption A39).
   */
  public List<String> rktSignatories(DelegateExecution execution) {
    String region = region(execution);
    List<String> signatories = new ArrayList<>();
    signatories.add(region);
    workPlans.latestInRegion(agreementId(execution), cycleYear(execution), region)
        .map(plan -> plan.content().locationRegencies()).orElse(List.of()).stream()
        .filter(regency -> !signatories.contains(regency))
        .forEach(signatories::add);
    return signatories;
  }

  /**
   * Start listener of each co-sign task (UserTask_ReviewRegionalRkt): the task's own {@code rktRegionName} is the
   * co-signer's name -- a regency/city sees its own name, the province the province's -- local to that one
   * instance, so it ends with the task and never reaches the process variables.
   */
  public void nameSignatory(DelegateExecution execution) {
    String signatory = signatory(execution);
    execution.setVariableLocal(WorkPlanProcess.RKT_REGION_NAME,
        organisations.find(signatory).map(Unit::name).orElse(signatory));
  }

  /**
   * True once a co-signer rejected the region's newest RKT (it is RETURNED): the remaining co-signers' tasks end
   * and the NGO redrafts that region's RKT.
   */
  public boolean regionalRktRejected(DelegateExecution execution) {
    return workPlans.latestInRegion(agreementId(execution), cycleYear(execution), region(execution))
        .map(plan -> plan.status() == WorkPlanStatus.RETURNED).orElse(false);
  }

  /** The co-signer of the task the execution is about: a regency/city or the region itself. */
  static String signatory(DelegateExecution execution) {
    Object signatory = execution.getVariable(WorkPlanProcess.RKT_SIGNATORY);
    return signatory == null ? region(execution) : signatory.toString();
  }

  /** The region of the regional RKT the execution is about; null outside SubProcess_RegionalRkt. */
  static String region(DelegateExecution execution) {
    return (String) execution.getVariable(WorkPlanProcess.RKT_REGION);
  }

  /** True when the NGO drafts the RKT per region in this instance. */
  static boolean regional(DelegateExecution execution) {
    return execution.getVariable(WorkPlanProcess.NGO_GROUP) != null;
  }

  /**
   * The location provinces of the agreement, each reviewing in parallel; a
   * province does not review its own plan (it drafted it), so a province's
   * cooperation inside its own territory has no province review.
   */
  public List<String> reviewProvinces(DelegateExecution execution) {
    Agreement agreement = agreementService.get(agreementId(execution));
    return agreement.locationProvinces().stream()
        .filter(p -> !p.equals(agreement.proposerUnit()))
        .distinct()
        .toList();
  }

  public Date draftDue() {
    return workingDays.dueIn(properties.draftWorkingDays());
  }

  public Date reviewDue() {
    return workingDays.dueIn(properties.reviewWorkingDays());
  }

  static int cycleYear(DelegateExecution execution) {
    Object year = execution.getVariable(ProcessVariables.CYCLE_YEAR);
    return year instanceof Number n ? n.intValue() : BusinessClock.today().getYear();
  }

  static long agreementId(DelegateExecution execution) {
    return ProcessVariables.agreementId(execution);
  }
}
