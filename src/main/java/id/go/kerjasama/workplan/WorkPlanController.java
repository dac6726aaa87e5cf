package id.go.kerjasama.workplan;

import id.go.kerjasama.registry.AgreementAccess;
import id.go.kerjasama.registry.AgreementService;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/agreements/{id}/work-plans}: every version of every year, with its reviews (docs/api.md). */
@RestController
@RequestMapping("/api/agreements/{agreementId}/work-plans")
class WorkPlanController {

  private final WorkPlanService workPlans;
  private final AgreementService agreementService;
  private final AgreementAccess access;

  public WorkPlanController(WorkPlanService workPlans, AgreementService agreementService, AgreementAccess access) {
    this.workPlans = workPlans;
    this.agreementService = agreementService;
    this.access = access;
  }

  public record WorkPlanView(WorkPlan plan, String statusLabel, String reportFrequencyLabel,
                             List<WorkPlanReview> reviews) {
  }

  @GetMapping
  public List<WorkPlanView> list(@PathVariable long agreementId) {
    access.checkRead(agreementService.get(agreementId));
    return workPlans.plans(agreementId).stream()
        .map(p -> new WorkPlanView(p, p.status().label(), p.content().reportFrequency().label(),
            workPlans.reviews(p.id())))
        .toList();
  }
}
