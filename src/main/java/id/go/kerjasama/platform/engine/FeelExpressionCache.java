package id.go.kerjasama.platform.engine;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.Context;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

/**
 * The DMN decisions' FEEL parsed once, not on every evaluation
 * (docs/performance.md, run 7). Camunda 7.24's FEEL engine
 * ({@link ScalaFeelEngine}, FEEL-Scala 1.19) parses each input expression,
 * input entry and output entry anew whenever a decision table is evaluated,
 * and the DMN engine offers no setting for a cache (the old JUEL-based FEEL
 * engine had one). This plugin gives the DMN engine a FEEL engine that keeps
 * each expression text's parsed form: the same FEEL-Scala engine, the same
 * value mappers and custom functions, the same evaluation — only the parse is
 * remembered. The texts come from deployed decision tables only (at most
 * {@link #MAX_EXPRESSIONS}, then the memory starts again).
 */
@Component
class FeelExpressionCache extends AbstractProcessEnginePlugin {

  static final int MAX_EXPRESSIONS = 10_000;
  private static final AtomicInteger PARSES = new AtomicInteger();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    DefaultDmnEngineConfiguration target = dmn;
    // the engine adds its custom function providers to the DMN configuration after the plugins: read them late
    dmn.setFeelEngineFactory(new Factory(() -> target.getFeelCustomFunctionProviders()));
  }

  /** How often a FEEL text was parsed (for the test that the cache holds). */
  static int parses() {
    return PARSES.get();
  }

  /** Makes the caching FEEL engine for the DMN engine. */
  static final class Factory implements FeelEngineFactory {

    private final Supplier<List<FeelCustomFunctionProvider>> functionProviders;

    Factory(Supplier<List<FeelCustomFunctionProvider>> functionProviders) {
      this.functionProviders = functionProviders;
    }

    @Override
    public FeelEngine createInstance() {
      List<FeelCustomFunctionProvider> providers = functionProviders.get();
      return new CachingScalaFeelEngine(providers == null ? List.of() : providers);
    }
  }

  /** Camunda's FEEL engine over a FEEL-Scala engine that remembers what it parsed. */
  static final class CachingScalaFeelEngine extends ScalaFeelEngine {

    CachingScalaFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
      super(functionProviders);
    }

    @Override
    protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer transformer,
                                                          ValueMapper.CompositeValueMapper valueMapper) {
      org.camunda.feel.FeelEngine built = super.buildFeelEngine(transformer, valueMapper);
      // exactly what ScalaFeelEngine builds (external functions off), plus the memory of parses
      return new Remembering(built.functionProvider(), built.valueMapper(),
          new org.camunda.feel.FeelEngine.Configuration(false), built.clock());
    }
  }

  /** FEEL-Scala's engine with evalExpression/evalUnaryTests parsing each text once. */
  static final class Remembering extends org.camunda.feel.FeelEngine {

    private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    Remembering(org.camunda.feel.context.FunctionProvider functionProvider, ValueMapper valueMapper,
                Configuration configuration, org.camunda.feel.FeelEngineClock clock) {
      super(functionProvider, valueMapper, configuration, clock);
    }

    @Override
    public Either<Failure, Object> evalExpression(String expression, Context context) {
      Either<Failure, ParsedExpression> parsed = parsed(expressions, expression, this::parseExpression);
      return parsed instanceof Right<Failure, ParsedExpression> right
          ? eval(right.value(), context) : failure(parsed);
    }

    @Override
    public Either<Failure, Object> evalUnaryTests(String expression, Context context) {
      Either<Failure, ParsedExpression> parsed = parsed(unaryTests, expression, this::parseUnaryTests);
      if (!(parsed instanceof Right<Failure, ParsedExpression> right)) {
        return failure(parsed);
      }
      Either<Failure, Object> result = eval(right.value(), context);
      // as FeelEngine.evalUnaryTests: the result as a boolean (null is false)
      return result instanceof Right<Failure, Object> value
          ? new Right<>(BoxesRunTime.unboxToBoolean(value.value())) : result;
    }

    private static Either<Failure, ParsedExpression> parsed(Map<String, Either<Failure, ParsedExpression>> cache,
        String text, java.util.function.Function<String, Either<Failure, ParsedExpression>> parse) {
      Either<Failure, ParsedExpression> known = cache.get(text);
      if (known != null) {
        return known;
      }
      if (cache.size() >= MAX_EXPRESSIONS) {
        cache.clear();
      }
      PARSES.incrementAndGet();
      Either<Failure, ParsedExpression> fresh = parse.apply(text);
      cache.put(text, fresh);
      return fresh;
    }

    @SuppressWarnings("unchecked")
    private static Either<Failure, Object> failure(Either<Failure, ParsedExpression> parsed) {
      return (Either<Failure, Object>) (Either<?, ?>) new Left<>(((Left<Failure, ParsedExpression>) parsed).value());
    }
  }
}
