package id.go.kerjasama.platform.identity;

import java.util.List;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
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
 */
class Directory extends LdapIdentityProviderSession {

  Directory(LdapConfiguration configuration) {
    super(configuration);
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

  @Override
  protected String getDnForGroup(String groupId) {
    return findGroupById(groupId) instanceof LdapGroupEntity group ? group.getDn() : "";
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
