package id.go.kerjasama.approval;

import id.go.kerjasama.registry.PrinciplePermits;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The principle permit as central approval records it: the latest GRANTED decision counts. */
@Component
class ApprovalPrinciplePermits implements PrinciplePermits {

  private final ApprovalRecords approvalRecords;

  public ApprovalPrinciplePermits(ApprovalRecords approvalRecords) {
    this.approvalRecords = approvalRecords;
  }

  @Override
  public Optional<LocalDate> validUntil(long agreementId) {
    return approvalRecords.principlePermit(agreementId).map(PrinciplePermit::validUntil);
  }
}
