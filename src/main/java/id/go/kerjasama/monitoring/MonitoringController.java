package id.go.kerjasama.monitoring;

import id.go.kerjasama.registry.AgreementAccess;
import id.go.kerjasama.registry.AgreementService;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/agreements/{id}/reports}: every version of every report, with its reviews (docs/api.md). */
@RestController
@RequestMapping("/api/agreements/{agreementId}/reports")
class MonitoringController {

  private final ProgressReportService reports;
  private final AgreementService agreementService;
  private final AgreementAccess access;

  public MonitoringController(ProgressReportService reports, AgreementService agreementService,
                              AgreementAccess access) {
    this.reports = reports;
    this.agreementService = agreementService;
    this.access = access;
  }

  public record ReportView(ProgressReport report, String periodLabel, String statusLabel, List<ReportReview> reviews) {
  }

  @GetMapping
  public List<ReportView> list(@PathVariable long agreementId) {
    access.checkRead(agreementService.get(agreementId));
    return reports.reports(agreementId).stream()
        .map(r -> new ReportView(r, r.period().label(), r.status().label(), reports.reviews(r.id())))
        .toList();
  }
}
