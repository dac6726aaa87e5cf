package id.go.kerjasama.ngo;

import static id.go.kerjasama.ngo.NgoPermitProcess.FIELD_VALID_UNTIL;
import static id.go.kerjasama.ngo.NgoPermitProcess.GRANTED;
import static id.go.kerjasama.ngo.NgoPermitProcess.RENEWAL;

import id.go.kerjasama.platform.engine.TaskEndListener;
import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.platform.time.BusinessClock;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * End listener of UserTask_DecideNgoPermit: a granted first permit becomes
 * the NGO's principle permit (at most {@code max-validity-years} from the
 * decision); a granted renewal extends the permit in force (beyond its
 * current end, at most {@code max-validity-years} after it). A bad date keeps
 * the task open with a message.
 */
@Component
class NgoPermitDecisionListener extends TaskEndListener {

  static final String LABEL = "Izin prinsip berlaku sampai";

  private final NgoPermits permits;
  private final NgoProperties properties;
  private final IdentityService identityService;

  NgoPermitDecisionListener(NgoPermits permits, NgoProperties properties, @Lazy IdentityService identityService) {
    this.permits = permits;
    this.properties = properties;
    this.identityService = identityService;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    if (!GRANTED.equals(TaskOutcome.decision(execution))) {
      execution.removeVariable(FIELD_VALID_UNTIL);
      return;
    }
    long ngoId = ((Number) execution.getVariable(NgoPermitProcess.NGO_ID)).longValue();
    String group = (String) execution.getVariable(NgoPermitProcess.NGO_GROUP);
    boolean renewal = RENEWAL.equals(execution.getVariable(NgoPermitProcess.PERMIT_REQUEST));
    LocalDate today = BusinessClock.today();
    FormValues form = new FormValues(execution.getVariables());
    LocalDate validUntil = form.date(FIELD_VALID_UNTIL, LABEL);
    NgoPermit current = renewal ? permits.principlePermitInForce(group, today).orElse(null) : null;
    if (renewal && current == null) {
      form.problem("Izin prinsip yang akan diperpanjang tidak berlaku lagi (dibekukan, dicabut atau berakhir)");
    }
    if (validUntil != null) {
      LocalDate from = current != null ? current.validUntil() : today;
      LocalDate latest = from.plusYears(properties.maxValidityYears());
      if (!validUntil.isAfter(from)) {
        form.problem(LABEL + " harus sesudah " + from + (renewal ? " (akhir izin yang berlaku)" : " (hari ini)"));
      } else if (validUntil.isAfter(latest)) {
        form.problem("Izin prinsip berlaku paling lama " + properties.maxValidityYears() + " tahun"
            + (renewal ? " setelah akhir izin yang berlaku" : " sejak tanggal keputusan") + ": paling lambat "
            + latest + ", bukan " + validUntil);
      }
    }
    form.throwIfInvalid();
    String by = CurrentUser.id(identityService);
    if (renewal) {
      permits.extendPrinciplePermit(ngoId, validUntil, by, TaskOutcome.notes(execution));
    } else {
      permits.grantPrinciplePermit(group, null, today, validUntil, by, TaskOutcome.notes(execution));
    }
    execution.removeVariable(FIELD_VALID_UNTIL);
  }
}
