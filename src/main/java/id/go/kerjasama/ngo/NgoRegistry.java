package id.go.kerjasama.ngo;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import id.go.kerjasama.platform.security.AuthorizationGrants;
import id.go.kerjasama.platform.security.SystemAccess;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.platform.web.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The NGO register: each NGO a record and a Camunda group of type
 * {@value #GROUP_TYPE} whose members are its staff, with the role grants of
 * an NGO (Tasklist, apply for its permit). Its audit trail is
 * {@code ngo_event}.
 */
@Service
@Transactional
public class NgoRegistry {

  /** The Camunda group type of an NGO's group. */
  public static final String GROUP_TYPE = "NGO";
  /** The sanction process, which the sanction authority starts (its grant: roles/RoleAuthorizations). */
  public static final String SANCTION_PROCESS_KEY = NgoPermitProcess.SANCTION_PROCESS_KEY;
  static final String TASKLIST = "tasklist";

  private final NgoRepository repository;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  NgoRegistry(NgoRepository repository, @Lazy IdentityService identityService,
              @Lazy AuthorizationService authorizationService) {
    this.repository = repository;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  /** Registers an NGO and creates its group; refuses a code already taken. */
  public Ngo register(NewNgo ngo, String by) {
    if (repository.findByGroup(ngo.groupId()).isPresent()
        || identityService.createGroupQuery().groupId(ngo.groupId()).count() > 0) {
      throw new InvalidInputException(List.of("Kode ormas asing '" + ngo.groupId().substring(NewNgo.GROUP_PREFIX.length())
          + "' sudah dipakai"));
    }
    long id = repository.insertNgo(ngo, by);
    SystemAccess.run(identityService, () -> {
      Group group = identityService.newGroup(ngo.groupId());
      group.setName(ngo.name());
      group.setType(GROUP_TYPE);
      identityService.saveGroup(group);
      grantNgo(ngo.groupId());
    });
    repository.insertEvent(id, by, "Ngo_Registered", "Ormas asing didaftarkan", NgoStatus.REGISTERED.name(), null);
    return get(id);
  }

  /** What an NGO's staff may do: Tasklist, read the diagrams and forms, apply for its permits. */
  void grantNgo(String groupId) {
    AuthorizationGrants grants = new AuthorizationGrants(authorizationService);
    grants.grantGroup(groupId, APPLICATION, TASKLIST, ACCESS);
    grants.grantGroup(groupId, PROCESS_DEFINITION, ANY, READ);
    grants.grantGroup(groupId, DECISION_DEFINITION, ANY, READ);
    grants.grantGroup(groupId, USER, ANY, READ);
    grants.grantGroup(groupId, GROUP, groupId, READ);
    grants.grantGroup(groupId, PROCESS_DEFINITION, NgoPermitProcess.PROCESS_KEY, READ, CREATE_INSTANCE);
    grants.grantGroup(groupId, PROCESS_INSTANCE, ANY, CREATE);
  }

  @Transactional(readOnly = true)
  public Ngo get(long id) {
    return repository.findById(id).orElseThrow(() -> new NotFoundException("Ormas asing " + id + " tidak ditemukan"));
  }

  /** The NGO whose group this is, if any. */
  @Transactional(readOnly = true)
  public Optional<Ngo> findByGroup(String groupId) {
    return groupId == null ? Optional.empty() : repository.findByGroup(groupId);
  }

  @Transactional(readOnly = true)
  public List<Ngo> all() {
    return repository.all();
  }

  @Transactional(readOnly = true)
  public List<NgoEvent> events(long ngoId) {
    return repository.events(ngoId);
  }

  /** The ids of the cooperations (agreements) the NGO is a party of, newest first. */
  @Transactional(readOnly = true)
  public List<Long> agreementIds(Ngo ngo) {
    return repository.agreementIds(ngo.groupId());
  }

  public void recordEvent(long ngoId, String actor, String activity, String activityName, String outcome,
                          String notes) {
    repository.insertEvent(ngoId, actor, activity, activityName, outcome, notes);
  }

  void changeStatus(long ngoId, NgoStatus status) {
    repository.updateStatus(ngoId, status);
  }
}
