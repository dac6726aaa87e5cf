package id.go.kerjasama.platform.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;

/**
 * The engine's identity provider when directory sign-in is on: the local
 * users, groups and memberships of the database (Camunda's own provider, which
 * this class is, so Admin, {@code IdentitySeeder} and the authorizations work
 * unchanged) plus the directory's users.
 *
 * <ul>
 *   <li>A user id that exists locally is a local user: password and groups
 *       come from the database, whatever the directory holds under that id
 *       (so the directory cannot take over a local account). The first
 *       administrator's id ({@code kerjasama.admin.user-id}) is always local,
 *       also before that user exists.</li>
 *   <li>Any other user signs in with the directory password; their groups are
 *       the application's groups that their directory groups map to
 *       ({@link DirectoryGroups}), read from the database with the engine's
 *       authorization checks. A user in no mapped group has no group.</li>
 *   <li>User queries list local users first, then matching directory users;
 *       {@code memberOfGroup} finds the members of the directory groups mapped
 *       to that group. Directory users are in no tenant.</li>
 *   <li>Writes (new users, groups, memberships) go to the database, as
 *       before; directory users' memberships are changed in the directory.</li>
 * </ul>
 *
 * Camunda's LDAP plugin alone would replace the database identity for
 * everyone and is read-only: no local administrator, no seeded groups.
 */
class DirectoryIdentityProvider extends DbIdentityServiceProvider {

  private final LdapConfiguration visibleConfiguration;
  private final LdapConfiguration internalConfiguration;
  private final DirectoryGroups groups;
  private final Set<String> localOnly;
  private Directory visible;
  private Directory internal;

  /**
   * @param visibleConfiguration  for the user lists a caller sees: Camunda's read checks on users apply
   * @param internalConfiguration for sign-in and group resolution: no read checks (as the database's
   *                              own password and membership lookups)
   */
  DirectoryIdentityProvider(LdapConfiguration visibleConfiguration, LdapConfiguration internalConfiguration,
                            DirectoryGroups groups, Set<String> localOnly) {
    this.visibleConfiguration = visibleConfiguration;
    this.internalConfiguration = internalConfiguration;
    this.groups = groups;
    this.localOnly = localOnly;
  }

  private Directory visible() {
    if (visible == null) {
      visible = new Directory(visibleConfiguration);
    }
    return visible;
  }

  private Directory internal() {
    if (internal == null) {
      internal = new Directory(internalConfiguration);
    }
    return internal;
  }

  /**
   * A user of the database, or an id reserved for one (the first
   * administrator's, also before it is created): never looked up in the directory.
   */
  private boolean isLocal(String userId) {
    return userId != null
        && (localOnly.contains(userId) || getDbEntityManager().selectById(UserEntity.class, userId) != null);
  }

  // users //////////////////////////////////////////////////////////////

  /**
   * No user id holds control characters (PostgreSQL refuses NUL in a query
   * parameter, which would end a sign-in with {@code "admin\0"} in a 500):
   * such a name matches nobody, locally or in the directory.
   */
  static boolean impossibleId(String userId) {
    return userId != null && userId.chars().anyMatch(Character::isISOControl);
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    if (impossibleId(userId)) {
      return false;
    }
    if (userId == null || userId.isBlank() || isLocal(userId)) {
      return super.checkPassword(userId, password);
    }
    return internal().checkPassword(userId, password);
  }

  @Override
  public UserEntity findUserById(String userId) {
    if (impossibleId(userId)) {
      return null;
    }
    UserEntity local = super.findUserById(userId);
    if (local != null || userId == null || localOnly.contains(userId)) {
      return local;
    }
    return (UserEntity) visible().findUserById(userId);
  }

  @Override
  public List<User> findUserByQueryCriteria(DbUserQueryImpl query) {
    List<LdapUserQueryImpl> directoryQueries = directoryQueries(query);
    if (directoryQueries.isEmpty()) {
      return super.findUserByQueryCriteria(query);
    }
    int first = query.getFirstResult();
    int max = query.getMaxResults();
    int upTo = (int) Math.min(Integer.MAX_VALUE, (long) first + max);
    List<User> local;
    query.setFirstResult(0);
    query.setMaxResults(upTo);
    try {
      local = super.findUserByQueryCriteria(query);
    } finally {
      query.setFirstResult(first);
      query.setMaxResults(max);
    }
    Map<String, User> merged = new LinkedHashMap<>();
    local.forEach(u -> merged.put(u.getId(), u));
    for (User user : directoryUsers(directoryQueries, upTo)) {
      merged.putIfAbsent(user.getId(), user);
    }
    return merged.values().stream().skip(first).limit(max).toList();
  }

  @Override
  public long findUserCountByQueryCriteria(DbUserQueryImpl query) {
    List<LdapUserQueryImpl> directoryQueries = directoryQueries(query);
    long local = super.findUserCountByQueryCriteria(query);
    return directoryQueries.isEmpty() ? local : local + directoryUsers(directoryQueries, Integer.MAX_VALUE).size();
  }

  /** Directory users (not shadowed by a local user of the same id) matching the queries. */
  private List<User> directoryUsers(List<LdapUserQueryImpl> queries, int max) {
    Map<String, User> users = new LinkedHashMap<>();
    for (LdapUserQueryImpl query : queries) {
      query.setMaxResults(max);
      for (User user : visible().findUserByQueryCriteria(query)) {
        if (!users.containsKey(user.getId()) && !isLocal(user.getId())) {
          users.put(user.getId(), user);
        }
      }
    }
    return new ArrayList<>(users.values());
  }

  /** The directory searches that answer the query; none when no directory user can match it. */
  private List<LdapUserQueryImpl> directoryQueries(DbUserQueryImpl query) {
    if (query.getTenantId() != null) {
      return List.of();
    }
    if (query.getGroupId() == null) {
      return List.of(directoryQuery(query, null));
    }
    return groups.directoryGroupsOf(query.getGroupId()).stream().map(g -> directoryQuery(query, g)).toList();
  }

  private LdapUserQueryImpl directoryQuery(DbUserQueryImpl query, String directoryGroup) {
    LdapUserQueryImpl directory = new LdapUserQueryImpl(visibleConfiguration);
    if (query.getId() != null) {
      directory.userId(query.getId());
    }
    if (query.getIds() != null && query.getIds().length > 0) {
      directory.userIdIn(query.getIds());
    }
    if (query.getFirstName() != null) {
      directory.userFirstName(query.getFirstName());
    }
    if (query.getFirstNameLike() != null) {
      directory.userFirstNameLike(query.getFirstNameLike());
    }
    if (query.getLastName() != null) {
      directory.userLastName(query.getLastName());
    }
    if (query.getLastNameLike() != null) {
      directory.userLastNameLike(query.getLastNameLike());
    }
    if (query.getEmail() != null) {
      directory.userEmail(query.getEmail());
    }
    if (query.getEmailLike() != null) {
      directory.userEmailLike(query.getEmailLike());
    }
    if (directoryGroup != null) {
      directory.memberOfGroup(directoryGroup);
    }
    return directory;
  }

  // groups /////////////////////////////////////////////////////////////

  @Override
  public List<Group> findGroupByQueryCriteria(DbGroupQueryImpl query) {
    DbGroupQueryImpl effective = forDirectoryMember(query);
    return effective == null ? List.of() : super.findGroupByQueryCriteria(effective);
  }

  @Override
  public long findGroupCountByQueryCriteria(DbGroupQueryImpl query) {
    DbGroupQueryImpl effective = forDirectoryMember(query);
    return effective == null ? 0 : super.findGroupCountByQueryCriteria(effective);
  }

  /**
   * A query for the groups of a directory user becomes a query for the
   * application's groups their directory groups map to; {@code null} when
   * that is none.
   */
  private DbGroupQueryImpl forDirectoryMember(DbGroupQueryImpl query) {
    String userId = query.getUserId();
    if (userId == null || isLocal(userId)) {
      return query;
    }
    Set<String> mapped = new LinkedHashSet<>(groups.groupsOf(internal().groupIdsOf(userId)));
    if (query.getIds() != null && query.getIds().length > 0) {
      mapped.retainAll(Arrays.asList(query.getIds()));
    }
    return mapped.isEmpty() ? null : new MappedGroupQuery(query, mapped);
  }

  /** The caller's group query without its member criterion, restricted to the mapped groups. */
  static final class MappedGroupQuery extends DbGroupQueryImpl {

    private static final long serialVersionUID = 1L;

    MappedGroupQuery(DbGroupQueryImpl query, Set<String> groupIds) {
      this.id = query.getId();
      this.ids = groupIds.toArray(String[]::new);
      this.name = query.getName();
      this.nameLike = query.getNameLike();
      this.type = query.getType();
      this.tenantId = query.getTenantId();
      this.orderingProperties = query.getOrderingProperties();
      this.firstResult = query.getFirstResult();
      this.maxResults = query.getMaxResults();
    }
  }

  @Override
  public void close() {
    if (visible != null) {
      visible.close();
    }
    if (internal != null) {
      internal.close();
    }
    super.close();
  }

  /** Opens one provider per command, as the engine does with its own. */
  static final class Factory implements SessionFactory {

    private final LdapConfiguration visibleConfiguration;
    private final LdapConfiguration internalConfiguration;
    private final DirectoryGroups groups;
    private final Set<String> localOnly;

    Factory(LdapConfiguration visibleConfiguration, LdapConfiguration internalConfiguration, DirectoryGroups groups,
            Set<String> localOnly) {
      this.visibleConfiguration = visibleConfiguration;
      this.internalConfiguration = internalConfiguration;
      this.groups = groups;
      this.localOnly = Set.copyOf(localOnly);
    }

    /** Read-only and writable at once: the engine registers it for both. */
    @Override
    public Class<?> getSessionType() {
      return DirectoryIdentityProvider.class;
    }

    @Override
    public Session openSession() {
      return new DirectoryIdentityProvider(visibleConfiguration, internalConfiguration, groups, localOnly);
    }
  }
}
