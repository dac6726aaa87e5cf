package id.go.kerjasama.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.ProcessTestSupport;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;

/**
 * Grants on new resources inside a batch: held back until the batch ends,
 * then written (one per group, permissions merged, a later ordinary grant on
 * the same resource joining them); a batch that fails writes nothing.
 */
@ProcessTest
class AuthorizationGrantsBatchProcessTest extends ProcessTestSupport {

  @Test
  void grantsOnNewResourcesAreWrittenWhenTheBatchEnds() {
    AuthorizationService authorizations = processEngine.getAuthorizationService();
    AuthorizationGrants grants = new AuthorizationGrants(authorizations);
    String instance = "batch-instance-9601";

    int pending = AuthorizationGrants.batched(processEngine, () -> {
      grants.grantGroupsOnNewResource(List.of("province-96", "regency-9601"), Resources.PROCESS_INSTANCE, instance,
          Permissions.READ);
      grants.grantGroupsOnNewResource(List.of("province-96"), Resources.PROCESS_INSTANCE, instance,
          Permissions.READ);
      // an ordinary grant on a resource of the batch joins the batch's grant
      grants.grantGroup("province-96", Resources.PROCESS_INSTANCE, instance, Permissions.UPDATE);
      assertThat(grantsOn(instance)).as("nothing written before the batch ends").isEmpty();
      return AuthorizationGrants.pendingInBatch();
    });

    assertThat(pending).isEqualTo(2);
    List<Authorization> written = grantsOn(instance);
    assertThat(written).extracting(Authorization::getGroupId)
        .containsExactlyInAnyOrder("province-96", "regency-9601");
    Authorization province = written.stream().filter(a -> a.getGroupId().equals("province-96")).findFirst()
        .orElseThrow();
    assertThat(province.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(province.isPermissionGranted(Permissions.UPDATE)).isTrue();
    assertThat(written.stream().filter(a -> a.getGroupId().equals("regency-9601")).findFirst().orElseThrow()
        .isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(AuthorizationGrants.pendingInBatch()).isZero();
  }

  @Test
  void aFailedBatchWritesNothing() {
    AuthorizationService authorizations = processEngine.getAuthorizationService();
    String instance = "batch-instance-9602";
    assertThatThrownBy(() -> AuthorizationGrants.batched(processEngine, () -> {
      new AuthorizationGrants(authorizations).grantGroupsOnNewResource(List.of("province-96"),
          Resources.PROCESS_INSTANCE, instance, Permissions.READ);
      throw new IllegalStateException("baris rusak");
    })).hasMessage("baris rusak");
    assertThat(grantsOn(instance)).isEmpty();
    assertThat(AuthorizationGrants.pendingInBatch()).isZero();
  }

  private List<Authorization> grantsOn(String instance) {
    return processEngine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(instance).list();
  }
}
