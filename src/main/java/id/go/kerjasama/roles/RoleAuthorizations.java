package id.go.kerjasama.roles;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.ngo.NgoProperties;
import id.go.kerjasama.ngo.NgoRegistry;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.identity.UnitLevel;
import id.go.kerjasama.platform.security.AuthorizationGrants;
import java.util.Collection;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.stereotype.Component;

/**
 * What each role may do, as Camunda authorizations (docs/roles.md is the
 * human-readable version of this class). Instance-level visibility (a
 * province sees its own cooperation) is granted per agreement by
 * {@code AgreementVisibility}.
 */
@Component
public class RoleAuthorizations {

  private static final String TASKLIST = "tasklist";
  private static final String COCKPIT = "cockpit";

  private final AuthorizationGrants grants;
  private final NgoProperties ngoProperties;

  public RoleAuthorizations(AuthorizationService authorizationService, NgoProperties ngoProperties) {
    this.grants = new AuthorizationGrants(authorizationService);
    this.ngoProperties = ngoProperties;
  }

  /**
   * Grants every unit its role, reading the existing grants once per kind
   * rather than once per unit and grant (514 regencies/cities).
   */
  public void grant(Collection<Unit> units) {
    grants.readingOnce(() -> units.forEach(this::grant));
  }

  public void grant(Unit unit) {
    String group = unit.group();
    // every staff member reads diagrams, forms, user and group names
    grants.grantGroup(group, PROCESS_DEFINITION, ANY, READ);
    grants.grantGroup(group, DECISION_DEFINITION, ANY, READ);
    grants.grantGroup(group, USER, ANY, READ);
    grants.grantGroup(group, GROUP, ANY, READ);

    if (Groups.SUPERVISOR.equals(group)) {
      grantSupervisor(group);
      return;
    }
    grants.grantGroup(group, APPLICATION, TASKLIST, ACCESS);
    if (group.equals(ngoProperties.sanctionGroup())) {
      // the sanction authority starts "Sanksi ormas asing" (docs/processes.md "NGO sanctions")
      grants.grantGroup(group, PROCESS_DEFINITION, NgoRegistry.SANCTION_PROCESS_KEY, READ, CREATE_INSTANCE);
      grants.grantGroup(group, PROCESS_INSTANCE, ANY, CREATE);
    }
    if (Groups.FASKER.equals(group) || Groups.isFaskerDivision(group)) {
      // a division's staff act for Fasker in its kind of cooperation: the same rights
      grantFasker(group);
    } else if (unit.level() == UnitLevel.MINISTRY || unit.isRegion()) {
      grantProposer(group);
    }
  }

  /** Supervisors: read-only Cockpit over every instance; no change anywhere. */
  private void grantSupervisor(String group) {
    grants.grantGroup(group, APPLICATION, COCKPIT, ACCESS);
    grants.grantGroup(group, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
    readEverything(group);
  }

  /**
   * Fasker: the central coordinator sees every cooperation (read-only
   * Cockpit), may register one, and may terminate any: the termination
   * messages are let through by the lifecycle's MessageRights, not by UPDATE
   * (which would also allow modifying, suspending or changing variables).
   */
  private void grantFasker(String group) {
    grants.grantGroup(group, APPLICATION, COCKPIT, ACCESS);
    grants.grantGroup(group, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
    grants.grantGroup(group, PROCESS_DEFINITION, LifecycleProcess.PROCESS_KEY, READ, CREATE_INSTANCE);
    grants.grantGroup(group, PROCESS_INSTANCE, ANY, READ, CREATE);
    readEverything(group);
  }

  /** Ministries, provinces and regencies/cities propose cooperation. */
  private void grantProposer(String group) {
    grants.grantGroup(group, PROCESS_DEFINITION, LifecycleProcess.PROCESS_KEY, READ, CREATE_INSTANCE);
    grants.grantGroup(group, PROCESS_INSTANCE, ANY, CREATE);
  }

  private void readEverything(String group) {
    for (Resource resource : new Resource[] {PROCESS_INSTANCE, TASK, DEPLOYMENT, DECISION_REQUIREMENTS_DEFINITION}) {
      grants.grantGroup(group, resource, ANY, READ);
    }
  }

  /**
   * Takes from everyone but the administrators every right to change a
   * running instance, a definition or a task beyond working on it — rights
   * that earlier versions granted (Fasker's UPDATE_INSTANCE, the TPOA
   * coordinator's UPDATE per foreign-NGO instance, UPDATE on tasks for their
   * candidates) and that a database keeps. Task UPDATE becomes TASK_WORK
   * (claim and complete). Idempotent; returns how many grants it changed.
   */
  public int revokeWritesOfNonAdministrators() {
    int changed = 0;
    changed += grants.revokeFromNonAdministrators(PROCESS_INSTANCE, null,
        ProcessInstancePermissions.UPDATE, ProcessInstancePermissions.DELETE, ProcessInstancePermissions.RETRY_JOB,
        ProcessInstancePermissions.SUSPEND, ProcessInstancePermissions.UPDATE_VARIABLE);
    changed += grants.revokeFromNonAdministrators(PROCESS_DEFINITION, null,
        ProcessDefinitionPermissions.UPDATE, ProcessDefinitionPermissions.DELETE,
        ProcessDefinitionPermissions.UPDATE_TASK, ProcessDefinitionPermissions.UPDATE_INSTANCE,
        ProcessDefinitionPermissions.DELETE_INSTANCE, ProcessDefinitionPermissions.DELETE_HISTORY,
        ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.MIGRATE_INSTANCE,
        ProcessDefinitionPermissions.RETRY_JOB, ProcessDefinitionPermissions.SUSPEND,
        ProcessDefinitionPermissions.SUSPEND_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
        ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE, ProcessDefinitionPermissions.UPDATE_HISTORY);
    changed += grants.revokeFromNonAdministrators(TASK, TaskPermissions.TASK_WORK,
        TaskPermissions.UPDATE, TaskPermissions.DELETE, TaskPermissions.TASK_ASSIGN, TaskPermissions.UPDATE_VARIABLE);
    return changed;
  }

  /** Administrators: everything, in every webapp. */
  public void grantAdministrators() {
    for (Resource resource : org.camunda.bpm.engine.authorization.Resources.values()) {
      grants.grantGroup(Groups.ADMIN, resource, ANY, ALL);
    }
  }
}
