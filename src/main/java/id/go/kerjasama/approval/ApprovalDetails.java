package id.go.kerjasama.approval;

import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementDetails;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The central approval's records in {@code GET /api/agreements/{id}}, under
 * {@code details.centralApproval}: the principle permit in force and every
 * permit decision, each TPOA seat's recommendation, the DPRD's decisions
 * (with the seven items of the region's request, KSDD/KSDPK) and the offer letters sent.
 * The who/when/outcome/notes of every task is in the agreement's timeline.
 */
@Component
class ApprovalDetails implements AgreementDetails {

  /** One seat's recommendation with the seat's name. */
  public record SeatRecommendation(int round, String seat, String seatName, String recommendation, String notes,
                                   String decidedBy, Instant decidedAt) {
  }

  public record View(PrinciplePermit principlePermit, List<PrinciplePermit> principlePermitDecisions,
                     List<SeatRecommendation> tpoaRecommendations, List<DprdApproval> dprdApprovals,
                     List<OfferLetter> offerLetters) {
  }

  private final ApprovalRecords records;
  private final Organisations organisations;

  public ApprovalDetails(ApprovalRecords records, Organisations organisations) {
    this.records = records;
    this.organisations = organisations;
  }

  @Override
  public String name() {
    return "centralApproval";
  }

  @Override
  public View of(Agreement agreement) {
    long id = agreement.id();
    List<SeatRecommendation> recommendations = records.tpoaRecommendations(id).stream()
        .map(r -> new SeatRecommendation(r.round(), r.seat(),
            organisations.find(r.seat()).map(Unit::name).orElse(r.seat()), r.recommendation(), r.notes(),
            r.decidedBy(), r.decidedAt()))
        .toList();
    return new View(records.principlePermit(id).orElse(null), records.principlePermitDecisions(id),
        recommendations, records.dprdApprovals(id), records.offerLetters(id));
  }
}
