package id.go.kerjasama.registry;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The agreement registry: registering proposals and keeping phase, status and audit trail current. */
@Service
@Transactional
public class AgreementService {

  private final AgreementRepository repository;

  public AgreementService(AgreementRepository repository) {
    this.repository = repository;
  }

  public Agreement register(NewProposal proposal, String createdBy, String processInstanceId) {
    long id = repository.insert(proposal, createdBy, processInstanceId);
    repository.insertEvent(id, createdBy, Phase.PROPOSAL, "StartEvent_ProposalSubmitted", "Usulan diajukan",
        "SUBMITTED", null);
    return get(id);
  }

  @Transactional(readOnly = true)
  public Agreement get(long id) {
    return repository.findById(id).orElseThrow(() -> new AgreementNotFoundException(id));
  }

  @Transactional(readOnly = true)
  /** The agreement with that registration number (the business key of its instances), if any. */
  public java.util.Optional<Agreement> findByRegistrationNumber(String registrationNumber) {
    return repository.findByRegistrationNumber(registrationNumber);
  }

  public List<AgreementEvent> events(long id) {
    return repository.events(id);
  }

  public void enterPhase(long id, Phase phase) {
    repository.updatePhase(id, phase);
  }

  public void changeStatus(long id, Status status, String reason) {
    repository.updateStatus(id, status, reason);
  }

  /**
   * Ends the lifecycle: phase CLOSED with the final status and its reason.
   * A {@code null} reason keeps the one already recorded (a phase that refused
   * the agreement wrote why).
   */
  public void close(long id, Status finalStatus, String reason) {
    if (!finalStatus.isFinal()) {
      throw new IllegalArgumentException(finalStatus + " is not a final status");
    }
    repository.updatePhase(id, Phase.CLOSED);
    repository.updateStatus(id, finalStatus, reason != null ? reason : get(id).statusReason());
  }

  public void recordSigning(long id, String documentKind, String documentNumber, String signatories,
                            LocalDate signedOn, LocalDate startDate, LocalDate endDate) {
    repository.updateSigning(id, documentKind, documentNumber, signatories, signedOn, startDate, endDate);
  }

  public void startNextTerm(long id) {
    repository.startNextTerm(id);
  }

  /** The extension of the term just started was not approved (GR 28/2018 routes): back to the term before. */
  public void cancelNextTerm(long id) {
    repository.cancelNextTerm(id);
  }

  /**
   * The extension just signed does not take effect (a foreign NGO's operational
   * permit for it was refused, assumption A51): the agreement shows the term
   * still running, its number and dates, until it ends, and the document that
   * term was last signed with (its kind, number, signatories and signing date),
   * not the extension's.
   */
  public void revertToTerm(long id, AgreementTerm term, String documentKind, String documentNumber,
                           String signatories, LocalDate signedOn) {
    repository.revertToTerm(id, term.term(), term.startDate(), term.endDate(), documentKind, documentNumber,
        signatories, signedOn);
  }

  public void recordEvent(long id, String actor, Phase phase, String activity, String activityName,
                          String outcome, String notes) {
    repository.insertEvent(id, actor, phase, activity, activityName, outcome, notes);
  }
}
