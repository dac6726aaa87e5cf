package id.go.kerjasama.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.ProcessTestSupport;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.roles.RoleAuthorizations;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A database from an earlier version keeps the write grants that version
 * made; at start they are taken from everyone but the administrators.
 */
@ProcessTest
class LegacyWriteGrantsProcessTest extends ProcessTestSupport {

  @Autowired
  RoleAuthorizations roleAuthorizations;

  @Test
  void writeGrantsOfEarlierVersionsAreRevokedAndTaskUpdateBecomesTaskWork() {
    AuthorizationService authorizations = processEngine.getAuthorizationService();
    grant("fasker", Resources.PROCESS_DEFINITION, LifecycleProcess.PROCESS_KEY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE);
    grant("tpoa-kemlu", Resources.PROCESS_INSTANCE, "legacy-instance-1", ProcessInstancePermissions.READ,
        ProcessInstancePermissions.UPDATE);
    grant("province-32", Resources.TASK, "legacy-task-1", TaskPermissions.READ, TaskPermissions.UPDATE);
    grant("camunda-admin", Resources.PROCESS_INSTANCE, "legacy-instance-1", ProcessInstancePermissions.ALL);

    assertThat(roleAuthorizations.revokeWritesOfNonAdministrators()).isGreaterThanOrEqualTo(3);

    Authorization fasker = find("fasker", Resources.PROCESS_DEFINITION, LifecycleProcess.PROCESS_KEY);
    assertThat(fasker.isPermissionGranted(ProcessDefinitionPermissions.UPDATE_INSTANCE)).isFalse();
    assertThat(fasker.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)).isTrue();
    Authorization tpoa = find("tpoa-kemlu", Resources.PROCESS_INSTANCE, "legacy-instance-1");
    assertThat(tpoa.isPermissionGranted(ProcessInstancePermissions.UPDATE)).isFalse();
    assertThat(tpoa.isPermissionGranted(ProcessInstancePermissions.READ)).isTrue();
    Authorization task = find("province-32", Resources.TASK, "legacy-task-1");
    assertThat(task.isPermissionGranted(TaskPermissions.UPDATE)).isFalse();
    assertThat(task.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
    assertThat(task.isPermissionGranted(TaskPermissions.READ)).isTrue();
    assertThat(find("camunda-admin", Resources.PROCESS_INSTANCE, "legacy-instance-1")
        .isPermissionGranted(ProcessInstancePermissions.UPDATE)).isTrue();
    // idempotent: nothing left to change
    assertThat(roleAuthorizations.revokeWritesOfNonAdministrators()).isZero();
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
        .hasPermission(ProcessInstancePermissions.UPDATE).list())
        .allMatch(a -> "camunda-admin".equals(a.getGroupId()));
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    new AuthorizationGrants(processEngine.getAuthorizationService()).grantGroup(group, resource, resourceId,
        permissions);
  }

  private Authorization find(String group, Resource resource, String resourceId) {
    return processEngine.getAuthorizationService().createAuthorizationQuery().groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).singleResult();
  }
}
