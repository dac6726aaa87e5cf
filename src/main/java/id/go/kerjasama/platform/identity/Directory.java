package id.go.kerjasama.platform.identity;

import java.util.List;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.identity.impl.ldap.LdapClient;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupEntity;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.LdapUserEntity;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;

/**
 * Camunda's LDAP session, used as a part of {@link DirectoryIdentityProvider}
 * rather than as the engine's identity provider. Camunda's own lookups by id
 * run a query through the engine's identity provider and cast it to the LDAP
 * session; here they search the directory directly instead.
 *
 * <p>The search filters are built here, not by Camunda's session: that one
 * escapes only user ids and member DNs and puts names, e-mail addresses,
 * their {@code ...Like} patterns and group ids into the filter as they come
 * ({@code /engine-rest/user?firstName=Rina)(userPassword=S*} would test an
 * attribute the caller may not read; a group called {@code Biro Hukum (Kemensos)}
 * would break the filter). Every value goes through {@link LdapFilters}; the DNs
 * used as search bases are passed to JNDI as one name.
 */
class Directory extends LdapIdentityProviderSession {

  Directory(LdapConfiguration configuration) {
    super(configuration);
    this.ldapClient = new Client(configuration);
  }

  /** Camunda's client, with its connection opened from here (its method for that is protected). */
  private static final class Client extends LdapClient {

    Client(LdapConfiguration configuration) {
      super(configuration);
    }

    void connect() {
      ensureContextInitialized();
    }
  }

  private void connect() {
    ((Client) ldapClient).connect();
  }

  /** The ids of the directory groups the user is a member of (none for an unknown user). */
  List<String> groupIdsOf(String userId) {
    if (getDnForUser(userId).isEmpty()) {
      return List.of();
    }
    LdapGroupQuery query = new LdapGroupQuery();
    query.groupMember(userId);
    return findGroupByQueryCriteria(query).stream().map(Group::getId).toList();
  }

  /**
   * As Camunda's, without its turning {@code %} into {@code *} inside the
   * query's values before the filter is built (which made a {@code *} typed by
   * the caller a wildcard too): {@link #getUserSearchFilter} does it.
   */
  @Override
  public List<User> findUserByQueryCriteria(LdapUserQueryImpl query) {
    connect();
    if (query.getGroupId() != null) {
      return findUsersByGroupId(query);
    }
    return findUsersWithoutGroupId(query,
        composeDn(ldapConfiguration.getUserSearchBase(), ldapConfiguration.getBaseDn()), false);
  }

  /**
   * Members of a directory group; none when there is no such group. (Camunda's
   * would search from the empty DN, which UnboundID's server, for one, answers
   * with every group: their members were listed.)
   */
  @Override
  protected List<User> findUsersByGroupId(LdapUserQueryImpl query) {
    return getDnForGroup(query.getGroupId()).isEmpty() ? List.of() : super.findUsersByGroupId(query);
  }

  @Override
  public List<User> findUsersWithoutGroupId(LdapUserQueryImpl query, String userBaseDn, boolean ignorePagination) {
    return super.findUsersWithoutGroupId(query, LdapFilters.searchBase(userBaseDn), ignorePagination);
  }

  @Override
  protected String getUserSearchFilter(LdapUserQueryImpl query) {
    StringBuilder filter = new StringBuilder("(&").append(ldapConfiguration.getUserSearchFilter());
    if (query.getId() != null) {
      filter.append(LdapFilters.equal(ldapConfiguration.getUserIdAttribute(), query.getId()));
    }
    if (query.getIds() != null && query.getIds().length > 0) {
      filter.append("(|");
      for (String id : query.getIds()) {
        filter.append(LdapFilters.equal(ldapConfiguration.getUserIdAttribute(), id));
      }
      filter.append(')');
    }
    appendEqual(filter, ldapConfiguration.getUserEmailAttribute(), query.getEmail());
    appendLike(filter, ldapConfiguration.getUserEmailAttribute(), query.getEmailLike());
    appendEqual(filter, ldapConfiguration.getUserFirstnameAttribute(), query.getFirstName());
    appendLike(filter, ldapConfiguration.getUserFirstnameAttribute(), query.getFirstNameLike());
    appendEqual(filter, ldapConfiguration.getUserLastnameAttribute(), query.getLastName());
    appendLike(filter, ldapConfiguration.getUserLastnameAttribute(), query.getLastNameLike());
    return filter.append(')').toString();
  }

  /** As Camunda's, without its in-place {@code %} to {@code *} (see {@link #findUserByQueryCriteria}). */
  @Override
  public List<Group> findGroupByQueryCriteria(LdapGroupQuery query) {
    connect();
    String groupBaseDn = composeDn(ldapConfiguration.getGroupSearchBase(), ldapConfiguration.getBaseDn());
    initializeControls(query);
    return retrieveResults(LdapFilters.searchBase(groupBaseDn), getGroupSearchFilter(query), this::transformGroup,
        this::isAuthorizedToReadGroup, query.getMaxResults(), query.getFirstResult(), false);
  }

  @Override
  protected String getGroupSearchFilter(LdapGroupQuery query) {
    StringBuilder filter = new StringBuilder("(&").append(ldapConfiguration.getGroupSearchFilter());
    appendEqual(filter, ldapConfiguration.getGroupIdAttribute(), query.getId());
    if (query.getIds() != null && query.getIds().length > 0) {
      filter.append("(|");
      for (String id : query.getIds()) {
        filter.append(LdapFilters.equal(ldapConfiguration.getGroupIdAttribute(), id));
      }
      filter.append(')');
    }
    appendEqual(filter, ldapConfiguration.getGroupNameAttribute(), query.getName());
    appendLike(filter, ldapConfiguration.getGroupNameAttribute(), query.getNameLike());
    if (query.getUserId() != null) {
      String member = ldapConfiguration.isUsePosixGroups() ? query.getUserId() : getDnForUser(query.getUserId());
      filter.append(LdapFilters.equal(ldapConfiguration.getGroupMemberAttribute(), member));
    }
    return filter.append(')').toString();
  }

  private static void appendEqual(StringBuilder filter, String attribute, String value) {
    if (value != null) {
      filter.append(LdapFilters.equal(attribute, value));
    }
  }

  private static void appendLike(StringBuilder filter, String attribute, String pattern) {
    if (pattern != null) {
      filter.append(LdapFilters.like(attribute, pattern));
    }
  }

  @Override
  public User findUserById(String userId) {
    LdapUserQueryImpl query = new LdapUserQueryImpl(ldapConfiguration);
    query.userId(userId);
    List<User> users = findUserByQueryCriteria(query);
    return users.isEmpty() ? null : users.get(0);
  }

  @Override
  public Group findGroupById(String groupId) {
    LdapGroupQuery query = new LdapGroupQuery();
    query.groupId(groupId);
    List<Group> groups = findGroupByQueryCriteria(query);
    return groups.isEmpty() ? null : groups.get(0);
  }

  @Override
  protected String getDnForUser(String userId) {
    return findUserById(userId) instanceof LdapUserEntity user ? user.getDn() : "";
  }

  /** Only Camunda's {@code findUsersByGroupId} asks, for the search base of the group's entry: given as one JNDI name. */
  @Override
  protected String getDnForGroup(String groupId) {
    return findGroupById(groupId) instanceof LdapGroupEntity group ? LdapFilters.searchBase(group.getDn()) : "";
  }

  /**
   * Directory groups are never shown as such (the application's groups are),
   * so reading them needs no engine authorization; users keep Camunda's check.
   */
  @Override
  protected boolean isAuthorizedToRead(Resource resource, String resourceId) {
    return resource.resourceType() == Resources.GROUP.resourceType() || super.isAuthorizedToRead(resource, resourceId);
  }
}
