package id.go.kerjasama.platform.security;

import java.util.Collection;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Idempotent grants: a grant that exists is completed with the missing
 * permissions, never duplicated.
 */
public final class AuthorizationGrants {

  private final AuthorizationService authorizationService;

  public AuthorizationGrants(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  public void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    save(existing, resource, resourceId, permissions, a -> a.setGroupId(groupId));
  }

  public void grantUser(String userId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .userIdIn(userId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    save(existing, resource, resourceId, permissions, a -> a.setUserId(userId));
  }

  /** A global authorization: applies to every user. */
  public void grantEveryone(Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GLOBAL)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    Authorization authorization = existing;
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    save(authorization, resource, resourceId, permissions, a -> { });
  }

  /**
   * Removes {@code permissions} from every grant on {@code resource} held by a
   * user or a group other than the administrators; where a grant lost one,
   * {@code replacement} (if not null) is added instead. Returns the number of
   * grants changed.
   */
  public int revokeFromNonAdministrators(Resource resource, Permission replacement, Permission... permissions) {
    java.util.Map<String, Authorization> holders = new java.util.LinkedHashMap<>();
    for (Permission p : permissions) {
      authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
          .resourceType(resource).hasPermission(p).list().stream()
          .filter(a -> !id.go.kerjasama.platform.identity.Groups.ADMIN.equals(a.getGroupId()))
          .forEach(a -> holders.putIfAbsent(a.getId(), a));
    }
    for (Authorization authorization : holders.values()) {
      for (Permission p : permissions) {
        authorization.removePermission(p);
      }
      if (replacement != null) {
        authorization.addPermission(replacement);
      }
      authorizationService.saveAuthorization(authorization);
    }
    return holders.size();
  }

  public void grantGroups(Collection<String> groupIds, Resource resource, String resourceId, Permission... permissions) {
    groupIds.forEach(g -> grantGroup(g, resource, resourceId, permissions));
  }

  private void save(Authorization existing, Resource resource, String resourceId, Permission[] permissions,
                    java.util.function.Consumer<Authorization> owner) {
    Authorization authorization = existing;
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      owner.accept(authorization);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else {
      boolean missing = false;
      for (Permission p : permissions) {
        missing |= !authorization.isPermissionGranted(p);
      }
      if (!missing) {
        return;
      }
    }
    for (Permission p : permissions) {
      authorization.addPermission(p);
    }
    authorizationService.saveAuthorization(authorization);
  }
}
