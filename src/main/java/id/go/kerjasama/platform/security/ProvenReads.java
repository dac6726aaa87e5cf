package id.go.kerjasama.platform.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;

/**
 * Proves, for one query, that Camunda's authorization check of that query
 * cannot remove a row — so that the check may be left out of the SQL with the
 * same rows as result (docs/security.md "Checks left out where they cannot
 * remove a task"). Only for the check Camunda makes when no REVOKE can apply
 * to the user (the join with the user's grants; {@code authorizationCheckRevokes}
 * decides per command); with a REVOKE in play nothing is proven. Three proofs:
 *
 * <ol>
 *   <li><b>A grant on every resource</b> ({@link #grantOnEveryResource}): the
 *       user, one of the user's groups or everybody holds a GRANT or GLOBAL
 *       authorization with resource id {@code *} that one of the query's
 *       alternatives accepts (READ on every task; READ_TASK on every
 *       definition). Camunda joins such a row to every row of the query
 *       ({@code AUTH.RESOURCE_ID_ IN (…, '*')}), so each row passes. Fasker,
 *       its divisions and the supervisors hold READ on every task and
 *       instance.</li>
 *   <li><b>Only one's own groups' tasks, each with its grant</b>
 *       ({@link #ownGroupsTasksOnly}, {@link #everyCandidateLinkGranted}): the
 *       task query keeps only tasks with a candidate link to one of the
 *       user's groups that hold authorizations, nothing widens it, and every
 *       candidate link of those groups comes with the group's GRANT with
 *       READ on that task — which Camunda's default authorization provider
 *       writes when it adds the link, but which an administrator can delete,
 *       and which case tasks and links made with authorization off never
 *       had; so it is checked, not assumed. Each task the query keeps then
 *       has a grant that Camunda's check would join to it.</li>
 *   <li><b>Variables of instances the user may read</b>
 *       ({@link #everyScopedVariableReadable}): a variable query limited to
 *       given scopes (as Tasklist asks for the card variables of the tasks it
 *       lists), where every variable of those scopes (with the query's names)
 *       belongs to a process instance on which the user holds what one of the
 *       query's alternatives accepts (READ on the instance). Camunda joins
 *       that grant by {@code RES.PROC_INST_ID_}.</li>
 * </ol>
 *
 * <p>One instance per command (inside the command's authorization manager):
 * each proof's answer is remembered for the command, as Camunda remembers
 * the user's groups and the revoke answer.
 */
final class ProvenReads {

  private final Map<String, Boolean> answered = new HashMap<>();

  /**
   * Whether the check is the kind these proofs speak about: enabled, for an
   * authenticated user, without REVOKEs, a disjunction of single checks each
   * joined by a column of the query.
   */
  static boolean joinedDisjunction(AuthorizationCheck check) {
    if (!check.isAuthorizationCheckEnabled() || check.isRevokeAuthorizationCheckEnabled()
        || check.getAuthUserId() == null) {
      return false;
    }
    CompositePermissionCheck checks = check.getPermissionChecks();
    if (checks == null || !checks.isDisjunctive() || !checks.getCompositeChecks().isEmpty()
        || checks.getAtomicChecks().isEmpty()) {
      return false;
    }
    return checks.getAtomicChecks().stream().allMatch(p -> p.getResourceIdQueryParam() != null);
  }

  /**
   * The groups of the task query's candidate condition if the query keeps only
   * tasks with a candidate link to one of them and all of them are among the
   * check's groups (the user's groups that hold authorizations); else null.
   * One query (no "or" query, which could widen it); the candidate condition
   * exactly {@code I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN (groups)}: no
   * candidate user (which adds {@code OR I.USER_ID_ = …}), no group pattern
   * (which adds {@code OR I.GROUP_ID_ LIKE …}), at least one group (an empty
   * list leaves only {@code I.TYPE_ = 'candidate'}). Everything else a single
   * task query can say is joined to that with AND and only narrows it:
   * assigned tasks included ({@code includeAssignedTasks} drops only
   * {@code RES.ASSIGNEE_ IS NULL}), due dates, variables, definitions,
   * {@code withCandidateGroups}/{@code withCandidateUsers} with the list.
   */
  static List<String> ownGroupsTasksOnly(TaskQueryImpl query) {
    if (query.getQueries().size() != 1 || query.getCandidateUser() != null
        || query.getCandidateGroupLike() != null) {
      return null;
    }
    List<String> groups = query.getCandidateGroups();
    List<String> checked = query.getAuthCheck().getAuthGroupIds();
    if (groups == null || groups.isEmpty() || checked == null || !checked.containsAll(groups)) {
      return null;
    }
    return groups;
  }

  /** Proof 1 (above), for the check's user and groups. */
  boolean grantOnEveryResource(Connection connection, String prefix, String databaseType,
                               AuthorizationCheck check) {
    List<PermissionCheck> alternatives = check.getPermissionChecks().getAtomicChecks();
    List<String> groups = check.getAuthGroupIds() == null ? List.of() : check.getAuthGroupIds();
    StringBuilder key = new StringBuilder("*|").append(check.getAuthUserId()).append('|')
        .append(new TreeSet<>(groups));
    alternatives.forEach(p -> key.append('|').append(p.getResourceType()).append(':').append(p.getPerms()));
    return answered.computeIfAbsent(key.toString(), k -> {
      List<Object> parameters = new ArrayList<>();
      String sql = grantOnEveryResourceSql(prefix, databaseType, check.getAuthUserId(), groups, alternatives,
          parameters);
      return exists(connection, sql, parameters);
    });
  }

  /** Proof 2's second half (above): no candidate link of these groups lacks the group's READ grant. */
  boolean everyCandidateLinkGranted(Connection connection, String prefix, String databaseType, List<String> groups) {
    String key = "candidate|" + new TreeSet<>(groups);
    return answered.computeIfAbsent(key, k -> {
      List<Object> parameters = new ArrayList<>();
      String sql = ungrantedCandidateLinkSql(prefix, databaseType, groups, parameters);
      return !exists(connection, sql, parameters);
    });
  }

  /**
   * Proof 3 (above): the query names its scopes, and no variable of those
   * scopes (with the query's names, if it names any) lacks a grant Camunda's
   * join would find by its process instance id. Every other criterion of a
   * variable query is joined with AND and only narrows it.
   */
  static boolean everyScopedVariableReadable(Connection connection, String prefix, String databaseType,
                                             AuthorizationCheck check, String[] scopes, String[] names) {
    if (scopes == null || scopes.length == 0) {
      return false;
    }
    List<Object> parameters = new ArrayList<>();
    String sql = unreadableScopedVariableSql(prefix, databaseType, check.getAuthUserId(),
        check.getAuthGroupIds() == null ? List.of() : check.getAuthGroupIds(),
        check.getPermissionChecks().getAtomicChecks(), List.of(scopes), names == null ? List.of() : List.of(names),
        parameters);
    return !exists(connection, sql, parameters);
  }

  /**
   * A row for each variable of the scopes (and names) whose process instance
   * carries no authorization row of the user that Camunda's join would take.
   */
  static String unreadableScopedVariableSql(String prefix, String databaseType, String userId, List<String> groups,
                                            List<PermissionCheck> alternatives, List<String> scopes,
                                            List<String> names, List<Object> parameters) {
    StringBuilder sql = new StringBuilder("SELECT 1 FROM ").append(prefix)
        .append("ACT_RU_VARIABLE RES WHERE RES.VAR_SCOPE_ IN (").append(placeholders(scopes.size())).append(')');
    parameters.addAll(scopes);
    if (!names.isEmpty()) {
      sql.append(" AND RES.NAME_ IN (").append(placeholders(names.size())).append(')');
      parameters.addAll(names);
    }
    sql.append(" AND NOT EXISTS (SELECT 1 FROM ").append(prefix).append("ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2")
        .append(" AND A.RESOURCE_ID_ = RES.PROC_INST_ID_ AND ");
    appendWhoAndWhat(sql, databaseType, userId, groups, alternatives, parameters);
    return sql.append(')').toString();
  }

  /**
   * A row exactly when the user holds what Camunda's join would find on
   * {@code *}: its subquery's conditions (type GRANT or GLOBAL — {@code TYPE_ < 2},
   * written {@code IN (0, 1)}: REVOKE is 2 —; the user, everybody or one of
   * the groups; one of the alternatives' resource type and permission bits)
   * and {@code RESOURCE_ID_ = '*'}. Written as one branch per alternative and
   * per user or groups, each an index probe ({@code ACT_UNIQ_AUTH_USER},
   * {@code ACT_UNIQ_AUTH_GROUP}), rather than one filter over every {@code *}
   * grant of every group (3,000 rows, 1–4 ms at 30,000 open tasks).
   */
  static String grantOnEveryResourceSql(String prefix, String databaseType, String userId, List<String> groups,
                                        List<PermissionCheck> alternatives, List<Object> parameters) {
    List<String> branches = new ArrayList<>();
    for (PermissionCheck p : alternatives) {
      String what = " AND A.RESOURCE_TYPE_ = ? AND A.RESOURCE_ID_ = '*' AND "
          + bitAnd(databaseType, "A.PERMS_") + " = ?";
      branches.add("SELECT 1 FROM " + prefix + "ACT_RU_AUTHORIZATION A WHERE A.TYPE_ IN (0, 1)"
          + " AND A.USER_ID_ IN (?, '*')" + what);
      parameters.add(userId);
      parameters.add(p.getResourceType());
      parameters.add(p.getPerms());
      parameters.add(p.getPerms());
      if (!groups.isEmpty()) {
        branches.add("SELECT 1 FROM " + prefix + "ACT_RU_AUTHORIZATION A WHERE A.TYPE_ IN (0, 1)"
            + " AND A.GROUP_ID_ IN (" + placeholders(groups.size()) + ")" + what);
        parameters.addAll(groups);
        parameters.add(p.getResourceType());
        parameters.add(p.getPerms());
        parameters.add(p.getPerms());
      }
    }
    return String.join(" UNION ALL ", branches);
  }

  /**
   * The conditions of Camunda's joined authorization subquery
   * ({@code authCheckJoinWithoutOnClauseWithBinding}): the user, everybody or
   * one of the groups, and one of the alternatives' resource type with its
   * permission bits.
   */
  private static void appendWhoAndWhat(StringBuilder sql, String databaseType, String userId, List<String> groups,
                                       List<PermissionCheck> alternatives, List<Object> parameters) {
    sql.append("(A.USER_ID_ IN (?, '*')");
    parameters.add(userId);
    if (!groups.isEmpty()) {
      sql.append(" OR A.GROUP_ID_ IN (").append(placeholders(groups.size())).append(')');
      parameters.addAll(groups);
    }
    sql.append(") AND (");
    for (int i = 0; i < alternatives.size(); i++) {
      PermissionCheck p = alternatives.get(i);
      sql.append(i == 0 ? "" : " OR ").append("(A.RESOURCE_TYPE_ = ? AND ")
          .append(bitAnd(databaseType, "A.PERMS_")).append(" = ?)");
      parameters.add(p.getResourceType());
      parameters.add(p.getPerms());
      parameters.add(p.getPerms());
    }
    sql.append(')');
  }

  /**
   * A row for each candidate link of a task to one of the groups without that
   * group's GRANT with READ on that very task.
   */
  static String ungrantedCandidateLinkSql(String prefix, String databaseType, List<String> groups,
                                          List<Object> parameters) {
    parameters.addAll(groups);
    parameters.add(Authorization.AUTH_TYPE_GRANT);
    parameters.add(Resources.TASK.resourceType());
    parameters.add(Permissions.READ.getValue());
    parameters.add(Permissions.READ.getValue());
    return "SELECT 1 FROM " + prefix + "ACT_RU_IDENTITYLINK I WHERE I.TYPE_ = 'candidate'"
        + " AND I.TASK_ID_ IS NOT NULL AND I.GROUP_ID_ IN (" + placeholders(groups.size()) + ")"
        + " AND NOT EXISTS (SELECT 1 FROM " + prefix + "ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = ?"
        + " AND A.GROUP_ID_ = I.GROUP_ID_ AND A.RESOURCE_TYPE_ = ? AND A.RESOURCE_ID_ = I.TASK_ID_"
        + " AND " + bitAnd(databaseType, "A.PERMS_") + " = ?)";
  }

  private static String bitAnd(String databaseType, String column) {
    return DbSqlSessionFactory.databaseSpecificBitAnd1.get(databaseType) + column
        + DbSqlSessionFactory.databaseSpecificBitAnd2.get(databaseType) + "?"
        + DbSqlSessionFactory.databaseSpecificBitAnd3.get(databaseType);
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static boolean exists(Connection connection, String sql, List<Object> parameters) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setMaxRows(1);
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot read the authorizations a query's check would find", e);
    }
  }
}
