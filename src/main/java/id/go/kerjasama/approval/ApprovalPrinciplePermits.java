package id.go.kerjasama.approval;

import id.go.kerjasama.ngo.NgoPermit;
import id.go.kerjasama.ngo.NgoPermits;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.PrinciplePermits;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The principle permit an agreement's MSP must fit in. An agreement that
 * names its NGO uses the NGO's permit in force (module {@code ngo}: reused by
 * every cooperation of the NGO, extended by a renewal, void while suspended
 * or revoked); an older agreement without one keeps the permit central
 * approval recorded for it (table {@code principle_permit}, the latest
 * GRANTED decision).
 */
@Component
class ApprovalPrinciplePermits implements PrinciplePermits {

  private final ApprovalRecords approvalRecords;
  private final AgreementService agreements;
  private final NgoPermits ngoPermits;

  public ApprovalPrinciplePermits(ApprovalRecords approvalRecords, AgreementService agreements,
                                  NgoPermits ngoPermits) {
    this.approvalRecords = approvalRecords;
    this.agreements = agreements;
    this.ngoPermits = ngoPermits;
  }

  @Override
  public Optional<LocalDate> validUntil(long agreementId) {
    String ngoGroup = agreements.get(agreementId).ngoGroup();
    if (ngoGroup != null) {
      return ngoPermits.principlePermitInForce(ngoGroup, BusinessClock.today()).map(NgoPermit::validUntil);
    }
    return approvalRecords.principlePermit(agreementId).map(PrinciplePermit::validUntil);
  }

  @Override
  public List<String> operationalPermitProblems(long agreementId, LocalDate start, LocalDate end) {
    String ngoGroup = agreements.get(agreementId).ngoGroup();
    return ngoGroup == null ? List.of() : ngoPermits.operationalPermitProblems(ngoGroup);
  }

  @Override
  public void mspSigned(long agreementId, LocalDate signedOn, LocalDate end, String by) {
    Agreement agreement = agreements.get(agreementId);
    if (agreement.ngoGroup() != null) {
      ngoPermits.grantOperationalPermit(agreement.ngoGroup(), agreementId, signedOn, end, by);
    }
  }
}
