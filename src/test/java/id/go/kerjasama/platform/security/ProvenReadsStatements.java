package id.go.kerjasama.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * Benchmark aid: the statements {@code ProvenReads} sends on PostgreSQL for a
 * user's task list and card variables, with their parameters, so that the
 * benchmark can show their plans beside the engine's (TasklistFilterPlansBenchmark).
 */
public final class ProvenReadsStatements {

  /** One statement and its parameters. */
  public record Statement(String name, String sql, List<Object> parameters) {
  }

  private ProvenReadsStatements() {
  }

  /** The proofs' statements for a task query of these groups and the card variables of these scopes. */
  public static List<Statement> forTasklist(String userId, List<String> groups, List<String> scopes,
                                            List<String> names) {
    List<PermissionCheck> task = List.of(check(Resources.TASK, Permissions.READ),
        check(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ_TASK));
    List<PermissionCheck> variable = List.of(check(Resources.PROCESS_INSTANCE, ProcessInstancePermissions.READ),
        check(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ_INSTANCE),
        check(Resources.TASK, Permissions.READ));
    List<Statement> statements = new ArrayList<>();
    List<Object> p1 = new ArrayList<>();
    statements.add(new Statement("task query: a grant on every task",
        ProvenReads.grantOnEveryResourceSql("", "postgres", userId, groups, task, p1), p1));
    List<Object> p2 = new ArrayList<>();
    statements.add(new Statement("task query: a candidate link of the groups without its grant",
        ProvenReads.ungrantedCandidateLinkSql("", "postgres", groups, p2), p2));
    List<Object> p3 = new ArrayList<>();
    statements.add(new Statement("variable query: a grant on every instance",
        ProvenReads.grantOnEveryResourceSql("", "postgres", userId, groups, variable, p3), p3));
    if (!scopes.isEmpty()) {
      List<Object> p4 = new ArrayList<>();
      statements.add(new Statement("variable query: a variable of the scopes without a readable instance",
          ProvenReads.unreadableScopedVariableSql("", "postgres", userId, groups, variable, scopes, names, p4), p4));
    }
    return statements;
  }

  private static PermissionCheck check(Resource resource, Permission permission) {
    PermissionCheck check = new PermissionCheck();
    check.setResource(resource);
    check.setPermission(permission);
    check.setResourceIdQueryParam("RES.ID_");
    return check;
  }
}
