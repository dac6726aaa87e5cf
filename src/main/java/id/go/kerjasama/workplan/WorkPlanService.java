package id.go.kerjasama.workplan;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registry of annual work plans: versions, reviews, the approved plan of a year. */
@Service
@Transactional
public class WorkPlanService {

  private final WorkPlanRepository repository;

  public WorkPlanService(WorkPlanRepository repository) {
    this.repository = repository;
  }

  /** Stores a new version (status SUBMITTED); earlier versions stay as they are. */
  public WorkPlan submit(long agreementId, int year, WorkPlanContent content, String submittedBy,
                         String processInstanceId) {
    return submit(agreementId, year, content, submittedBy, processInstanceId, null);
  }

  /** Stores a new version of a region's RKT ({@code region} null: a plan of every location). */
  public WorkPlan submit(long agreementId, int year, WorkPlanContent content, String submittedBy,
                         String processInstanceId, String region) {
    long id = repository.insert(agreementId, year, content, submittedBy, processInstanceId, region);
    return repository.findById(id).orElseThrow();
  }

  /** The newest version of the region's RKT for the year. */
  @Transactional(readOnly = true)
  public Optional<WorkPlan> latestInRegion(long agreementId, int year, String region) {
    return repository.latestInRegion(agreementId, year, region);
  }

  /** The region's last approved RKT of an earlier year, else the agreement's last approved plan. */
  @Transactional(readOnly = true)
  public Optional<WorkPlan> approvedBeforeInRegion(long agreementId, int year, String region) {
    return repository.latestApprovedBeforeInRegion(agreementId, year, region)
        .or(() -> repository.latestApprovedBefore(agreementId, year));
  }

  public void review(long workPlanId, ReviewStep step, String group, String reviewer, String decision, String notes) {
    repository.insertReview(workPlanId, step, group, reviewer, decision, notes);
  }

  public void returnPlan(long workPlanId) {
    repository.updateStatus(workPlanId, WorkPlanStatus.RETURNED);
  }

  public void approve(long workPlanId) {
    repository.updateStatus(workPlanId, WorkPlanStatus.APPROVED);
  }

  @Transactional(readOnly = true)
  public Optional<WorkPlan> get(long workPlanId) {
    return repository.findById(workPlanId);
  }

  @Transactional(readOnly = true)
  public List<WorkPlan> plans(long agreementId) {
    return repository.byAgreement(agreementId);
  }

  @Transactional(readOnly = true)
  public Optional<WorkPlan> latest(long agreementId, int year) {
    return repository.latest(agreementId, year);
  }

  /**
   * The plan in force for the year, which sets the reporting calendar: the approved version with the highest
   * number, i.e. the one drafted last. When a foreign NGO's regions each have an approved RKT with a different
   * report frequency or activity dates, the last drafted region's RKT decides, deterministically (assumption A41).
   */
  @Transactional(readOnly = true)
  public Optional<WorkPlan> approved(long agreementId, int year) {
    return repository.latestApproved(agreementId, year);
  }

  @Transactional(readOnly = true)
  public Optional<WorkPlan> approvedBefore(long agreementId, int year) {
    return repository.latestApprovedBefore(agreementId, year);
  }

  @Transactional(readOnly = true)
  public List<WorkPlanReview> reviews(long workPlanId) {
    return repository.reviews(workPlanId);
  }
}
