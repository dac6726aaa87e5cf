package id.go.kerjasama.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Running a stored filter checks the filter's READ authorization once (the
 * engine guard's expression check reads the filter into the command's cache,
 * where the engine's own read finds it), and the rules stay: no READ, no
 * result; a code expression in the stored query, refused. On an engine of its
 * own (in-memory H2, authorization on) whose SQL is counted.
 */
class FilterReadOnceTest {

  static ProcessEngine engine;
  static final AtomicInteger AUTHORIZATION_STATEMENTS = new AtomicInteger();

  @BeforeAll
  static void engine() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:filter-read-once;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setDataSource(counting(h2));
    configuration.setProcessEngineName("filter-read-once");
    configuration.setJobExecutorActivate(false);
    configuration.setAuthorizationEnabled(true);
    StaticListableBeanFactory none = new StaticListableBeanFactory();
    configuration.getProcessEnginePlugins().add(new EngineSecurityPlugin(
        none.getBeanProvider(ProtectedVariables.class), none.getBeanProvider(MessageRights.class)));
    engine = configuration.buildProcessEngine();
    engine.getIdentityService().saveUser(engine.getIdentityService().newUser("officer"));
    engine.getIdentityService().saveUser(engine.getIdentityService().newUser("stranger"));
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void aFilterRunIsAuthorizedOnceAndStillRefusedWithoutRead() {
    Filter filter = engine.getFilterService().saveFilter(engine.getFilterService().newTaskFilter("Tugas saya")
        .setQuery(engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}")));
    Authorization read = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setUserId("officer");
    read.setResource(Resources.FILTER);
    read.setResourceId(filter.getId());
    read.addPermission(Permissions.READ);
    engine.getAuthorizationService().saveAuthorization(read);

    engine.getIdentityService().setAuthenticatedUserId("officer");
    try {
      // the same task query without the filter: what the query itself asks of the authorization table
      int plain = authorizationStatements(() -> engine.getTaskService().createTaskQuery().taskAssignee("officer").count());
      int viaFilter = authorizationStatements(() -> engine.getFilterService().count(filter.getId()));
      assertThat(viaFilter).as("one READ check of the filter, then the query's own").isEqualTo(plain + 1);
      int listed = authorizationStatements(() -> engine.getFilterService().list(filter.getId()));
      assertThat(listed).isEqualTo(plain + 1);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    engine.getIdentityService().setAuthenticatedUserId("stranger");
    try {
      assertThatThrownBy(() -> engine.getFilterService().count(filter.getId()))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> engine.getFilterService().list(filter.getId()))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static int authorizationStatements(Runnable work) {
    int before = AUTHORIZATION_STATEMENTS.get();
    work.run();
    return AUTHORIZATION_STATEMENTS.get() - before;
  }

  /** The data source, counting each statement prepared that reads the authorization table. */
  private static DataSource counting(DataSource target) {
    return (DataSource) Proxy.newProxyInstance(FilterReadOnceTest.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          return result instanceof Connection connection ? countingConnection(connection) : result;
        });
  }

  private static Connection countingConnection(Connection target) {
    return (Connection) Proxy.newProxyInstance(FilterReadOnceTest.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
              && sql.toUpperCase(Locale.ROOT).contains("ACT_RU_AUTHORIZATION")) {
            AUTHORIZATION_STATEMENTS.incrementAndGet();
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
