package id.go.kerjasama.approval;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records of the central approval: TPOA recommendations, principle
 * permits and DPRD approvals. Later phases ask {@link #principlePermit(long)}
 * for the permit an MSP must fit in.
 */
@Service
@Transactional
class ApprovalRecords {

  private final ApprovalRepository repository;

  public ApprovalRecords(ApprovalRepository repository) {
    this.repository = repository;
  }

  public void recordTpoaRecommendation(long agreementId, int round, String seat, String recommendation, String notes,
                                       String decidedBy) {
    repository.insertTpoaRecommendation(agreementId, round, seat, recommendation, notes, decidedBy);
  }

  public void recordPrinciplePermit(long agreementId, String decision, LocalDate decidedOn, LocalDate validUntil,
                                    String notes, String decidedBy) {
    repository.insertPrinciplePermit(agreementId, decision, decidedOn, validUntil, notes, decidedBy);
  }

  public void recordDprdApproval(long agreementId, String regionGroup, String decision, String letterNumber,
                                 LocalDate letterDate, String notes, String recordedBy, DprdApproval.Plan plan) {
    repository.insertDprdApproval(agreementId, regionGroup, decision, letterNumber, letterDate, notes, recordedBy,
        plan);
  }

  public void recordOfferLetter(long agreementId, String letterNumber, LocalDate letterDate, String recordedBy) {
    repository.insertOfferLetter(agreementId, letterNumber, letterDate, recordedBy);
  }

  @Transactional(readOnly = true)
  public List<OfferLetter> offerLetters(long agreementId) {
    return repository.offerLetters(agreementId);
  }

  @Transactional(readOnly = true)
  public List<TpoaRecommendation> tpoaRecommendations(long agreementId) {
    return repository.tpoaRecommendations(agreementId);
  }

  @Transactional(readOnly = true)
  public List<PrinciplePermit> principlePermitDecisions(long agreementId) {
    return repository.principlePermits(agreementId);
  }

  /** The principle permit in force: the latest GRANTED decision, if any. */
  @Transactional(readOnly = true)
  public Optional<PrinciplePermit> principlePermit(long agreementId) {
    List<PrinciplePermit> granted = repository.principlePermits(agreementId).stream()
        .filter(PrinciplePermit::granted).toList();
    return granted.isEmpty() ? Optional.empty() : Optional.of(granted.get(granted.size() - 1));
  }

  @Transactional(readOnly = true)
  public List<DprdApproval> dprdApprovals(long agreementId) {
    return repository.dprdApprovals(agreementId);
  }
}
