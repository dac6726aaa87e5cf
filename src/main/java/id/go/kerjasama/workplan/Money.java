package id.go.kerjasama.workplan;

import id.go.kerjasama.platform.forms.FormValues;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** Amounts and currencies of the forms (work plan budget, budget realised in reports). */
public final class Money {

  /** Offered in the forms; any ISO 4217 code is accepted. */
  public static final List<String> COMMON_CURRENCIES = List.of("IDR", "USD", "EUR", "JPY", "AUD", "GBP", "KRW",
      "SGD", "CNY", "CHF", "CAD", "NZD");
  static final BigDecimal MAX = new BigDecimal("1000000000000000");

  private Money() {
  }

  /** A required amount, not negative, at most two decimals. */
  public static BigDecimal amount(FormValues form, Map<String, Object> values, String key, String label) {
    Object v = values.get(key);
    if (v == null || v.toString().isBlank()) {
      form.problem(label + " wajib diisi");
      return null;
    }
    BigDecimal amount;
    try {
      amount = v instanceof BigDecimal b ? b
          : v instanceof Long || v instanceof Integer ? BigDecimal.valueOf(((Number) v).longValue())
          : v instanceof Number n ? BigDecimal.valueOf(n.doubleValue())
          : new BigDecimal(v.toString().trim().replace(" ", ""));
    } catch (NumberFormatException e) {
      form.problem(label + " harus berupa angka");
      return null;
    }
    if (amount.signum() < 0 || amount.compareTo(MAX) >= 0) {
      form.problem(label + " harus 0 atau lebih dan kurang dari 10^15");
      return null;
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      form.problem(label + " paling banyak dua angka di belakang koma");
      return null;
    }
    return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
  }

  /** A required ISO 4217 currency code such as IDR or USD. */
  public static String currency(FormValues form, Map<String, Object> values, String key, String label) {
    Object v = values.get(key);
    String code = v == null ? "" : v.toString().trim().toUpperCase(java.util.Locale.ROOT);
    if (code.isEmpty()) {
      form.problem(label + " wajib dipilih");
      return null;
    }
    try {
      Currency.getInstance(code);
      return code;
    } catch (IllegalArgumentException e) {
      form.problem(label + ": kode mata uang '" + code + "' tidak dikenal (ISO 4217, mis. IDR, USD)");
      return null;
    }
  }
}
