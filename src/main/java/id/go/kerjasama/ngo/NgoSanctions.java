package id.go.kerjasama.ngo;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import id.go.kerjasama.platform.calendar.WorkingDayCalendar;
import id.go.kerjasama.platform.forms.FormLimits;
import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.platform.security.AuthorizationGrants;
import id.go.kerjasama.platform.security.SystemAccess;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.Phase;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_RecordSanction of processes/ngo-sanction.bpmn: the sanction
 * authority's decision, checked (its own group only; the graded order when
 * {@code kerjasama.ngo.graded-sanctions}), recorded and applied: a
 * suspension suspends the NGO's permits, a revocation revokes them and
 * terminates every running cooperation of the NGO (the lifecycle's
 * {@value #MESSAGE_PERMIT_REVOKED}). A bad decision refuses the start with a
 * message; nothing is written.
 */
@Component
public class NgoSanctions implements JavaDelegate {

  /** The lifecycle's message (lifecycle/LifecycleProcess, docs/processes.md "Termination"). */
  static final String MESSAGE_PERMIT_REVOKED = "Message_PermitRevoked";
  static final String TERMINATION_REASON = "terminationReason";

  enum Kind { WARNING_1, WARNING_2, WARNING_3, SUSPENSION, REVOCATION }

  private final FormLimits formLimits;
  private final NgoRegistry registry;
  private final NgoPermits permits;
  private final NgoRepository repository;
  private final NgoProperties properties;
  private final AgreementService agreements;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final RuntimeService runtimeService;
  private final WorkingDayCalendar workingDays;
  private final ProcessEngineConfigurationImpl engineConfiguration;

  NgoSanctions(FormLimits formLimits, NgoRegistry registry, NgoPermits permits, NgoRepository repository, NgoProperties properties,
               AgreementService agreements, @Lazy IdentityService identityService,
               @Lazy AuthorizationService authorizationService, @Lazy RuntimeService runtimeService,
               WorkingDayCalendar workingDays, @Lazy ProcessEngineConfigurationImpl engineConfiguration) {
    this.engineConfiguration = engineConfiguration;
    this.formLimits = formLimits;
    this.workingDays = workingDays;
    this.registry = registry;
    this.permits = permits;
    this.repository = repository;
    this.properties = properties;
    this.agreements = agreements;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    decide(execution);
  }

  void decide(DelegateExecution execution) {
    FormValues form = new FormValues(execution.getVariables(), formLimits.ofStartForm(execution));
    String group = form.text(NgoPermitProcess.FIELD_NGO, "Ormas asing");
    Kind kind = form.choice(NgoPermitProcess.FIELD_KIND, "Jenis sanksi", Kind.class);
    String reason = form.text(NgoPermitProcess.FIELD_REASON, "Alasan sanksi");
    form.throwIfInvalid();
    Authentication user = identityService.getCurrentAuthentication();
    if (user != null && (user.getGroupIds() == null || !user.getGroupIds().contains(properties.sanctionGroup()))) {
      form.problem("Sanksi diputuskan oleh " + properties.sanctionGroup() + ", bukan oleh Anda");
    }
    Optional<Ngo> found = registry.findByGroup(group);
    if (found.isEmpty()) {
      form.problem("Ormas asing '" + group + "' tidak terdaftar");
    }
    form.throwIfInvalid();
    Ngo ngo = found.get();
    LocalDate today = BusinessClock.today();
    LocalDate suspendedUntil = null;
    if (ngo.status() == NgoStatus.REVOKED) {
      form.problem("Izin " + ngo.name() + " sudah dicabut");
    }
    if (kind == Kind.SUSPENSION) {
      suspendedUntil = form.date(NgoPermitProcess.FIELD_SUSPENDED_UNTIL, "Dibekukan sampai");
      LocalDate latest = today.plusDays(properties.suspensionMaxDays());
      if (suspendedUntil != null && (!suspendedUntil.isAfter(today) || suspendedUntil.isAfter(latest))) {
        form.problem("Pembekuan sementara harus berakhir sesudah hari ini dan paling lambat " + latest
            + " (" + properties.suspensionMaxDays() + " hari)");
      }
      if (ngo.status() == NgoStatus.SUSPENDED) {
        form.problem(ngo.name() + " sudah dibekukan sementara");
      }
    }
    if (properties.gradedSanctions()) {
      List<String> earlier = repository.sanctions(ngo.id()).stream().map(NgoSanction::kind).toList();
      int warnings = properties.warningCount();
      String lastWarning = "WARNING_" + Math.max(1, Math.min(3, warnings));
      if (kind.ordinal() < Kind.SUSPENSION.ordinal() && kind.ordinal() >= warnings) {
        form.problem("Peringatan tertulis diberikan " + warnings + " kali saja (kerjasama.ngo.warning-count); "
            + "sesudahnya pembekuan sementara");
      }
      String needed = switch (kind) {
        case WARNING_1 -> null;
        case WARNING_2 -> earlier.contains("WARNING_1") ? null : "peringatan tertulis pertama";
        case WARNING_3 -> earlier.contains("WARNING_2") ? null : "peringatan tertulis kedua";
        case SUSPENSION -> earlier.contains(lastWarning) ? null : label(Kind.valueOf(lastWarning)).toLowerCase();
        case REVOCATION -> earlier.contains("SUSPENSION") ? null : "pembekuan sementara";
      };
      if (needed != null) {
        form.problem("Sanksi bertahap: " + label(kind) + " hanya sesudah " + needed + " (docs/processes.md "
            + "\"NGO sanctions\")");
      }
    }
    form.throwIfInvalid();

    String by = CurrentUser.id(identityService);
    LocalDate respondBy = kind == Kind.REVOCATION ? null : LocalDate.ofInstant(
        workingDays.dueIn(properties.responseWorkingDays()).toInstant(), BusinessClock.ZONE);
    long id = repository.insertSanction(ngo.id(), kind.name(), reason, today, respondBy, suspendedUntil, by,
        kind == Kind.REVOCATION ? "IN_FORCE" : "OPEN");
    registry.recordEvent(ngo.id(), by, "Sanction_" + kind.name(), label(kind), kind.name(),
        reason + (suspendedUntil == null ? "" : " (dibekukan sampai " + suspendedUntil + ")")
            + (respondBy == null ? "" : "; tanggapan paling lambat " + respondBy));
    if (kind == Kind.SUSPENSION) {
      registry.changeStatus(ngo.id(), NgoStatus.SUSPENDED);
      permits.changeState(ngo.id(), NgoPermit.ACTIVE, NgoPermit.SUSPENDED);
      pauseCooperations(ngo, by, true);
    } else if (kind == Kind.REVOCATION) {
      registry.changeStatus(ngo.id(), NgoStatus.REVOKED);
      permits.changeState(ngo.id(), NgoPermit.ACTIVE, NgoPermit.REVOKED);
      permits.changeState(ngo.id(), NgoPermit.SUSPENDED, NgoPermit.REVOKED);
      permits.changeState(ngo.id(), NgoPermit.REQUESTED, NgoPermit.REVOKED);
      // a suspended instance takes no message: resume them so that each takes the permit-revoked path
      pauseCooperations(ngo, by, false);
      terminateCooperations(ngo, reason, by);
      endEarlierSanctions(ngo, execution.getProcessInstanceId(), by);
    }
    execution.setVariable(NgoPermitProcess.NGO_ID, ngo.id());
    execution.setVariable(NgoPermitProcess.NGO_GROUP, ngo.groupId());
    execution.setVariable(NgoPermitProcess.SANCTION_ID, id);
    execution.setVariable(NgoPermitProcess.SANCTION_KIND, kind.name());
    for (String field : List.of(NgoPermitProcess.FIELD_NGO, NgoPermitProcess.FIELD_KIND, NgoPermitProcess.FIELD_REASON,
        NgoPermitProcess.FIELD_SUSPENDED_UNTIL)) {
      execution.removeVariable(field);
    }
    String instanceId = execution.getProcessInstanceId();
    SystemAccess.run(identityService, () -> new AuthorizationGrants(authorizationService)
        .grantGroups(List.of(ngo.groupId()), Resources.PROCESS_INSTANCE, instanceId, READ));
  }

  /**
   * A suspension pauses every running cooperation of the NGO: each process instance of the agreement (the
   * lifecycle and the phase it is in, all with the registration number as business key) is suspended, so no
   * task can be worked and no timer fires until the suspension is lifted ({@code pause} false: resumed).
   * {@code kerjasama.ngo.suspension-pauses-cooperations} (assumption A31).
   */
  private void pauseCooperations(Ngo ngo, String by, boolean pause) {
    if (!properties.suspensionPausesCooperations()) {
      return;
    }
    for (long agreementId : registry.agreementIds(ngo)) {
      Agreement agreement = agreements.get(agreementId);
      if (agreement.phase() == Phase.CLOSED) {
        continue;
      }
      String key = agreement.registrationNumber();
      long instances = SystemAccess.call(identityService, () -> {
        var query = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key);
        long count = pause ? query.active().count() : query.suspended().count();
        if (count > 0) {
          Command<Void> change = context -> {
            var state = runtimeService.updateProcessInstanceSuspensionState()
                .byProcessInstanceQuery(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key));
            if (pause) {
              state.suspend();
            } else {
              state.activate();
            }
            return null;
          };
          // resumed in a transaction of its own: a revocation's termination message, which follows in this one,
          // finds only instances the database already holds as active
          (pause ? engineConfiguration.getCommandExecutorTxRequired()
              : engineConfiguration.getCommandExecutorTxRequiresNew()).execute(change);
        }
        return count;
      });
      if (instances > 0) {
        registry.recordEvent(ngo.id(), by, pause ? "Sanction_PauseCooperation" : "Sanction_ResumeCooperation",
            pause ? "Kerja sama dihentikan sementara karena izin dibekukan" : "Kerja sama dilanjutkan",
            pause ? "SUSPENDED" : "RESUMED", key);
        agreements.recordEvent(agreementId, by, agreement.phase(),
            pause ? "Sanction_PauseCooperation" : "Sanction_ResumeCooperation",
            pause ? "Kerja sama dihentikan sementara: izin " + ngo.name() + " dibekukan" : "Kerja sama dilanjutkan",
            pause ? "SUSPENDED" : "RESUMED", null);
      }
    }
  }

  /** Every cooperation of the NGO that still runs ends: its lifecycle takes the permit-revoked path. */
  private void terminateCooperations(Ngo ngo, String reason, String by) {
    for (long agreementId : registry.agreementIds(ngo)) {
      Agreement agreement = agreements.get(agreementId);
      if (agreement.phase() == Phase.CLOSED) {
        continue;
      }
      int correlated = SystemAccess.call(identityService, () -> runtimeService
          .createMessageCorrelation(MESSAGE_PERMIT_REVOKED)
          .processInstanceBusinessKey(agreement.registrationNumber())
          .setVariable(TERMINATION_REASON, "Izin " + ngo.name() + " dicabut: " + reason)
          .correlateAllWithResult().size());
      registry.recordEvent(ngo.id(), by, "Sanction_TerminateCooperation", "Kerja sama diakhiri karena izin dicabut",
          correlated > 0 ? "TERMINATED" : "NOT_RUNNING", agreement.registrationNumber());
      // an operational permit still awaiting its decision was revoked with the rest: nothing left to decide
      SystemAccess.call(identityService, () -> {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(NgoPermitProcess.OPERATIONAL_PROCESS_KEY)
            .processInstanceBusinessKey(agreement.registrationNumber()).list()
            .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "Izin " + ngo.name() + " dicabut"));
        return null;
      });
    }
  }

  /**
   * A revocation supersedes every earlier sanction of the NGO still running: an upheld suspension waiting for
   * its end day (its timer would otherwise fire later), a warning or suspension still awaiting the response or
   * the authority's follow-up (whose LIFTED would otherwise make a revoked NGO licensed again). Each such
   * sanction process ends without its listeners; the sanction record becomes SUPERSEDED, and the NGO's
   * timeline records {@code Sanction_Superseded} (docs/processes.md "NGO sanctions", assumption A50).
   */
  private void endEarlierSanctions(Ngo ngo, String revocationInstanceId, String by) {
    SystemAccess.call(identityService, () -> {
      runtimeService.createProcessInstanceQuery().processDefinitionKey(NgoPermitProcess.SANCTION_PROCESS_KEY)
          .variableValueEquals(NgoPermitProcess.NGO_ID, ngo.id()).list().stream()
          .filter(pi -> !pi.getId().equals(revocationInstanceId))
          .forEach(pi -> {
            Object sanctionId = runtimeService.getVariable(pi.getId(), NgoPermitProcess.SANCTION_ID);
            runtimeService.deleteProcessInstance(pi.getId(), "Izin " + ngo.name() + " dicabut", true);
            if (sanctionId instanceof Number id) {
              repository.updateSanction(id.longValue(), "SUPERSEDED", null);
            }
            registry.recordEvent(ngo.id(), by, "Sanction_Superseded", "Sanksi sebelumnya berakhir karena izin dicabut",
                "SUPERSEDED", "Sanksi #" + sanctionId + " tidak ditindaklanjuti lagi");
          });
      return null;
    });
  }

  /** When the NGO must have responded: the sanction's respond-by day, at office closing. */
  public Date respondBy(DelegateExecution execution) {
    long sanctionId = ((Number) execution.getVariable(NgoPermitProcess.SANCTION_ID)).longValue();
    long ngoId = ((Number) execution.getVariable(NgoPermitProcess.NGO_ID)).longValue();
    LocalDate day = repository.sanctions(ngoId).stream().filter(s -> s.id() == sanctionId).findFirst()
        .map(NgoSanction::respondBy).orElse(BusinessClock.today());
    return Date.from(day.atTime(LocalTime.of(16, 0)).atZone(BusinessClock.ZONE).toInstant());
  }

  /**
   * When an upheld suspension ends by itself (TimerEvent_SuspensionEnds): 00:00 WIB of its
   * <i>dibekukan sampai</i> day, from which the NGO may work again (assumption A36).
   */
  public Date suspensionEnds(DelegateExecution execution) {
    LocalDate until = sanction(execution).suspendedUntil();
    return Date.from(until.atStartOfDay(BusinessClock.ZONE).toInstant());
  }

  /**
   * ServiceTask_EndSuspension: the upheld suspension has run its course. The
   * NGO's suspended permits become active again, the NGO LICENSED, its paused
   * cooperations resume where they stood (A31), and the sanction is ENDED; the
   * NGO's and each cooperation's timeline record it. Nothing changes when the
   * NGO is no longer suspended (revoked meanwhile).
   */
  public void endSuspension(DelegateExecution execution) {
    NgoSanction sanction = sanction(execution);
    Ngo ngo = registry.get(sanction.ngoId());
    if (ngo.status() != NgoStatus.SUSPENDED || !"IN_FORCE".equals(sanction.state())) {
      registry.recordEvent(ngo.id(), null, "Sanction_SuspensionEnded", "Pembekuan izin berakhir", "NOT_SUSPENDED",
          "Tanggal dibekukan sampai " + sanction.suspendedUntil() + " tercapai; " + ngo.name() + " tidak lagi dibekukan");
      return;
    }
    repository.updateSanction(sanction.id(), "ENDED", null);
    permits.changeState(ngo.id(), NgoPermit.SUSPENDED, NgoPermit.ACTIVE);
    registry.changeStatus(ngo.id(), NgoStatus.LICENSED);
    registry.recordEvent(ngo.id(), null, "Sanction_SuspensionEnded", "Pembekuan izin berakhir", "ENDED",
        "Pembekuan sampai " + sanction.suspendedUntil() + " berakhir dengan sendirinya; izin berlaku kembali");
    pauseCooperations(ngo, null, false);
  }

  private NgoSanction sanction(DelegateExecution execution) {
    long ngoId = ((Number) execution.getVariable(NgoPermitProcess.NGO_ID)).longValue();
    long sanctionId = sanctionId(execution);
    return repository.sanctions(ngoId).stream().filter(s -> s.id() == sanctionId).findFirst()
        .orElseThrow(() -> new IllegalStateException("No sanction " + sanctionId));
  }

  /** The NGO's response (UserTask_RespondToSanction). */
  void respond(DelegateExecution execution, String response) {
    repository.updateSanction(sanctionId(execution), "RESPONDED", response);
  }

  /** The authority's follow-up (UserTask_ConcludeSanction): LIFTED lifts a suspension, UPHELD keeps it. */
  void conclude(DelegateExecution execution, String decision) {
    long ngoId = ((Number) execution.getVariable(NgoPermitProcess.NGO_ID)).longValue();
    boolean lifted = "LIFTED".equals(decision);
    repository.updateSanction(sanctionId(execution), lifted ? "LIFTED" : "IN_FORCE", null);
    if (lifted && Kind.SUSPENSION.name().equals(execution.getVariable(NgoPermitProcess.SANCTION_KIND))) {
      permits.changeState(ngoId, NgoPermit.SUSPENDED, NgoPermit.ACTIVE);
      registry.changeStatus(ngoId, NgoStatus.LICENSED);
      pauseCooperations(registry.get(ngoId), CurrentUser.id(identityService), false);
    }
  }

  private static long sanctionId(DelegateExecution execution) {
    return ((Number) execution.getVariable(NgoPermitProcess.SANCTION_ID)).longValue();
  }

  static String label(Kind kind) {
    return switch (kind) {
      case WARNING_1 -> "Peringatan tertulis pertama";
      case WARNING_2 -> "Peringatan tertulis kedua";
      case WARNING_3 -> "Peringatan tertulis ketiga";
      case SUSPENSION -> "Pembekuan izin sementara";
      case REVOCATION -> "Pencabutan izin";
    };
  }
}
