package id.go.kerjasama.platform.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Transaction boundaries drawn into no diagram (docs/performance.md
 * "Transaction boundaries"): with {@code kerjasama.engine.async-continuations}
 * on, every user task continues asynchronously after it ends
 * ({@code asyncAfter}) and every call activity starts asynchronously
 * ({@code asyncBefore}), both exclusive. A user's submit then commits the task
 * with its checks and audit record (the end listeners still run in the
 * user's transaction, so a refused decision is still refused at once), and
 * the follow-up work — the next phase's registry writes, notifications, the
 * next tasks — runs as a job: a failure there is retried by the job executor
 * and then becomes an incident in Cockpit instead of an error on the user's
 * screen that rolls their form back.
 *
 * <p>On by default (application.yaml; {@code KERJASAMA_ASYNC_CONTINUATIONS=false}
 * switches it off). The process tests run these jobs explicitly
 * ({@code ProcessTestSupport.runContinuations}), the integration tests wait
 * for the job executor to run them.
 */
@Component
class AsyncContinuationsPlugin extends AbstractProcessEnginePlugin {

  private final boolean enabled;

  AsyncContinuationsPlugin(@Value("${kerjasama.engine.async-continuations:true}") boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!enabled) {
      return;
    }
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new Boundaries());
  }

  /** Sets the continuations on the parsed activities; the engine adds their job declarations. */
  static final class Boundaries extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      activity.setAsyncAfter(true, true);
    }

    @Override
    public void parseCallActivity(Element callActivityElement, ScopeImpl scope, ActivityImpl activity) {
      activity.setAsyncBefore(true, true);
    }
  }
}
