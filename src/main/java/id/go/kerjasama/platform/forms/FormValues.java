package id.go.kerjasama.platform.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads the values a form submitted, whatever the way they came: Tasklist's
 * Camunda Forms send lists as Json, dates as ISO strings and numbers as
 * Long or Double; REST clients send strings, and Java clients send objects.
 * Every problem is collected with the field's label, in Bahasa Indonesia,
 * so one submission gets one complete answer.
 *
 * <p>Bound to a deployed form ({@link #FormValues(Map, DeclaredForm)}), the
 * values are first checked against every validate block of the form (the
 * only place the limits are written, {@link DeclaredForm#problems}); the
 * reads without limits ({@link #text(String, String)},
 * {@link #optionalText(String, String)}, {@link #integer(String, String)},
 * {@link #list(String, String)}) then return a field's value, or null if the
 * form's check refused it, and the validator adds the rules a form cannot
 * express. The reads with explicit limits are for values no form declares
 * (a CSV import, a message's payload).
 */
public final class FormValues {

  private final Map<String, Object> values;
  private final DeclaredForm form;
  private final Map<String, List<String>> refused;
  private final List<String> problems = new ArrayList<>();

  public FormValues(Map<String, Object> values) {
    this.values = values;
    this.form = null;
    this.refused = Map.of();
  }

  /** Values submitted through {@code form}: checked against its validate blocks at once. */
  public FormValues(Map<String, Object> values, DeclaredForm form) {
    this.values = values;
    this.form = form;
    this.refused = form.problemsByField(values::get);
    refused.values().forEach(problems::addAll);
  }

  /** The value submitted for {@code key}, as it came. */
  public Object value(String key) {
    return values.get(key);
  }

  /** The deployed form these values came through. */
  public DeclaredForm form() {
    if (form == null) {
      throw new IllegalStateException("These values are not bound to a form");
    }
    return form;
  }

  /** Whether the form's check passed the field (or dynamic list) {@code key}. */
  public boolean passed(String key) {
    return !refused.containsKey(key);
  }

  /**
   * A field's text, trimmed; {@code null} if blank or refused by the form's
   * limits. A field the form hides under a condition and marks required is
   * required here: the caller reads it because the condition holds.
   */
  public String text(String key, String label) {
    FieldRule rule = form().field(key);
    Object v = values.get(key);
    if (!passed(key)) {
      return null;
    }
    if (FieldRule.isBlank(v)) {
      if (rule.required() && rule.conditional()) {
        problems.add(label + " wajib diisi");
      }
      return null;
    }
    return v.toString().trim();
  }

  /** A field's text the caller does not require, trimmed; {@code null} if blank or refused. */
  public String optionalText(String key, String label) {
    form().field(key);
    Object v = values.get(key);
    return !passed(key) || FieldRule.isBlank(v) ? null : v.toString().trim();
  }

  /** A field's whole number (the form's min, max and decimalDigits checked); {@code null} if blank or refused. */
  public Integer integer(String key, String label) {
    form().field(key);
    Object v = values.get(key);
    if (!passed(key) || FieldRule.isBlank(v)) {
      return null;
    }
    BigDecimal number = FieldRule.number(v);
    if (number == null) {
      problems.add(label + " harus berupa angka");
      return null;
    }
    try {
      return number.intValueExact();
    } catch (ArithmeticException e) {
      problems.add(label + " harus bilangan bulat");
      return null;
    }
  }

  /** A field's list of texts ({@link #list(String, String, int)}); empty if refused by the form. */
  public List<String> list(String key, String label) {
    form().field(key);
    return passed(key) ? list(key, label, 0) : List.of();
  }

  /**
   * A value that did not come through a form but fills the same field (an
   * import's column): {@code rule}'s limits, trimmed; {@code null} if blank or wrong.
   */
  public String text(String key, FieldRule rule, String label) {
    Object v = values.get(key);
    List<String> found = rule.problems(label, v, true);
    problems.addAll(found);
    return !found.isEmpty() || FieldRule.isBlank(v) ? null : v.toString().trim();
  }

  public List<String> problems() {
    return problems;
  }

  public void problem(String message) {
    problems.add(message);
  }

  public boolean has(String key) {
    Object v = values.get(key);
    return v != null && !(v instanceof String s && s.isBlank());
  }

  /** A required text of {@code min}..{@code max} characters, trimmed. */
  public String text(String key, String label, int min, int max) {
    if (!passed(key)) {
      return null; // the form's check named the problem
    }
    Object v = values.get(key);
    String s = v == null ? "" : v.toString().trim();
    if (s.isEmpty()) {
      problems.add(label + " wajib diisi");
      return null;
    }
    if (s.length() < min || s.length() > max) {
      problems.add(label + " harus " + min + " sampai " + max + " karakter (sekarang " + s.length() + ")");
      return null;
    }
    return s;
  }

  /** An optional text of at most {@code max} characters. */
  public String optionalText(String key, String label, int max) {
    if (!passed(key)) {
      return null; // the form's check named the problem
    }
    Object v = values.get(key);
    String s = v == null ? "" : v.toString().trim();
    if (s.length() > max) {
      problems.add(label + " paling banyak " + max + " karakter (sekarang " + s.length() + ")");
      return null;
    }
    return s.isEmpty() ? null : s;
  }

  /**
   * An optional yes/no field (a checkbox): {@code true}, {@code false} or
   * absent (= {@code false}); Tasklist sends a Boolean, REST clients may send text.
   */
  public boolean flag(String key, String label) {
    if (!passed(key)) {
      return false; // the form's check named the problem
    }
    Object v = values.get(key);
    if (v == null || v instanceof String s && s.isBlank()) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    String s = v.toString().trim();
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(s);
    }
    problems.add(label + " harus ya atau tidak");
    return false;
  }

  public <E extends Enum<E>> E choice(String key, String label, Class<E> type) {
    if (!passed(key)) {
      return null; // the form's check named the problem
    }
    Object v = values.get(key);
    if (v == null || v.toString().isBlank()) {
      problems.add(label + " wajib dipilih");
      return null;
    }
    try {
      return Enum.valueOf(type, v.toString().trim());
    } catch (IllegalArgumentException e) {
      problems.add(label + ": pilihan '" + v + "' tidak dikenal");
      return null;
    }
  }

  public Integer integer(String key, String label, int min, int max) {
    if (!passed(key)) {
      return null; // the form's check named the problem
    }
    Object v = values.get(key);
    if (v == null || v.toString().isBlank()) {
      problems.add(label + " wajib diisi");
      return null;
    }
    double d;
    try {
      d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
    } catch (NumberFormatException e) {
      problems.add(label + " harus berupa angka");
      return null;
    }
    if (d != Math.rint(d) || d < min || d > max) {
      problems.add(label + " harus bilangan bulat " + min + " sampai " + max);
      return null;
    }
    return (int) d;
  }

  public LocalDate date(String key, String label) {
    if (!passed(key)) {
      return null; // the form's check named the problem
    }
    Object v = values.get(key);
    if (v == null || v.toString().isBlank()) {
      problems.add(label + " wajib diisi");
      return null;
    }
    if (v instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), ZoneId.of("Asia/Jakarta"));
    }
    if (v instanceof LocalDate d) {
      return d;
    }
    String s = v.toString().trim();
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      problems.add(label + " harus tanggal dengan format TTTT-BB-HH");
      return null;
    }
  }

  /** A list of texts: Json array, Java collection, or comma-separated string. */
  public List<String> list(String key, String label, int minItems) {
    if (!passed(key)) {
      return List.of(); // the form's check named the problem
    }
    List<String> items = new ArrayList<>();
    Object v = values.get(key);
    if (v instanceof SpinJsonNode json) {
      if (json.isArray()) {
        json.elements().forEach(e -> items.add(e.isString() ? e.stringValue() : e.toString()));
      } else if (json.isString()) {
        splitInto(json.stringValue(), items);
      }
    } else if (v instanceof Collection<?> c) {
      c.forEach(e -> items.add(String.valueOf(e)));
    } else if (v != null) {
      String s = v.toString().trim();
      if (s.startsWith("[")) {
        splitInto(s.substring(1, s.length() - 1).replace("\"", ""), items);
      } else {
        splitInto(s, items);
      }
    }
    List<String> cleaned = items.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    if (cleaned.size() < minItems) {
      problems.add(label + " wajib diisi (paling sedikit " + minItems + ")");
    }
    return cleaned;
  }

  private static void splitInto(String s, List<String> items) {
    for (String part : s.split(",")) {
      items.add(part);
    }
  }

  public void throwIfInvalid() {
    if (!problems.isEmpty()) {
      throw new id.go.kerjasama.platform.web.InvalidInputException(problems);
    }
  }
}
