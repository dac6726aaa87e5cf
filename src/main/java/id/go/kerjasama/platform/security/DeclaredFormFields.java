package id.go.kerjasama.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The variables a deployed Camunda Form lets its user submit: the keys of
 * its fields and the paths of its dynamic lists and groups (their first
 * segment, as form-js nests dotted keys into one object variable). A task or
 * start event without a Camunda Form declares nothing.
 */
final class DeclaredFormFields {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DeclaredFormFields() {
  }

  static Set<String> ofTask(CommandContext context, String taskId) {
    return read(context, c -> new GetDeployedTaskFormCmd(taskId).execute(c));
  }

  static Set<String> ofStartForm(CommandContext context, String processDefinitionId) {
    return read(context, c -> new GetDeployedStartFormCmd(processDefinitionId).execute(c));
  }

  private static Set<String> read(CommandContext context, Function<CommandContext, InputStream> form) {
    boolean checking = context.isAuthorizationCheckEnabled();
    context.disableAuthorizationCheck();
    try (InputStream in = form.apply(context)) {
      return fields(JSON.readTree(in));
    } catch (ProcessEngineException | IOException e) {
      // no deployed form (or not a Camunda Form): nothing may be submitted
      return Set.of();
    } finally {
      context.setAuthorizationCheckEnabled(checking);
    }
  }

  static Set<String> fields(JsonNode form) {
    Set<String> names = new LinkedHashSet<>();
    collect(form.path("components"), names);
    return names;
  }

  private static void collect(JsonNode components, Set<String> names) {
    for (JsonNode component : components) {
      if (component.hasNonNull("path") && !component.path("path").asText().isBlank()) {
        // a dynamic list or a group with a path: one variable, its items inside it
        names.add(firstSegment(component.path("path").asText()));
      } else if (component.hasNonNull("key") && isInput(component)) {
        names.add(firstSegment(component.path("key").asText()));
      } else if (component.has("components")) {
        collect(component.path("components"), names);
      }
    }
  }

  private static boolean isInput(JsonNode component) {
    String type = component.path("type").asText();
    return !type.equals("text") && !type.equals("html") && !type.equals("image") && !type.equals("spacer")
        && !type.equals("separator") && !type.equals("button");
  }

  private static String firstSegment(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? key : key.substring(0, dot);
  }
}
