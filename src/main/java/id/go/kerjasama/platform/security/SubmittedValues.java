package id.go.kerjasama.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The kinds of value a user may send as a variable: text, numbers, yes/no,
 * dates, nothing, and JSON (Tasklist sends list fields as JSON). Objects the
 * engine would deserialize (Java serialization, XML, or JSON bound to a Java
 * class named by the sender), files and bytes are refused with 400 before
 * anything is stored, and so is text with control characters (NUL and the
 * like; tab and line breaks are text).
 */
final class SubmittedValues {

  private static final Set<String> TYPES = Set.of("null", "string", "boolean", "short", "integer", "long",
      "double", "date", "json");

  private SubmittedValues() {
  }

  static void check(Object variables) {
    if (!(variables instanceof Map<?, ?> map)) {
      return;
    }
    List<String> refused = new ArrayList<>();
    List<String> controls = new ArrayList<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String name = String.valueOf(entry.getKey());
      Object value = map instanceof VariableMap typed ? typed.getValueTyped(name) : entry.getValue();
      if (value instanceof TypedValue typedValue) {
        String type = typedValue.getType() == null ? "untyped" : typedValue.getType().getName();
        if (!TYPES.contains(type) && !(type.equals("untyped") && plain(typedValue.getValue()))) {
          refused.add(name);
          continue;
        }
        value = typedValue.getValue();
      } else if (!plain(value)) {
        refused.add(name);
        continue;
      }
      if (hasControlCharacter(value)) {
        controls.add(name);
      }
    }
    if (!refused.isEmpty()) {
      throw new BadUserRequestException("Jenis data isian berikut tidak didukung (hanya teks, angka, ya/tidak, "
          + "tanggal dan daftar): " + String.join(", ", refused) + ".");
    }
    if (!controls.isEmpty()) {
      throw new BadUserRequestException("Isian berikut mengandung karakter kendali yang tidak boleh dipakai: "
          + String.join(", ", controls) + ".");
    }
  }

  /**
   * Each value of the kind its form field submits: a text field text, a number field a number, a check box
   * yes/no, a choice one value — never a list or an object where the form has a single value (a list in a
   * text field was stored as its text). Lists and objects only for check lists, tag lists and dynamic lists.
   */
  static void checkKinds(Object variables, Map<String, String> kinds) {
    if (!(variables instanceof Map<?, ?> map)) {
      return;
    }
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String name = String.valueOf(entry.getKey());
      Object value = map instanceof VariableMap typed ? typed.getValueTyped(name) : entry.getValue();
      if (value instanceof TypedValue typedValue) {
        value = typedValue.getValue();
      }
      String kind = kinds.get(name);
      if (value == null || kind == null) {
        continue;
      }
      String expected = switch (kind) {
        case "textfield", "textarea" -> value instanceof String ? null : "teks";
        case "datetime" -> value instanceof String || value instanceof Date ? null : "tanggal";
        case "number" -> value instanceof Number || value instanceof String ? null : "angka";
        case "checkbox" -> value instanceof Boolean || value instanceof String ? null : "ya/tidak";
        case "select", "radio" -> value instanceof String || value instanceof Number || value instanceof Boolean
            ? null : "satu pilihan";
        default -> null;
      };
      if (expected != null) {
        wrong.add(name + " (harus " + expected + ")");
      }
    }
    if (!wrong.isEmpty()) {
      throw new BadUserRequestException("Isian berikut tidak sesuai jenisnya: " + String.join(", ", wrong) + ".");
    }
  }

  /** What a Java caller may pass untyped: the same kinds, plus lists and maps of them (stored as JSON). */
  private static boolean plain(Object value) {
    return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Date || value instanceof SpinJsonNode || value instanceof Collection<?>
        || value instanceof Map<?, ?>;
  }

  private static boolean hasControlCharacter(Object value) {
    if (value instanceof SpinJsonNode json) {
      if (json.isString()) {
        return hasControlCharacter(json.stringValue());
      }
      if (json.isArray()) {
        return json.elements().stream().anyMatch(SubmittedValues::hasControlCharacter);
      }
      if (json.isObject()) {
        return json.fieldNames().stream().anyMatch(f -> hasControlCharacter(f) || hasControlCharacter(json.prop(f)));
      }
      return false;
    }
    if (!(value instanceof String text)) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
        return true;
      }
    }
    return false;
  }
}
