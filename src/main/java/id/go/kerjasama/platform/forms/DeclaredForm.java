package id.go.kerjasama.platform.forms;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The fields of one deployed Camunda Form with their {@code validate} blocks,
 * read by {@link FormLimits}: the server's source of every input limit a form
 * declares. Fields inside a dynamic list (a {@code dynamiclist} with a
 * {@code path}) are rules of that list's rows.
 */
public final class DeclaredForm {

  /** A dynamic list: one variable (its path) holding rows of the item fields. */
  public record DynamicList(String path, String label, Map<String, FieldRule> items) {
  }

  /**
   * The kind of a submittable variable that holds a list or an object (a
   * dynamic list, a group with a path, a dotted key), in {@link #variables()}.
   */
  public static final String PATH = "path";

  private final String name;
  private final Map<String, FieldRule> fields;
  private final Map<String, DynamicList> lists;
  private final Map<String, String> variables;
  private final ObjectMapper json;

  private DeclaredForm(String name, Map<String, FieldRule> fields, Map<String, DynamicList> lists,
                       Map<String, String> variables, ObjectMapper json) {
    this.name = name;
    this.fields = Collections.unmodifiableMap(fields);
    this.lists = Collections.unmodifiableMap(lists);
    this.variables = Collections.unmodifiableMap(variables);
    this.json = json;
  }

  /** The form's resource name, e.g. {@code forms/renewal/decide-renewal.form}. */
  public String name() {
    return name;
  }

  /** The fields outside dynamic lists, by key, in the form's order. */
  public Map<String, FieldRule> fields() {
    return fields;
  }

  /** The dynamic lists, by path. */
  public Map<String, DynamicList> lists() {
    return lists;
  }

  /**
   * The process variables the form lets its user submit, in the form's order,
   * each with the type of the form field it comes from ({@link #PATH}: a list
   * or an object): the keys of its input fields and the paths of its dynamic
   * lists and groups (their first segment, as form-js nests dotted keys into
   * one object variable). The engine guard admits nothing else.
   */
  public Map<String, String> variables() {
    return variables;
  }

  /**
   * The rule of a field the form declares. A validator asking for a field the
   * form does not have is a programming error (the form and the code moved
   * apart), not bad input.
   */
  public FieldRule field(String key) {
    FieldRule rule = fields.get(key);
    if (rule == null) {
      throw new IllegalStateException("Form " + name + " declares no field '" + key + "'");
    }
    return rule;
  }

  /** The rule of a field in each row of a dynamic list. */
  public FieldRule listField(String path, String key) {
    DynamicList list = lists.get(path);
    FieldRule rule = list == null ? null : list.items().get(key);
    if (rule == null) {
      throw new IllegalStateException("Form " + name + " declares no field '" + key + "' in list '" + path + "'");
    }
    return rule;
  }

  /**
   * Every problem of a submission against every validate block of the form,
   * the check the server makes whichever way the values came (Tasklist, REST,
   * Java). A field the form hides under a condition is not required here; a
   * row of a dynamic list that is entirely blank (Tasklist leaves one) is skipped.
   */
  public List<String> problems(Function<String, Object> values) {
    return problemsByField(values).values().stream().flatMap(List::stream).toList();
  }

  /** {@link #problems}, by the field's key or the dynamic list's path; only fields with problems. */
  public Map<String, List<String>> problemsByField(Function<String, Object> values) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (FieldRule rule : fields.values()) {
      List<String> found = rule.problems(rule.label(), values.apply(rule.key()), false);
      if (!found.isEmpty()) {
        problems.put(rule.key(), found);
      }
    }
    for (DynamicList list : lists.values()) {
      List<String> found = new ArrayList<>();
      List<Map<String, Object>> rows = rows(values.apply(list.path()));
      if (rows == null) {
        found.add(list.label() + " tidak dapat dibaca: harus daftar isian");
      } else {
        for (int i = 0; i < rows.size(); i++) {
          Map<String, Object> row = rows.get(i);
          if (isBlankRow(list, row)) {
            continue;
          }
          for (FieldRule rule : list.items().values()) {
            found.addAll(rule.problems(list.label() + " " + (i + 1) + ": " + rule.label(), row.get(rule.key()),
                false));
          }
        }
      }
      if (!found.isEmpty()) {
        problems.put(list.path(), found);
      }
    }
    return problems;
  }

  /** A row with nothing filled in: Tasklist leaves one in an untouched list. */
  public static boolean isBlankRow(DynamicList list, Map<String, Object> row) {
    return list.items().keySet().stream().allMatch(k -> FieldRule.isBlank(row.get(k)));
  }

  /** The rows of a dynamic list's value; null if it is not a list of objects. */
  public List<Map<String, Object>> rowsOf(Object value) {
    return rows(value);
  }

  /** The rows of a dynamic list: Json (Spin), JSON text or a Java collection of maps; null if unreadable. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> rows(Object value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return List.of();
    }
    try {
      if (value instanceof SpinJsonNode node) {
        return json.readValue(node.toString(), new TypeReference<>() { });
      }
      if (value instanceof String s) {
        return json.readValue(s, new TypeReference<>() { });
      }
      if (value instanceof Collection<?> c) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object o : c) {
          if (!(o instanceof Map<?, ?> m)) {
            return null;
          }
          rows.add((Map<String, Object>) m);
        }
        return rows;
      }
    } catch (Exception e) {
      return null;
    }
    return null;
  }

  /** Reads a Camunda Form's JSON (the server's reading: {@link FormLimits#parse}). */
  public static DeclaredForm parse(String name, JsonNode form, ObjectMapper json) {
    Map<String, FieldRule> fields = new LinkedHashMap<>();
    Map<String, DynamicList> lists = new LinkedHashMap<>();
    Map<String, Integer> labelCounts = new HashMap<>();
    countLabels(form.path("components"), labelCounts);
    collect(form.path("components"), fields, lists, labelCounts, new String[1]);
    Map<String, String> variables = new LinkedHashMap<>();
    collectVariables(form.path("components"), variables);
    return new DeclaredForm(name, fields, lists, variables, json);
  }

  private static void collectVariables(JsonNode components, Map<String, String> kinds) {
    for (JsonNode component : components) {
      if (component.hasNonNull("path") && !component.path("path").asText().isBlank()) {
        // a dynamic list or a group with a path: one variable, its items inside it
        kinds.put(firstSegment(component.path("path").asText()), PATH);
      } else if (component.hasNonNull("key") && isInput(component)) {
        String key = component.path("key").asText();
        // a dotted key is nested into one object variable by form-js
        kinds.put(firstSegment(key), key.contains(".") ? PATH : component.path("type").asText());
      } else if (component.has("components")) {
        collectVariables(component.path("components"), kinds);
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

  private static void countLabels(JsonNode components, Map<String, Integer> counts) {
    for (JsonNode c : components) {
      if (c.hasNonNull("key")) {
        counts.merge(label(c), 1, Integer::sum);
      }
      countLabels(c.path("components"), counts);
    }
  }

  private static void collect(JsonNode components, Map<String, FieldRule> fields, Map<String, DynamicList> lists,
                              Map<String, Integer> labelCounts, String[] heading) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (type.equals("text") && c.path("text").asText().strip().startsWith("#")) {
        heading[0] = heading(c.path("text").asText());
      }
      if (type.equals("dynamiclist") && c.hasNonNull("path")) {
        Map<String, FieldRule> items = new LinkedHashMap<>();
        collect(c.path("components"), items, new LinkedHashMap<>(), Map.of(), new String[1]);
        String label = c.path("label").asText(c.path("path").asText());
        int cut = label.indexOf(" (");
        lists.put(c.path("path").asText(), new DynamicList(c.path("path").asText(),
            cut > 0 ? label.substring(0, cut) : label, Collections.unmodifiableMap(items)));
      } else if (c.hasNonNull("key") && !c.path("key").asText().isBlank()) {
        String label = label(c);
        if (labelCounts.getOrDefault(label, 0) > 1 && heading[0] != null) {
          // "Alasan nilai" seven times: say which one, "Alasan nilai Relevansi inisiatif dengan kebutuhan"
          label = label + " " + heading[0];
        }
        fields.put(c.path("key").asText(), rule(c, label));
      } else if (c.has("components")) {
        collect(c.path("components"), fields, lists, labelCounts, heading);
      }
    }
  }

  private static FieldRule rule(JsonNode c, String label) {
    JsonNode v = c.path("validate");
    return new FieldRule(c.path("key").asText(), label, c.path("type").asText(),
        v.path("required").asBoolean(false), c.hasNonNull("conditional") && c.path("conditional").hasNonNull("hide"),
        v.hasNonNull("minLength") ? v.get("minLength").asInt() : null,
        v.hasNonNull("maxLength") ? v.get("maxLength").asInt() : null,
        v.hasNonNull("min") ? new BigDecimal(v.get("min").asText()) : null,
        v.hasNonNull("max") ? new BigDecimal(v.get("max").asText()) : null,
        v.hasNonNull("pattern") && !v.get("pattern").asText().isEmpty() ? v.get("pattern").asText() : null,
        c.hasNonNull("description") ? c.get("description").asText() : null,
        c.hasNonNull("decimalDigits") ? c.get("decimalDigits").asInt() : null);
  }

  private static String label(JsonNode c) {
    for (String attribute : new String[] {"label", "dateLabel", "timeLabel"}) {
      if (c.hasNonNull(attribute) && !c.get(attribute).asText().isBlank()) {
        return c.get(attribute).asText().trim();
      }
    }
    return c.path("key").asText();
  }

  /** The first line of a heading block, without Markdown marks and numbering: "#### 1. Prosedur" → "Prosedur". */
  private static String heading(String markdown) {
    String first = markdown.strip().lines().findFirst().orElse("");
    String plain = first.replaceAll("^[#>*\\s]+", "").replace("**", "").replace("*", "")
        .replaceFirst("^\\d+\\.\\s*", "").strip();
    return plain.isEmpty() ? null : plain;
  }
}
