package id.go.kerjasama.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kerjasama.platform.forms.DeclaredForm;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The variables a deployed Camunda Form lets its user submit
 * ({@link DeclaredForm#variables()}: the keys of its fields and the paths of
 * its dynamic lists and groups). A task or start event without a Camunda Form
 * declares nothing.
 *
 * <p>The engine resolves which form a task or start event shows (its
 * {@code camunda:formRef} or {@code formKey}, as for Tasklist); the form's
 * resource is then read and parsed once per deployment and resource name —
 * a deployment never changes, and a redeployed form is a new deployment, so
 * the cache never needs invalidating. Every submit used to read the form's
 * bytes from the database and parse them again.
 */
final class DeclaredFormFields {

  /** A deployed form's resource: the cache key. */
  record FormResource(String deploymentId, String resourceName) {
  }

  private final ObjectMapper json;
  private final Map<FormResource, Optional<DeclaredForm>> forms = new ConcurrentHashMap<>();
  private final AtomicLong resourcesRead = new AtomicLong();

  DeclaredFormFields(ObjectMapper json) {
    this.json = json;
  }

  /** The declared variables with the type of the form field each comes from ({@link DeclaredForm#PATH}: a list or group). */
  Map<String, String> ofTask(CommandContext context, String taskId) {
    return declared(context, new LocatedTaskForm(taskId));
  }

  Map<String, String> ofStartForm(CommandContext context, String processDefinitionId) {
    return declared(context, new LocatedStartForm(processDefinitionId));
  }

  /** How many form resources were read from the database (each deployed form once): for tests. */
  long resourcesRead() {
    return resourcesRead.get();
  }

  private Map<String, String> declared(CommandContext context, Locating located) {
    boolean checking = context.isAuthorizationCheckEnabled();
    context.disableAuthorizationCheck();
    try {
      located.locate(context);
      FormResource resource = located.resource();
      if (resource == null) {
        return Map.of();
      }
      Optional<DeclaredForm> form = forms.get(resource);
      if (form == null) {
        // read outside the map's lock; two threads may both read a new form once, both get the same answer
        form = read(context, resource);
        forms.putIfAbsent(resource, form);
      }
      return form.map(DeclaredForm::variables).orElse(Map.of());
    } catch (ProcessEngineException e) {
      // no deployed form: nothing may be submitted
      return Map.of();
    } finally {
      context.setAuthorizationCheckEnabled(checking);
    }
  }

  private Optional<DeclaredForm> read(CommandContext context, FormResource resource) {
    resourcesRead.incrementAndGet();
    try (InputStream in = new GetDeploymentResourceCmd(resource.deploymentId(), resource.resourceName())
        .execute(context)) {
      return Optional.of(DeclaredForm.parse(resource.resourceName(), json.readTree(in), json));
    } catch (IOException e) {
      // not a Camunda Form (an embedded HTML form): it declares no variables
      return Optional.empty();
    }
  }

  /** One of the engine's own form look-ups, stopped where it would read the resource: which one it is. */
  private interface Locating {
    void locate(CommandContext context);

    FormResource resource();
  }

  private static final class LocatedTaskForm extends GetDeployedTaskFormCmd implements Locating {
    private FormResource resource;

    LocatedTaskForm(String taskId) {
      super(taskId);
    }

    @Override
    public void locate(CommandContext context) {
      execute(context);
    }

    @Override
    protected InputStream getDeploymentResource(String deploymentId, String resourceName) {
      resource = new FormResource(deploymentId, resourceName);
      return InputStream.nullInputStream();
    }

    @Override
    public FormResource resource() {
      return resource;
    }
  }

  private static final class LocatedStartForm extends GetDeployedStartFormCmd implements Locating {
    private FormResource resource;

    LocatedStartForm(String processDefinitionId) {
      super(processDefinitionId);
    }

    @Override
    public void locate(CommandContext context) {
      execute(context);
    }

    @Override
    protected InputStream getDeploymentResource(String deploymentId, String resourceName) {
      resource = new FormResource(deploymentId, resourceName);
      return InputStream.nullInputStream();
    }

    @Override
    public FormResource resource() {
      return resource;
    }
  }
}
