package id.go.kerjasama.platform.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Camunda's authorization manager with one query replaced by an equal one.
 *
 * <p>Before any authorization check, Camunda narrows the user's groups to
 * those that have at least one authorization. It learns them by reading the
 * distinct group ids of the whole authorization table
 * ({@code SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A}), once in
 * every command: with a grant per task and per instance the table holds
 * several rows per open task, and at 30,000 open tasks (115,000
 * authorizations) that read took 30–140 ms of every Tasklist request
 * (docs/performance.md "Run 8"). This manager asks only about the user's own
 * groups, one index probe each ({@code ACT_IDX_AUTH_GROUP_ID}), and remembers
 * the answer for the rest of the command as Camunda does. The answer is the
 * same set of groups, so every authorization check decides as before
 * ({@code GroupProbingAuthorizationManagerTest}).
 *
 * <p>It also leaves a task or variable query's authorization check out of
 * the SQL where {@link ProvenReads} proves that the check cannot remove a row
 * (docs/performance.md "Run 10"): Camunda joins the user's authorizations to
 * each task with an {@code OR} over three columns, which PostgreSQL can only
 * evaluate by comparing every candidate task with every grant of the user —
 * 2–3 s for Fasker's "Tugas kelompok saya" at 30,000 open tasks. Same rows,
 * same counts as Camunda's own check ({@code ProvenReadsIT}).
 */
final class GroupProbingAuthorizationManager extends AuthorizationManager {

  private final Map<List<String>, List<String>> answered = new HashMap<>();
  private final ProvenReads proven = new ProvenReads();

  @Override
  public void configureTaskQuery(TaskQueryImpl query) {
    super.configureTaskQuery(query);
    List<String> groups = ProvenReads.ownGroupsTasksOnly(query);
    leaveOutWhereProven(query.getAuthCheck(), (connection, prefix, databaseType) ->
        groups != null && proven.everyCandidateLinkGranted(connection, prefix, databaseType, groups));
  }

  @Override
  protected void configureVariableInstanceQuery(VariableInstanceQueryImpl query) {
    super.configureVariableInstanceQuery(query);
    leaveOutWhereProven(query.getAuthCheck(), (connection, prefix, databaseType) ->
        ProvenReads.everyScopedVariableReadable(connection, prefix, databaseType, query.getAuthCheck(),
            query.getVariableScopeIds(), query.getVariableNames()));
  }

  /** A proof of one kind of query, besides the grant on every resource that holds for any. */
  private interface Proof {
    boolean holds(Connection connection, String prefix, String databaseType);
  }

  /** Leaves the check out of the query's SQL where a grant on every resource or the query's own proof holds. */
  private void leaveOutWhereProven(AuthorizationCheck check, Proof proof) {
    if (!ProvenReads.joinedDisjunction(check)) {
      return;
    }
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    Connection connection = getDbSqlSession().getSqlSession().getConnection();
    String prefix = configuration.getDatabaseTablePrefix();
    String databaseType = configuration.getDatabaseType();
    if (proven.grantOnEveryResource(connection, prefix, databaseType, check)
        || proof.holds(connection, prefix, databaseType)) {
      check.setAuthorizationCheckEnabled(false);
    }
  }

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
      return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
    }
    List<String> key = List.copyOf(new LinkedHashSet<>(authenticatedGroupIds));
    return new ArrayList<>(answered.computeIfAbsent(key, this::withAuthorizations));
  }

  /** The groups among {@code groupIds} that occur in ACT_RU_AUTHORIZATION. */
  private List<String> withAuthorizations(List<String> groupIds) {
    String prefix = Context.getProcessEngineConfiguration().getDatabaseTablePrefix();
    StringBuilder sql = new StringBuilder("SELECT V.G FROM (VALUES ");
    for (int i = 0; i < groupIds.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(CAST(? AS VARCHAR(255)))");
    }
    sql.append(") V(G) WHERE EXISTS (SELECT 1 FROM ").append(prefix)
        .append("ACT_RU_AUTHORIZATION A WHERE A.GROUP_ID_ = V.G)");
    Connection connection = getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < groupIds.size(); i++) {
        statement.setString(i + 1, groupIds.get(i));
      }
      List<String> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
      return List.copyOf(found);
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot read which groups have authorizations", e);
    }
  }

  /** Opens this manager wherever the engine asks for its {@link AuthorizationManager}. */
  static final class Factory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new GroupProbingAuthorizationManager();
    }
  }
}
