package id.go.kerjasama.workplan;

import id.go.kerjasama.platform.forms.FormValues;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Amounts and currencies of the forms (work plan budget, budget realised in
 * reports); parsed by the one parser of every phase, {@link FormValues#amount}.
 */
public final class Money {

  /** Offered in the forms; any ISO 4217 code is accepted. */
  public static final List<String> COMMON_CURRENCIES = List.of("IDR", "USD", "EUR", "JPY", "AUD", "GBP", "KRW",
      "SGD", "CNY", "CHF", "CAD", "NZD");

  private Money() {
  }

  /** A required amount, not negative, at most two decimals (see {@link FormValues#amount}). */
  public static BigDecimal amount(FormValues form, Map<String, Object> values, String key, String label) {
    return form.amount(key, label);
  }

  /** A required ISO 4217 currency code such as IDR or USD. */
  public static String currency(FormValues form, Map<String, Object> values, String key, String label) {
    return form.currency(key, label);
  }
}
