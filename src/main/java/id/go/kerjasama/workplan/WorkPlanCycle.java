package id.go.kerjasama.workplan;

import id.go.kerjasama.platform.calendar.WorkingDayCalendar;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.ProcessVariables;
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

  public WorkPlanCycle(AgreementService agreementService, WorkingDayCalendar workingDays,
                       WorkPlanProperties properties) {
    this.agreementService = agreementService;
    this.workingDays = workingDays;
    this.properties = properties;
  }

  /** The lifecycle passes the budget year as {@code cycleYear}; without it, the current year. */
  public void start(DelegateExecution execution) {
    execution.setVariable(ProcessVariables.CYCLE_YEAR, cycleYear(execution));
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
