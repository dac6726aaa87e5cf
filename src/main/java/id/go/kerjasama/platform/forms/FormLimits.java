package id.go.kerjasama.platform.forms;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The limits of the deployed forms, for the server's checks: the form a user
 * task or a start event shows (as the engine resolves its
 * {@code camunda:formRef}) is read from the deployment and its
 * {@code validate} blocks become {@link DeclaredForm}s. So a limit is
 * written once, in the {@code .form}; Tasklist shows it, the server enforces
 * it ({@link FormLimitsCheck} for every user task, the validators through
 * {@link FormValues}), as the decisions are read from the BPMN. A form
 * definition never changes once deployed, so each is read once.
 */
@Component
public class FormLimits {

  private final ObjectMapper json;
  private final ProcessEngine engine;
  private final Map<String, DeclaredForm> cache = new ConcurrentHashMap<>();

  public FormLimits(ObjectMapper json, @Lazy ProcessEngine engine) {
    this.json = json;
    this.engine = engine;
  }

  /**
   * The form of the user task the execution is at (in its listeners), or empty
   * if the task has no Camunda Form.
   */
  public Optional<DeclaredForm> ofTask(DelegateExecution execution) {
    ExecutionEntity entity = (ExecutionEntity) execution;
    ActivityImpl activity = entity.getActivity();
    if (activity == null || !(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
      return Optional.empty();
    }
    FormDefinition definition = behavior.getTaskDefinition().getFormDefinition();
    if (definition == null || definition.getCamundaFormDefinitionKey() == null) {
      return Optional.empty();
    }
    Object version = definition.getCamundaFormDefinitionVersion() == null ? null
        : value(definition.getCamundaFormDefinitionVersion(), execution);
    return Optional.of(ofFormRef(String.valueOf(value(definition.getCamundaFormDefinitionKey(), execution)),
        definition.getCamundaFormDefinitionBinding(),
        version == null ? null : Integer.valueOf(version.toString()),
        entity.getProcessDefinition().getDeploymentId()));
  }

  /**
   * The form a {@code camunda:formRef} names, resolved as the engine resolves
   * it for Tasklist ({@code binding} latest, deployment or version).
   *
   * @param deploymentId the deployment of the process that refers to the form
   */
  public DeclaredForm ofFormRef(String key, String binding, Integer version, String deploymentId) {
    CamundaFormRefImpl ref = new CamundaFormRefImpl(key, binding);
    ref.setVersion(version);
    return inCommand(context -> {
      CamundaFormDefinition form = new GetCamundaFormDefinitionCmd(ref, deploymentId).execute(context);
      if (form == null) {
        throw new IllegalStateException("No deployed form " + ref);
      }
      return cache.computeIfAbsent(form.getId(), id -> {
        ResourceEntity resource = context.getResourceManager()
            .findResourceByDeploymentIdAndResourceName(form.getDeploymentId(), form.getResourceName());
        return parse(form.getResourceName(), resource.getBytes());
      });
    });
  }

  /** The values a user task's form submitted, bound to that form's limits (in the task's end listeners). */
  public FormValues values(DelegateExecution execution) {
    DeclaredForm form = ofTask(execution).orElseThrow(() -> new IllegalStateException(
        "Activity " + execution.getCurrentActivityId() + " has no Camunda Form"));
    return new FormValues(execution.getVariables(), form);
  }

  /** The start form of the execution's process definition (its start event's Camunda Form). */
  public DeclaredForm ofStartForm(DelegateExecution execution) {
    return ofStartForm(execution.getProcessDefinitionId());
  }

  /** The start form of the latest version of a process, e.g. for values that come from elsewhere (an import). */
  public DeclaredForm ofLatestStartForm(String processDefinitionKey) {
    ProcessDefinition definition = inCommand(context -> context.getProcessEngineConfiguration().getRepositoryService()
        .createProcessDefinitionQuery().processDefinitionKey(processDefinitionKey).latestVersion().singleResult());
    if (definition == null) {
      throw new IllegalStateException("No deployed process " + processDefinitionKey);
    }
    return ofStartForm(definition.getId());
  }

  private DeclaredForm ofStartForm(String processDefinitionId) {
    DeclaredForm cached = cache.get("start:" + processDefinitionId);
    if (cached != null) {
      return cached;
    }
    DeclaredForm form = inCommand(context -> {
      try (InputStream in = new GetDeployedStartFormCmd(processDefinitionId).execute(context)) {
        return parse("start form of " + processDefinitionId, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    cache.put("start:" + processDefinitionId, form);
    return form;
  }

  /** Reads a Camunda Form the way the server does (tests read every deployed form with it). */
  public DeclaredForm parse(String name, byte[] form) {
    try {
      return DeclaredForm.parse(name, json.readTree(form), json);
    } catch (IOException e) {
      throw new UncheckedIOException("Form " + name + " is not JSON", e);
    }
  }

  private static Object value(Expression expression, DelegateExecution execution) {
    return expression.getValue(execution);
  }

  /**
   * Runs inside the current engine command (a listener's), or a new one; the
   * form is read with authorization checks off (the user is already allowed
   * at the task or start; reading a form is not theirs to be refused).
   */
  private <T> T inCommand(Function<CommandContext, T> work) {
    CommandContext current = Context.getCommandContext();
    if (current != null) {
      return withoutAuthorization(current, work);
    }
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> withoutAuthorization(context, work));
  }

  private static <T> T withoutAuthorization(CommandContext context, Function<CommandContext, T> work) {
    boolean checking = context.isAuthorizationCheckEnabled();
    context.disableAuthorizationCheck();
    try {
      return work.apply(context);
    } finally {
      context.setAuthorizationCheckEnabled(checking);
    }
  }
}
