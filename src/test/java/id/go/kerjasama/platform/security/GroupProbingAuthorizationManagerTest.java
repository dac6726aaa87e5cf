package id.go.kerjasama.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The engine's authorization manager learns which of a user's groups have
 * authorizations by asking about those groups only, with the same answer as
 * Camunda's read of every group id in the table — so who sees what does not
 * change. On an engine of its own (in-memory H2, authorization on, the
 * security plugin installed) whose SQL is counted.
 */
class GroupProbingAuthorizationManagerTest {

  static ProcessEngine engine;
  static ProcessEngineConfigurationImpl configuration;
  static final AtomicInteger DISTINCT_GROUP_READS = new AtomicInteger();

  @BeforeAll
  static void engine() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:group-probing;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
    config.setDataSource(counting(h2));
    config.setProcessEngineName("group-probing");
    config.setJobExecutorActivate(false);
    config.setAuthorizationEnabled(true);
    StaticListableBeanFactory none = new StaticListableBeanFactory();
    config.getProcessEnginePlugins().add(new EngineSecurityPlugin(
        none.getBeanProvider(ProtectedVariables.class), none.getBeanProvider(MessageRights.class)));
    engine = config.buildProcessEngine();
    configuration = config;
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void theUsersGroupsWithAuthorizationsAreTheSameAsCamundasAndTheTableIsNotReadWhole() {
    grant("probe-province", "probe-task-1");
    grant("probe-fasker", "probe-task-2");
    List<String> groups = List.of("probe-province", "probe-without-grant", "probe-fasker", "probe-unknown");

    int before = DISTINCT_GROUP_READS.get();
    List<String> ours = configuration.getCommandExecutorTxRequired().execute(context -> {
      assertThat(context.getAuthorizationManager()).isInstanceOf(GroupProbingAuthorizationManager.class);
      return context.getAuthorizationManager().filterAuthenticatedGroupIds(groups);
    });
    assertThat(DISTINCT_GROUP_READS.get()).as("no read of every group id").isEqualTo(before);

    List<String> camundas = configuration.getCommandExecutorTxRequired().execute(context -> {
      AuthorizationManager stock = new AuthorizationManager();
      return stock.filterAuthenticatedGroupIds(groups);
    });
    assertThat(ours).containsExactlyInAnyOrderElementsOf(camundas)
        .containsExactlyInAnyOrder("probe-province", "probe-fasker");
    List<String> none = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getAuthorizationManager().filterAuthenticatedGroupIds(List.of()));
    assertThat(none).isEmpty();
  }

  @Test
  void aCandidateGroupsMemberSeesTheGroupsTaskAndNobodyElseDoes() {
    Task task = engine.getTaskService().newTask("probe-task-visible");
    engine.getTaskService().saveTask(task);
    engine.getTaskService().addCandidateGroup(task.getId(), "probe-tkksd");

    engine.getIdentityService().setAuthentication("officer", List.of("probe-other", "probe-tkksd"));
    try {
      assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("probe-tkksd").list())
          .extracting(Task::getId).containsExactly(task.getId());
      assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    engine.getIdentityService().setAuthentication("stranger", List.of("probe-other"));
    try {
      assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static void grant(String group, String resourceId) {
    Authorization read = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId(group);
    read.setResource(Resources.TASK);
    read.setResourceId(resourceId);
    read.addPermission(Permissions.READ);
    engine.getAuthorizationService().saveAuthorization(read);
  }

  /** The data source, counting each statement that reads the distinct group ids of the authorization table. */
  private static DataSource counting(DataSource target) {
    return (DataSource) Proxy.newProxyInstance(GroupProbingAuthorizationManagerTest.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          return result instanceof Connection connection ? countingConnection(connection) : result;
        });
  }

  private static Connection countingConnection(Connection target) {
    return (Connection) Proxy.newProxyInstance(GroupProbingAuthorizationManagerTest.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
              && sql.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").contains("DISTINCT(A.GROUP_ID_)")) {
            DISTINCT_GROUP_READS.incrementAndGet();
          }
          return invoke(target, method, args);
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
