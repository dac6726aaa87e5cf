package id.go.kerjasama.ngo;

import static id.go.kerjasama.ngo.NgoPermitProcess.GRANTED;

import id.go.kerjasama.platform.engine.TaskEndListener;
import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.platform.notification.Message;
import id.go.kerjasama.platform.notification.NotificationKind;
import id.go.kerjasama.platform.notification.Notifier;
import id.go.kerjasama.platform.security.SystemAccess;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.Phase;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * End listener of UserTask_DecideOperationalPermit (processes/ngo-operational-permit.bpmn):
 * GRANTED makes the requested operational permit active and lets the waiting
 * lifecycle go on ({@value #MESSAGE_GRANTED}); REFUSED (its reason required by
 * the diagram) refuses it: the lifecycle waiting after the first MSP ends the
 * cooperation, one waiting after an extension's MSP ends it on the current term's
 * end date (both through {@value #MESSAGE_REFUSED}, assumptions A35, A51); a
 * lifecycle waiting for neither (started before the extension's wait existed)
 * ends as by a revoked permit ({@value NgoSanctions#MESSAGE_PERMIT_REVOKED}).
 * Either outcome is mailed to the NGO and the Mitra Utama (assumption A38).
 */
@Component
class NgoOperationalPermitDecisionListener extends TaskEndListener {

  /** The lifecycle's messages (lifecycle/LifecycleProcess): the cooperation waits for them after its MSP signing. */
  static final String MESSAGE_GRANTED = "Message_OperationalPermitGranted";
  static final String MESSAGE_REFUSED = "Message_OperationalPermitRefused";

  private final NgoPermits permits;
  private final NgoRegistry registry;
  private final AgreementService agreements;
  private final Notifier notifier;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;

  NgoOperationalPermitDecisionListener(NgoPermits permits, NgoRegistry registry, AgreementService agreements,
                                       Notifier notifier, @Lazy IdentityService identityService,
                                       @Lazy RuntimeService runtimeService) {
    this.permits = permits;
    this.registry = registry;
    this.agreements = agreements;
    this.notifier = notifier;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    long ngoId = ((Number) execution.getVariable(NgoPermitProcess.NGO_ID)).longValue();
    long permitId = ((Number) execution.getVariable(NgoPermitProcess.PERMIT_ID)).longValue();
    long agreementId = ((Number) execution.getVariable(NgoPermitProcess.AGREEMENT_ID)).longValue();
    String ngoGroup = (String) execution.getVariable(NgoPermitProcess.NGO_GROUP);
    boolean granted = GRANTED.equals(TaskOutcome.decision(execution));
    String notes = TaskOutcome.notes(execution);
    String by = CurrentUser.id(identityService);
    Agreement agreement = agreements.get(agreementId);
    String ngoName = registry.findByGroup(ngoGroup).map(Ngo::name).orElse(ngoGroup);
    if (!permits.decideOperationalPermit(permitId, granted, by)) {
      throw new InvalidInputException(List.of("Izin operasional ini tidak lagi menunggu keputusan: kerja sama "
          + agreement.registrationNumber() + " sudah berakhir atau izinnya sudah diputuskan"));
    }
    String key = agreement.registrationNumber();
    if (granted) {
      registry.recordEvent(ngoId, by, "Permit_OperationalGranted", "Izin operasional diberikan", "GRANTED",
          key + (notes == null ? "" : ": " + notes));
      // the lifecycle waiting after the MSP signing goes on to the term and its work plans
      SystemAccess.call(identityService, () -> runtimeService.createMessageCorrelation(MESSAGE_GRANTED)
          .processInstanceBusinessKey(key).correlateAllWithResult().size());
    } else {
      registry.recordEvent(ngoId, by, "Permit_OperationalRefused", "Izin operasional ditolak", "REFUSED",
          key + ": " + notes);
      if (agreement.phase() != Phase.CLOSED) {
        // the lifecycle waiting after the MSP signing (the first or an extension's) records the reason in its
        // timeline; a cooperation waiting for neither ends as a revoked permit does
        int waiting = SystemAccess.call(identityService, () -> runtimeService.createMessageCorrelation(MESSAGE_REFUSED)
            .processInstanceBusinessKey(key)
            .setVariable(NgoSanctions.TERMINATION_REASON, notes)
            .correlateAllWithResult().size());
        if (waiting == 0) {
          SystemAccess.call(identityService, () -> runtimeService
              .createMessageCorrelation(NgoSanctions.MESSAGE_PERMIT_REVOKED)
              .processInstanceBusinessKey(key)
              .setVariable(NgoSanctions.TERMINATION_REASON, "Izin operasional " + ngoName + " ditolak: " + notes)
              .correlateAllWithResult().size());
        }
      }
    }
    Set<String> groups = new LinkedHashSet<>();
    groups.add(ngoGroup);
    if (agreement.partnerMinistry() != null) {
      groups.add(agreement.partnerMinistry());
    }
    groups.add((String) execution.getVariable(NgoPermitProcess.ISSUER_GROUP));
    String subject = "Izin operasional " + ngoName + " " + (granted ? "diberikan" : "ditolak") + ": "
        + agreement.registrationNumber();
    String body = "Izin operasional " + ngoName + " untuk kerja sama " + agreement.registrationNumber() + " ("
        + agreement.title() + ") " + (granted ? "diberikan."
        : agreement.term() > 1 ? "ditolak; perpanjangan tidak berlaku, kerja sama berakhir pada akhir masa berlakunya."
        : "ditolak; kerja sama diakhiri.")
        + (notes == null ? "" : "\nCatatan: " + notes) + "\n";
    notifier.send(new Message(NotificationKind.INFORMATION, subject, body, agreement.registrationNumber(), null,
        "NGO_OPERATIONAL_PERMIT:" + permitId), groups, List.of());
  }
}
