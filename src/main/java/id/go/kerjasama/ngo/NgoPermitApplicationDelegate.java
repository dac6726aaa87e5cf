package id.go.kerjasama.ngo;

import static id.go.kerjasama.ngo.NgoPermitProcess.FIELD_NGO;
import static id.go.kerjasama.ngo.NgoPermitProcess.FIELD_REQUEST;
import static id.go.kerjasama.ngo.NgoPermitProcess.NEW;
import static id.go.kerjasama.ngo.NgoPermitProcess.RENEWAL;
import static org.camunda.bpm.engine.authorization.Permissions.READ;

import id.go.kerjasama.platform.forms.FormLimits;
import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.security.AuthorizationGrants;
import id.go.kerjasama.platform.security.SystemAccess;
import id.go.kerjasama.platform.time.BusinessClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_RegisterApplication of processes/ngo-permit.bpmn: checks the
 * NGO's application (its own NGO only; a first permit only without one in
 * force; a renewal only for a permit in force and at least
 * {@code kerjasama.ngo.renewal-lead-months} before it expires), records it in
 * the NGO's audit trail and lets the NGO's staff follow the instance. A bad
 * application refuses the start with a message; nothing is written.
 */
@Component
public class NgoPermitApplicationDelegate implements JavaDelegate {

  private final FormLimits formLimits;
  private final NgoRegistry registry;
  private final NgoPermits permits;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  NgoPermitApplicationDelegate(FormLimits formLimits, NgoRegistry registry, NgoPermits permits, @Lazy IdentityService identityService,
                       @Lazy AuthorizationService authorizationService) {
    this.formLimits = formLimits;
    this.registry = registry;
    this.permits = permits;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register(execution);
  }

  void register(DelegateExecution execution) {
    FormValues form = new FormValues(execution.getVariables(), formLimits.ofStartForm(execution));
    String group = form.text(FIELD_NGO, "Ormas asing");
    String request = form.text(FIELD_REQUEST, "Jenis permohonan");
    form.throwIfInvalid();
    Optional<Ngo> found = registry.findByGroup(group);
    Authentication user = identityService.getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (found.isEmpty() || user != null && !groups.contains(group) && !groups.contains(Groups.FASKER)) {
      form.problem("Anda bukan staf ormas asing '" + group + "'; permohonan diajukan oleh ormas itu sendiri");
      form.throwIfInvalid();
    }
    Ngo ngo = found.get();
    LocalDate today = BusinessClock.today();
    Optional<NgoPermit> inForce = permits.principlePermitInForce(group, today);
    if (ngo.status() == NgoStatus.REVOKED || ngo.status() == NgoStatus.SUSPENDED) {
      form.problem(ngo.name() + " berstatus '" + ngo.status().label() + "': permohonan izin tidak dapat diajukan");
    } else if (NEW.equals(request)) {
      inForce.ifPresent(p -> form.problem(ngo.name() + " sudah memiliki izin prinsip yang berlaku sampai "
          + p.validUntil() + "; kerja sama baru memakai izin itu, atau ajukan perpanjangan"));
    } else if (RENEWAL.equals(request)) {
      if (inForce.isEmpty()) {
        form.problem(ngo.name() + " tidak memiliki izin prinsip yang berlaku; ajukan izin prinsip baru");
      } else {
        LocalDate deadline = permits.renewalDeadline(inForce.get().validUntil());
        if (today.isAfter(deadline)) {
          form.problem("Perpanjangan izin prinsip diajukan paling lambat " + deadline + " (izin berlaku sampai "
              + inForce.get().validUntil() + "); sudah terlambat, ajukan izin prinsip baru setelah izin berakhir");
        }
      }
    } else {
      form.problem("Jenis permohonan: pilihan '" + request + "' tidak dikenal (NEW atau RENEWAL)");
    }
    form.throwIfInvalid();

    execution.setVariable(NgoPermitProcess.NGO_ID, ngo.id());
    execution.setVariable(NgoPermitProcess.NGO_GROUP, ngo.groupId());
    execution.setVariable(NgoPermitProcess.PERMIT_REQUEST, request);
    execution.removeVariable(FIELD_NGO);
    execution.removeVariable(FIELD_REQUEST);
    String instanceId = execution.getProcessInstanceId();
    SystemAccess.run(identityService, () -> new AuthorizationGrants(authorizationService)
        .grantGroups(List.of(ngo.groupId()), Resources.PROCESS_INSTANCE, instanceId, READ));
    registry.recordEvent(ngo.id(), CurrentUser.id(identityService), "StartEvent_PermitApplied",
        RENEWAL.equals(request) ? "Perpanjangan izin prinsip diajukan" : "Izin prinsip diajukan", "SUBMITTED",
        execution.getVariable("notes") == null ? null : execution.getVariable("notes").toString());
    execution.removeVariable("notes");
  }
}
