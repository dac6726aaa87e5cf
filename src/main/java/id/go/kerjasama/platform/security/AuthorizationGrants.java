package id.go.kerjasama.platform.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Idempotent grants: a grant that exists is completed with the missing
 * permissions, never duplicated.
 */
public final class AuthorizationGrants {

  /**
   * Inside {@link #batched}: the grants on resources created in the batch, "type\u0000id\u0000group" →
   * the pending grant, written together when the batch ends; {@code null} outside.
   */
  private static final ThreadLocal<Map<String, Pending>> BATCH = new ThreadLocal<>();

  private final AuthorizationService authorizationService;
  /**
   * Inside {@link #readingOnce}: the groups' grants per resource type and id
   * ("type:id" → group → grant), each read with one query when first needed;
   * {@code null} outside.
   */
  private Map<String, Map<String, Authorization>> groupGrants;
  /** Inside {@link #readingOnce}: "type:id:group" of the grants saved since they were read. */
  private Set<String> savedSinceRead;

  public AuthorizationGrants(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /**
   * Runs {@code work}, in which {@link #grantGroup} reads the existing grants
   * of each resource type and id once, for all groups, instead of once per
   * group: seeding hundreds of groups (every regency/city) then costs a few
   * queries, not thousands. The grants created are the same. Only while
   * nobody else changes these grants (start-up); not for concurrent use.
   */
  public synchronized void readingOnce(Runnable work) {
    groupGrants = new HashMap<>();
    savedSinceRead = new HashSet<>();
    try {
      work.run();
    } finally {
      groupGrants = null;
      savedSinceRead = null;
    }
  }

  public void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Map<String, Pending> batch = BATCH.get();
    if (batch != null && batch.keySet().stream().anyMatch(k -> k.startsWith(batchKey(resource, resourceId, "")))) {
      // a resource created in this batch: its grants are the batch's, not yet in the database
      grantGroupsOnNewResource(java.util.List.of(groupId), resource, resourceId, permissions);
      return;
    }
    String key = resource.resourceType() + ":" + resourceId;
    if (groupGrants != null && !savedSinceRead.contains(key + ":" + groupId)) {
      Authorization existing = groupGrants.computeIfAbsent(key, k -> readGroupGrants(resource, resourceId)).get(groupId);
      if (save(existing, resource, resourceId, permissions, a -> a.setGroupId(groupId))) {
        // granted again in this run (Fasker: READ, then more on the same resource): read from the database
        savedSinceRead.add(key + ":" + groupId);
      }
      return;
    }
    Authorization existing = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    save(existing, resource, resourceId, permissions, a -> a.setGroupId(groupId));
  }

  /** Every group's grant on one resource type and id (at most one per group: the database keeps them unique). */
  private Map<String, Authorization> readGroupGrants(Resource resource, String resourceId) {
    Map<String, Authorization> byGroup = new HashMap<>();
    for (Authorization authorization : authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .resourceType(resource)
        .resourceId(resourceId)
        .list()) {
      if (authorization.getGroupId() != null) {
        byGroup.put(authorization.getGroupId(), authorization);
      }
    }
    return byGroup;
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

  /**
   * Grants on a resource created in the current transaction (a process instance that is starting): nobody can
   * have granted anything on it yet but this transaction, so nothing is read. Inside {@link #batched} the grants
   * are written when the batch ends, all in one engine command; outside, at once, like {@link #grantGroups}.
   */
  public void grantGroupsOnNewResource(Collection<String> groupIds, Resource resource, String resourceId,
                                       Permission... permissions) {
    Map<String, Pending> batch = BATCH.get();
    if (batch == null) {
      grantGroups(groupIds, resource, resourceId, permissions);
      return;
    }
    for (String groupId : groupIds) {
      batch.computeIfAbsent(batchKey(resource, resourceId, groupId),
              k -> new Pending(groupId, resource, resourceId, new LinkedHashSet<>()))
          .permissions().addAll(java.util.List.of(permissions));
    }
  }

  /**
   * Runs {@code work} (inside the caller's transaction) with the grants on new resources held back, then writes
   * them in one engine command: one flush of all their rows instead of a read and a write per group and
   * resource (the legacy import grants every imported instance to its groups; docs/performance.md, run 7).
   * Nested batches join the outer one. Not shared between threads.
   */
  public static <T> T batched(ProcessEngine engine, Supplier<T> work) {
    if (BATCH.get() != null) {
      return work.get();
    }
    Map<String, Pending> batch = new LinkedHashMap<>();
    BATCH.set(batch);
    T result;
    try {
      result = work.get();
    } finally {
      BATCH.remove();
    }
    if (!batch.isEmpty()) {
      write((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(), batch.values());
    }
    return result;
  }

  /** The grants held back in the current batch (for tests). */
  static int pendingInBatch() {
    Map<String, Pending> batch = BATCH.get();
    return batch == null ? 0 : batch.size();
  }

  private static void write(ProcessEngineConfigurationImpl configuration, Collection<Pending> grants) {
    AuthorizationService authorizationService = configuration.getAuthorizationService();
    Command<Void> writeAll = context -> {
      SystemAccess.run(configuration.getIdentityService(), () -> {
        for (Pending grant : grants) {
          Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          authorization.setGroupId(grant.groupId());
          authorization.setResource(grant.resource());
          authorization.setResourceId(grant.resourceId());
          grant.permissions().forEach(authorization::addPermission);
          authorizationService.saveAuthorization(authorization);
        }
      });
      return null;
    };
    // one command: the saves inside it share its context, so all rows go to the database in one flush
    configuration.getCommandExecutorTxRequired().execute(writeAll);
  }

  private static String batchKey(Resource resource, String resourceId, String groupId) {
    return resource.resourceType() + "\u0000" + resourceId + "\u0000" + groupId;
  }

  private record Pending(String groupId, Resource resource, String resourceId, Set<Permission> permissions) {
  }

  /** Returns whether it saved (false: the grant had every permission already). */
  private boolean save(Authorization existing, Resource resource, String resourceId, Permission[] permissions,
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
        return false;
      }
    }
    for (Permission p : permissions) {
      authorization.addPermission(p);
    }
    authorizationService.saveAuthorization(authorization);
    return true;
  }
}
