package id.go.kerjasama.platform.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Attaches the application's cross-cutting listeners (instance visibility,
 * audit trail, notifications) to every process and every user task at parse
 * time, so the diagrams stay free of plumbing. The beans are looked up when
 * an event fires, which keeps the engine free of start-up cycles.
 */
@Component
class GlobalListenersPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<ProcessStartListener> processStartListeners;
  private final ObjectProvider<UserTaskListener> userTaskListeners;

  public GlobalListenersPlugin(ObjectProvider<ProcessStartListener> processStartListeners,
                               ObjectProvider<UserTaskListener> userTaskListeners) {
    this.processStartListeners = processStartListeners;
    this.userTaskListeners = userTaskListeners;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new Parse());
  }

  private final class Parse extends AbstractBpmnParseListener {

    @Override
    public void parseProcess(Element processElement, org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity processDefinition) {
      ExecutionListener onStart = execution ->
          processStartListeners.orderedStream().forEach(l -> {
            try {
              l.notify(execution);
            } catch (RuntimeException e) {
              throw e;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
      processDefinition.addListener(ExecutionListener.EVENTNAME_START, onStart);
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      TaskDefinition definition = taskDefinition(activity);
      if (definition == null) {
        return;
      }
      TaskListener onCreate = task -> userTaskListeners.orderedStream().forEach(l -> l.created(task));
      definition.addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
      // completion is handled when the activity ends: exceptions of execution
      // listeners reach the caller unwrapped, those of task listeners do not.
      // The checks come first, before the diagram's own end listeners act on
      // the decision; the records last.
      ExecutionListener onCompleting = execution -> {
        if (!execution.isCanceled()) {
          userTaskListeners.orderedStream().forEach(l -> l.completing(execution));
        }
      };
      activity.addListener(ExecutionListener.EVENTNAME_END, onCompleting, 0);
      ExecutionListener onEnd = execution -> {
        if (!execution.isCanceled()) {
          userTaskListeners.orderedStream().forEach(l -> l.completed(execution));
        }
      };
      activity.addListener(ExecutionListener.EVENTNAME_END, onEnd);
    }

    private TaskDefinition taskDefinition(ActivityImpl activity) {
      Object behavior = activity.getActivityBehavior();
      if (behavior instanceof org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior userTask) {
        return userTask.getTaskDefinition();
      }
      return null;
    }
  }
}
