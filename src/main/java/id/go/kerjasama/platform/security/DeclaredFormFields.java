package id.go.kerjasama.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
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

  /** The declared variables with the type of the form field each comes from ({@code path}: a list or group). */
  static Map<String, String> ofTask(CommandContext context, String taskId) {
    return read(context, c -> new GetDeployedTaskFormCmd(taskId).execute(c));
  }

  static Map<String, String> ofStartForm(CommandContext context, String processDefinitionId) {
    return read(context, c -> new GetDeployedStartFormCmd(processDefinitionId).execute(c));
  }

  private static Map<String, String> read(CommandContext context, Function<CommandContext, InputStream> form) {
    boolean checking = context.isAuthorizationCheckEnabled();
    context.disableAuthorizationCheck();
    try (InputStream in = form.apply(context)) {
      return kinds(JSON.readTree(in));
    } catch (ProcessEngineException | IOException e) {
      // no deployed form (or not a Camunda Form): nothing may be submitted
      return Map.of();
    } finally {
      context.setAuthorizationCheckEnabled(checking);
    }
  }

  static Set<String> fields(JsonNode form) {
    return new LinkedHashSet<>(kinds(form).keySet());
  }

  static Map<String, String> kinds(JsonNode form) {
    Map<String, String> kinds = new LinkedHashMap<>();
    collect(form.path("components"), kinds);
    return kinds;
  }

  private static void collect(JsonNode components, Map<String, String> kinds) {
    for (JsonNode component : components) {
      if (component.hasNonNull("path") && !component.path("path").asText().isBlank()) {
        // a dynamic list or a group with a path: one variable, its items inside it
        kinds.put(firstSegment(component.path("path").asText()), PATH);
      } else if (component.hasNonNull("key") && isInput(component)) {
        String key = component.path("key").asText();
        // a dotted key is nested into one object variable by form-js
        kinds.put(firstSegment(key), key.contains(".") ? PATH : component.path("type").asText());
      } else if (component.has("components")) {
        collect(component.path("components"), kinds);
      }
    }
  }

  /** The kind of a variable that holds a list or an object (a dynamic list, a group, a dotted key). */
  static final String PATH = "path";

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
