package id.go.kerjasama.platform.forms;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.spin.json.SpinJsonNode;

/**
 * One field of a deployed Camunda Form and the limits of its {@code validate}
 * block: the only place a form field's limits are written down. The server
 * checks a submitted value with {@link #problems}, and the message is made
 * from the limit, in Bahasa Indonesia ("Judul minimal 5 karakter").
 *
 * @param key         the field's key (inside a dynamic list: the key in each row)
 * @param label       the form's label (a date field's {@code dateLabel})
 * @param type        the form-js type: textfield, textarea, number, datetime, select, radio, …
 * @param required    {@code validate.required}
 * @param conditional the form hides the field under a condition ({@code conditional.hide}); the
 *                    form does not check a hidden field, so whether it is required then is the
 *                    Java validator's decision (a cross-field rule)
 * @param minLength   {@code validate.minLength} of a text, or null
 * @param maxLength   {@code validate.maxLength} of a text, or null
 * @param min         {@code validate.min} of a number, or null (inclusive, as form-js)
 * @param max         {@code validate.max} of a number, or null (inclusive)
 * @param pattern     {@code validate.pattern} of a text (a Java/JavaScript regex), or null
 * @param hint        the field's description, shown when a value does not match the pattern
 * @param decimals    a number's {@code decimalDigits}: at most this many decimals, or null
 */
public record FieldRule(String key, String label, String type, boolean required, boolean conditional,
                        Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max, String pattern,
                        String hint, Integer decimals) {

  private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

  /** A text field (textfield, textarea): lengths and pattern apply. */
  public boolean isText() {
    return type.equals("textfield") || type.equals("textarea");
  }

  public boolean isNumber() {
    return type.equals("number");
  }

  /** A choice (select, radio, checklist, taglist): "wajib dipilih" rather than "wajib diisi". */
  public boolean isChoice() {
    return type.equals("select") || type.equals("radio") || type.equals("checklist") || type.equals("taglist");
  }

  /** Whether the validate block sets anything the server checks. */
  public boolean hasLimits() {
    return required || minLength != null || maxLength != null || min != null || max != null || pattern != null
        || decimals != null;
  }

  /**
   * The problems of a submitted value, each a sentence naming {@code label}.
   *
   * @param enforceRequired false to let a blank value of a conditional field pass (the
   *                        generic check does not know whether the form showed it)
   */
  public List<String> problems(String label, Object value, boolean enforceRequired) {
    List<String> problems = new ArrayList<>();
    if (isBlank(value)) {
      if (required && (enforceRequired || !conditional)) {
        problems.add(label + (isChoice() ? " wajib dipilih" : " wajib diisi"));
      }
      return problems;
    }
    if (isText()) {
      String text = value.toString().trim();
      int length = text.codePointCount(0, text.length());
      if (minLength != null && length < minLength) {
        problems.add(label + " minimal " + minLength + " karakter (sekarang " + length + ")");
      } else if (maxLength != null && length > maxLength) {
        problems.add(label + " paling banyak " + maxLength + " karakter (sekarang " + length + ")");
      } else if (pattern != null && !Pattern.compile(pattern).matcher(text).find()) {
        problems.add(label + " tidak sesuai format yang diminta" + (hint == null ? "" : " (" + hint + ")"));
      }
    } else if (isNumber()) {
      BigDecimal number = number(value);
      if (number == null) {
        problems.add(label + " harus berupa angka");
      } else if (min != null && number.compareTo(min) < 0) {
        problems.add(label + " paling kecil " + format(min));
      } else if (max != null && number.compareTo(max) > 0) {
        problems.add(label + " paling besar " + format(max));
      } else if (decimals != null && number.stripTrailingZeros().scale() > decimals) {
        problems.add(label + (decimals == 0 ? " harus bilangan bulat"
            : " paling banyak " + decimals + " angka di belakang koma"));
      }
    }
    return problems;
  }

  /** A number as a form sends it: Long, Double, BigDecimal or text; null if it is none. */
  public static BigDecimal number(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      if (value instanceof BigDecimal b) {
        return b;
      }
      if (value instanceof Long || value instanceof Integer || value instanceof Short) {
        return BigDecimal.valueOf(((Number) value).longValue());
      }
      if (value instanceof Number n) {
        return BigDecimal.valueOf(n.doubleValue());
      }
      return FormValues.exactNumber(value.toString()); // 1.500.000 and 0,01 as Indonesians write them
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A limit as a person reads it: 1.000.000 or 0,01. */
  static String format(BigDecimal number) {
    DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(INDONESIAN));
    return format.format(number);
  }

  /** Nothing submitted: null, blank text, an empty list (Java, Json or JSON text). */
  static boolean isBlank(Object value) {
    if (value == null) {
      return true;
    }
    if (value instanceof Collection<?> c) {
      return c.isEmpty();
    }
    if (value instanceof SpinJsonNode json) {
      return json.isNull() || json.isArray() && json.elements().isEmpty()
          || json.isString() && json.stringValue().isBlank();
    }
    String text = value.toString().trim();
    return text.isEmpty() || text.equals("[]");
  }
}
