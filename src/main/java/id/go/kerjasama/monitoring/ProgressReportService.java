package id.go.kerjasama.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registry of progress and annual reports: versions and reviews. */
@Service
@Transactional
class ProgressReportService {

  private final ProgressReportRepository repository;

  public ProgressReportService(ProgressReportRepository repository) {
    this.repository = repository;
  }

  /** Stores a new version of the period's report (status SUBMITTED). */
  public ProgressReport submit(long agreementId, int year, ReportingPeriod period, boolean annual,
                               String reportingUnit, ReportContent content, Instant dueAt, String submittedBy,
                               String processInstanceId, Instant now) {
    long id = repository.insert(agreementId, year, period, annual, reportingUnit, content, dueAt,
        now.isAfter(dueAt), submittedBy, processInstanceId);
    return repository.findById(id).orElseThrow();
  }

  public void review(long reportId, String step, String group, String reviewer, ReportStatus decision,
                     String notes) {
    repository.insertReview(reportId, step, group, reviewer, decision.name(), notes);
    repository.updateStatus(reportId, decision);
  }

  public void recordProvinceNotes(long reportId, String notes) {
    repository.updateProvinceNotes(reportId, notes);
  }

  @Transactional(readOnly = true)
  public Optional<ProgressReport> get(long id) {
    return repository.findById(id);
  }

  @Transactional(readOnly = true)
  public List<ProgressReport> reports(long agreementId) {
    return repository.byAgreement(agreementId);
  }

  @Transactional(readOnly = true)
  public List<ReportReview> reviews(long reportId) {
    return repository.reviews(reportId);
  }
}
