package id.go.kerjasama.approval;

import static id.go.kerjasama.approval.ApprovalProcess.APPROVED;
import static id.go.kerjasama.approval.ApprovalProcess.DECLINED;
import static id.go.kerjasama.approval.ApprovalProcess.LAPSED;
import static id.go.kerjasama.approval.ApprovalProcess.NOT_SUPPORTED;
import static id.go.kerjasama.approval.ApprovalProcess.OBJECTION;
import static id.go.kerjasama.approval.ApprovalProcess.REFUSED;
import static id.go.kerjasama.approval.ApprovalProcess.RETURNED;

import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.AuditTrail;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.ProcessVariables;
import id.go.kerjasama.registry.Status;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The end of the central approval, from the diagram's last service tasks
 * ({@code ${approvalOutcomes.record(execution, 'REFUSED')}}): sets
 * {@code approvalOutcome} for the lifecycle, the registry's status and the
 * reason people read in {@code GET /api/agreements/{id}} (status_reason), and
 * an entry in the audit trail. The reason is built from the decision that
 * led here, as recorded in the audit trail and the approval records.
 */
@Component
public class ApprovalOutcomes {

  /** status_reason holds at most this many characters. */
  static final int MAX_REASON = 2000;

  private final AgreementService agreementService;
  private final ApprovalRecords records;
  private final Organisations organisations;
  private final HistoryService historyService;
  private final ApprovalPrinciplePermits principlePermits;

  public ApprovalOutcomes(AgreementService agreementService, ApprovalRecords records, Organisations organisations,
                          @Lazy HistoryService historyService, ApprovalPrinciplePermits principlePermits) {
    this.principlePermits = principlePermits;
    this.agreementService = agreementService;
    this.records = records;
    this.organisations = organisations;
    this.historyService = historyService;
  }

  public void record(DelegateExecution execution, String outcome) {
    long id = Actor.agreementId(execution);
    String reason = switch (outcome) {
      case APPROVED -> null;
      case REFUSED -> refusalReason(id);
      case LAPSED -> lapseReason(execution, id);
      default -> throw new IllegalArgumentException("Unknown approval outcome " + outcome);
    };
    execution.setVariable(ApprovalProcess.APPROVAL_OUTCOME, outcome);
    // an extension's repeated route (the lifecycle passes the running term): the agreement stays in force
    boolean extension = execution.getVariable(ProcessVariables.TERM) != null;
    if (!extension) {
      agreementService.changeStatus(id, Status.valueOf(outcome), reason);
    }
    String eventNotes = APPROVED.equals(outcome) ? approvalNote(id) : reason;
    agreementService.recordEvent(id, null, Phase.CENTRAL_APPROVAL, execution.getCurrentActivityId(),
        execution.getCurrentActivityName(), outcome, eventNotes);
  }

  private String approvalNote(long id) {
    return principlePermits.validUntil(id)
        .map(validUntil -> "Izin prinsip berlaku sampai " + validUntil)
        .orElse(null);
  }

  /** The refusing decision: the last REFUSED or OBJECTION of this phase in the audit trail. */
  String refusalReason(long id) {
    Optional<AgreementEvent> refusal = lastOf(id, Set.of(REFUSED, OBJECTION, NOT_SUPPORTED, DECLINED));
    if (refusal.isEmpty()) {
      return "Usulan ditolak pada persetujuan pusat";
    }
    AgreementEvent event = refusal.get();
    // the reason is the decision's notes; the reviewer's checklist stays in the timeline
    String decisionNotes = event.notes() == null ? null
        : event.notes().contains(AuditTrail.CHECKLIST_PREFIX)
        ? event.notes().substring(0, event.notes().indexOf(AuditTrail.CHECKLIST_PREFIX)).strip() : event.notes();
    String notes = decisionNotes == null || decisionNotes.isEmpty() ? "" : ": " + decisionNotes;
    String reason = switch (event.activity()) {
      case ApprovalProcess.TASK_RECOMMEND_PERMIT -> {
        List<TpoaRecommendation> objections = records.tpoaRecommendations(id).stream()
            .filter(r -> OBJECTION.equals(r.recommendation())).toList();
        String seat = objections.isEmpty() ? "TPOA" : nameOf(objections.get(objections.size() - 1).seat());
        yield "Keberatan anggota TPOA (" + seat + ")" + notes;
      }
      case ApprovalProcess.TASK_DECIDE_PRINCIPLE_PERMIT -> "Izin prinsip ditolak oleh koordinator TPOA" + notes;
      case ApprovalProcess.TASK_CONSULT_KEMLU -> "Kementerian Luar Negeri tidak mendukung kerja sama" + notes;
      case ApprovalProcess.TASK_REVIEW_BY_FASKER -> "Tidak lolos verifikasi Kemendagri (Fasker)" + notes;
      case ApprovalProcess.TASK_RECORD_MINISTER_APPROVAL -> "Menteri Dalam Negeri tidak memberikan persetujuan" + notes;
      case ApprovalProcess.TASK_ANSWER_OFFER_PARTNER -> "Daerah mitra tidak menerima penawaran kerja sama" + notes;
      case ApprovalProcess.TASK_RECORD_OFFER_ANSWER -> "Pihak ketiga tidak menerima penawaran kerja sama" + notes;
      case ApprovalProcess.TASK_REVIEW_BY_TKKSD -> "Tidak disetujui Tim Koordinasi Kerja Sama Daerah (TKKSD)" + notes;
      case ApprovalProcess.TASK_RECORD_PARTNER_DPRD_APPROVAL -> {
        List<DprdApproval> dprd = records.dprdApprovals(id);
        String letter = dprd.isEmpty() ? "" : " (surat nomor " + dprd.get(dprd.size() - 1).letterNumber()
            + " tanggal " + dprd.get(dprd.size() - 1).letterDate() + ")";
        yield "DPRD daerah mitra tidak menyetujui kerja sama" + letter + notes;
      }
      case ApprovalProcess.TASK_RECORD_DPRD_APPROVAL -> {
        List<DprdApproval> dprd = records.dprdApprovals(id);
        String letter = dprd.isEmpty() ? "" : " (surat nomor " + dprd.get(dprd.size() - 1).letterNumber()
            + " tanggal " + dprd.get(dprd.size() - 1).letterDate() + ")";
        yield "DPRD tidak menyetujui kerja sama" + letter + notes;
      }
      default -> "Ditolak pada tahap \"" + event.activityName() + "\"" + notes;
    };
    return truncate(reason);
  }

  /** Which revision was not delivered, and by when it was due. */
  String lapseReason(DelegateExecution execution, long id) {
    List<HistoricTaskInstance> revisions = historyService.createHistoricTaskInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(ApprovalProcess.TASK_REVISE_PROPOSAL)
        .orderByHistoricActivityInstanceStartTime().desc()
        .list();
    String due = revisions.isEmpty() || revisions.get(0).getDueDate() == null ? ""
        : " sampai batas waktu " + LocalDate.ofInstant(revisions.get(0).getDueDate().toInstant(), BusinessClock.ZONE);
    String returnedAt = lastOf(id, Set.of(RETURNED, DECLINED))
        .map(e -> " (dikembalikan pada tahap \"" + e.activityName() + "\")")
        .orElse("");
    return truncate("Usulan gugur: perbaikan tidak disampaikan" + due + returnedAt);
  }

  private Optional<AgreementEvent> lastOf(long id, Set<String> outcomes) {
    List<AgreementEvent> matching = agreementService.events(id).stream()
        .filter(e -> e.phase() == Phase.CENTRAL_APPROVAL && outcomes.contains(e.outcome()))
        .toList();
    return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
  }

  private String nameOf(String group) {
    return organisations.find(group).map(Unit::name).orElse(group);
  }

  private static String truncate(String reason) {
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
  }
}
