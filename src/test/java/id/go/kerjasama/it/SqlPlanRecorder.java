package id.go.kerjasama.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Benchmark aid (docs/performance.md "Run 8"): a MyBatis interceptor on the
 * engine's SQL sessions that, while recording, runs {@code EXPLAIN (ANALYZE,
 * BUFFERS)} of every SELECT the engine sends, on the same connection, in the
 * same transaction, with the same bound parameters — so the plan is that of
 * the query a real request made. Off unless {@link #start} was called; the
 * query itself runs unchanged.
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
    args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
final class SqlPlanRecorder implements Interceptor {

  /** One statement the engine ran while recording, with its plan. */
  record Plan(String statementId, String sql, List<String> plan) {
  }

  private final List<Plan> plans = new ArrayList<>();
  private volatile boolean recording;

  static SqlPlanRecorder install(ProcessEngine engine) {
    SqlPlanRecorder recorder = new SqlPlanRecorder();
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
        .getConfiguration().addInterceptor(recorder);
    return recorder;
  }

  synchronized void start() {
    plans.clear();
    recording = true;
  }

  synchronized List<Plan> stop() {
    recording = false;
    return List.copyOf(plans);
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    if (recording) {
      MappedStatement ms = (MappedStatement) invocation.getArgs()[0];
      if (ms.getSqlCommandType() == SqlCommandType.SELECT) {
        explain((Executor) invocation.getTarget(), ms, invocation.getArgs()[1]);
      }
    }
    return invocation.proceed();
  }

  private void explain(Executor executor, MappedStatement ms, Object parameter) throws SQLException {
    BoundSql bound = ms.getBoundSql(parameter);
    Connection connection = executor.getTransaction().getConnection();
    List<String> lines = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + bound.getSql())) {
      new DefaultParameterHandler(ms, parameter, bound).setParameters(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
    }
    synchronized (this) {
      plans.add(new Plan(ms.getId(), bound.getSql().replaceAll("\\s+", " ").trim(), lines));
    }
  }

  @Override
  public Object plugin(Object target) {
    return target instanceof Executor ? Interceptor.super.plugin(target) : target;
  }

  @Override
  public void setProperties(Properties properties) {
    // none
  }
}
