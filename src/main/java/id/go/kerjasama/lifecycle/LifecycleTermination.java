package id.go.kerjasama.lifecycle;

import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.ProcessVariables;
import id.go.kerjasama.registry.Status;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A termination message interrupted the running cooperation
 * ({@code Message_PermitRevoked}, {@code Message_EarlyTermination}) or the
 * operational permit it waited for was refused
 * ({@code Message_OperationalPermitRefused}): the
 * registry marks the agreement TERMINATED at once, with the reason the sender
 * gave ({@code terminationReason}, optional) and the sender in the audit trail;
 * close-out follows.
 */
@Component
public class LifecycleTermination {

  public static final String PERMIT_REVOKED = "PERMIT_REVOKED";
  public static final String EARLY_TERMINATION = "EARLY_TERMINATION";
  /** The issuer refused the operational permit the MSP signing requested (Message_OperationalPermitRefused). */
  public static final String OPERATIONAL_PERMIT_REFUSED = "OPERATIONAL_PERMIT_REFUSED";

  private final AgreementService agreementService;
  private final IdentityService identityService;

  public LifecycleTermination(AgreementService agreementService, @Lazy IdentityService identityService) {
    this.agreementService = agreementService;
    this.identityService = identityService;
  }

  public void record(DelegateExecution execution, String cause) {
    long id = ProcessVariables.agreementId(execution);
    Agreement agreement = agreementService.get(id);
    FormValues payload = new FormValues(execution.getVariables());
    String given = payload.optionalText(LifecycleProcess.TERMINATION_REASON, "Alasan pengakhiran", 1500);
    payload.throwIfInvalid();
    String what = switch (cause) {
      case PERMIT_REVOKED -> "Izin dicabut";
      case EARLY_TERMINATION -> "Diakhiri sebelum tanggal berakhir";
      case OPERATIONAL_PERMIT_REFUSED -> "Izin operasional ditolak";
      default -> throw new IllegalArgumentException("Unknown termination cause " + cause);
    };
    String reason = given == null ? what : what + ": " + given;

    agreementService.recordEvent(id, CurrentUser.id(identityService), agreement.phase(),
        execution.getCurrentActivityId(), execution.getCurrentActivityName(), cause, given);
    agreementService.changeStatus(id, Status.TERMINATED, reason);
    execution.setVariable(LifecycleProcess.CLOSING_STATUS, Status.TERMINATED.name());
    execution.setVariable(LifecycleProcess.CLOSING_REASON, reason);
    execution.removeVariable(LifecycleProcess.TERMINATION_REASON);
  }
}
