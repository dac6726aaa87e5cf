package id.go.kerjasama.platform.forms;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** The earliest date a form accepts: older dates are typing mistakes (an assumption, docs/localization.md). */
  public static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);
  /** The latest date a form accepts. */
  public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
  /** Amounts must stay below Rp 1.000.000.000.000.000 (10^15). */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");

  static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
  private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})");
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(T.*)?");
  private static final Pattern CURRENCY_PREFIX = Pattern.compile("^(?i)(rp\\.?|idr)\\s*");
  private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
  private static final Pattern COMMA_DECIMAL = Pattern.compile("-?\\d+(,\\d+)?");
  private static final Pattern POINT_DECIMAL = Pattern.compile("-?\\d+\\.\\d{1,2}|-?\\d+\\.\\d{4,}");

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

  /**
   * A required date. Accepted: a {@link Date} or {@link LocalDate}, ISO text
   * ({@code 2027-03-15}, as Tasklist's date fields send it; a date-time with an
   * offset is taken in Jakarta time) and the Indonesian way of writing it,
   * day first ({@code 15/03/2027}, also with {@code -} or {@code .}). Never
   * guessed: {@code 31/02/2027} or a month 13 is refused, not rolled over, and
   * so is a date before {@link #EARLIEST} or after {@link #LATEST}.
   */
  public LocalDate date(String key, String label) {
    if (!passed(key)) {
      return null; // the form's check named the problem
    }
    Object v = values.get(key);
    if (v == null || v.toString().isBlank()) {
      problems.add(label + " wajib diisi");
      return null;
    }
    LocalDate date;
    if (v instanceof Date d) {
      date = LocalDate.ofInstant(d.toInstant(), JAKARTA);
    } else if (v instanceof LocalDate d) {
      date = d;
    } else {
      date = parseDate(v.toString().trim(), label);
    }
    if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
      problems.add(label + " " + IndonesianFormat.date(date) + " tidak masuk akal: harus antara "
          + IndonesianFormat.date(EARLIEST) + " dan " + IndonesianFormat.date(LATEST));
      return null;
    }
    return date;
  }

  private LocalDate parseDate(String s, String label) {
    Matcher dayFirst = DAY_FIRST.matcher(s);
    Matcher iso = ISO_DATE.matcher(s);
    int year;
    int month;
    int day;
    if (dayFirst.matches()) {
      day = Integer.parseInt(dayFirst.group(1));
      month = Integer.parseInt(dayFirst.group(3));
      year = Integer.parseInt(dayFirst.group(4));
    } else if (iso.matches()) {
      if (iso.group(4) != null && !iso.group(4).isEmpty()) {
        try {
          return OffsetDateTime.parse(s).atZoneSameInstant(JAKARTA).toLocalDate();
        } catch (DateTimeParseException e) {
          // a local date-time (no offset): its date part counts
        }
      }
      year = Integer.parseInt(iso.group(1));
      month = Integer.parseInt(iso.group(2));
      day = Integer.parseInt(iso.group(3));
    } else {
      problems.add(label + ": '" + abbreviate(s) + "' bukan tanggal; tulis hari/bulan/tahun, mis. 15/03/2027");
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      problems.add(label + ": " + String.format("%02d/%02d/%04d", day, month, year)
          + " tidak ada di kalender (hari/bulan/tahun)");
      return null;
    }
  }

  /**
   * A required amount of money, not negative, below {@link #MAX_AMOUNT}, at
   * most two decimals, exact: numbers as Tasklist sends them (Long, Double),
   * {@link BigDecimal}, and texts written the Indonesian way
   * ({@code 1.500.000.000}, {@code Rp 1.500.000,50}) or plain
   * ({@code 1500000000}, {@code 1500000.5}). A dot followed by exactly three
   * digits separates thousands; anything ambiguous ({@code 1,500,000}) is
   * refused rather than guessed.
   */
  public BigDecimal amount(String key, String label) {
    Object v = values.get(key);
    if (v == null || v.toString().isBlank()) {
      problems.add(label + " wajib diisi");
      return null;
    }
    BigDecimal amount;
    if (v instanceof BigDecimal b) {
      amount = b;
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
      amount = BigDecimal.valueOf(((Number) v).longValue());
    } else if (v instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        problems.add(label + " harus berupa angka");
        return null;
      }
      amount = BigDecimal.valueOf(d);
    } else {
      amount = parseAmount(v.toString(), label);
      if (amount == null) {
        return null;
      }
    }
    if (amount.signum() < 0) {
      problems.add(label + " tidak boleh negatif");
      return null;
    }
    if (amount.compareTo(MAX_AMOUNT) >= 0) {
      problems.add(label + " " + IndonesianFormat.number(amount.setScale(0, java.math.RoundingMode.DOWN))
          + " tidak masuk akal: harus kurang dari " + IndonesianFormat.number(MAX_AMOUNT));
      return null;
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      problems.add(label + " paling banyak dua angka di belakang koma");
      return null;
    }
    return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
  }

  /**
   * An amount the form allows to be left empty: {@code null} if empty or
   * refused by the form's validate block (required, min, max, decimalDigits:
   * the form is the one source of its limits), else read as
   * {@link #amount(String, String)} reads it (exact, Indonesian text too,
   * two decimals at most, below {@link #MAX_AMOUNT}).
   */
  public BigDecimal optionalAmount(String key, String label) {
    Object v = values.get(key);
    if (!passed(key) || v == null || v.toString().isBlank()) {
      return null;
    }
    return amount(key, label);
  }

  private BigDecimal parseAmount(String raw, String label) {
    BigDecimal exact = exactNumber(raw);
    if (exact == null) {
      problems.add(label + ": '" + abbreviate(raw.trim()) + "' bukan jumlah uang; tulis mis. 1.500.000 atau "
          + "1.500.000,50 (titik pemisah ribuan, koma sebelum sen)");
    }
    return exact;
  }

  /**
   * A number written as text, read exactly the Indonesian way: {@code 1.500.000},
   * {@code Rp 1.500.000,50}, {@code 0,01}, or plain {@code 1500000.5}; null
   * when it is no number or ambiguous ({@code 1,500,000}). The form-limit
   * check ({@link FieldRule}) and {@link #amount} both read numbers with it.
   */
  public static BigDecimal exactNumber(String raw) {
    String s = raw.replace('\u00a0', ' ').trim();
    s = CURRENCY_PREFIX.matcher(s).replaceFirst("").replace(" ", "");
    String plain;
    if (GROUPED.matcher(s).matches() || COMMA_DECIMAL.matcher(s).matches()) {
      plain = s.replace(".", "").replace(',', '.');
    } else if (POINT_DECIMAL.matcher(s).matches()) {
      plain = s;
    } else {
      return null;
    }
    return new BigDecimal(plain);
  }

  /** A required ISO 4217 currency code such as IDR or USD. */
  public String currency(String key, String label) {
    Object v = values.get(key);
    String code = v == null ? "" : v.toString().trim().toUpperCase(java.util.Locale.ROOT);
    if (code.isEmpty()) {
      problems.add(label + " wajib dipilih");
      return null;
    }
    try {
      java.util.Currency.getInstance(code);
      return code;
    } catch (IllegalArgumentException e) {
      problems.add(label + ": kode mata uang '" + abbreviate(code) + "' tidak dikenal (ISO 4217, mis. IDR, USD)");
      return null;
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
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
