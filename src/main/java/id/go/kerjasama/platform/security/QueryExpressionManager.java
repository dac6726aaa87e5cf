package id.go.kerjasama.platform.security;

import java.lang.reflect.Method;
import org.camunda.bpm.engine.impl.el.ElProviderCompatible;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;

/**
 * The engine's expression manager with one extra rule: while a query or a
 * filter runs ({@link #whileQuerying}), only the allowed Tasklist helpers
 * can be turned into an expression ({@link QueryExpressions}). This is the
 * last line behind the checks of {@link EngineSecurityInterceptor}: queries
 * evaluate their expressions through this manager, so no path the
 * interceptor might not know of can evaluate anything else.
 */
final class QueryExpressionManager implements ExpressionManager, ElProviderCompatible {

  private static final ThreadLocal<Boolean> QUERYING = ThreadLocal.withInitial(() -> false);

  private final ExpressionManager delegate;

  QueryExpressionManager(ExpressionManager delegate) {
    this.delegate = delegate;
  }

  /** Runs {@code work} with the query rule on, restoring the previous state afterwards. */
  static <T> T whileQuerying(java.util.function.Supplier<T> work) {
    boolean before = QUERYING.get();
    QUERYING.set(true);
    try {
      return work.get();
    } finally {
      if (before) {
        QUERYING.set(true);
      } else {
        QUERYING.remove();
      }
    }
  }

  @Override
  public Expression createExpression(String expression) {
    if (QUERYING.get() && !QueryExpressions.allowed(expression)) {
      throw QueryExpressions.refusal();
    }
    return delegate.createExpression(expression);
  }

  @Override
  public void addFunction(String name, Method function) {
    delegate.addFunction(name, function);
  }

  @Override
  public ElProvider toElProvider() {
    if (delegate instanceof ElProviderCompatible compatible) {
      return compatible.toElProvider();
    }
    throw new UnsupportedOperationException("The engine's expression manager provides no DMN EL provider");
  }
}
