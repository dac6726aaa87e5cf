package id.go.kerjasama.workplan;

import id.go.kerjasama.platform.forms.FormValues;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

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

  /**
   * An amount of the form ({@code form} is bound to the deployed form, whose
   * validate block gives required, min and max, and decimalDigits the
   * decimals); the registry stores two decimals, which the check below keeps
   * should a form ever allow more.
   */
  public static BigDecimal amount(FormValues form, String key, String label) {
    // null if refused by the form's check, or left empty where the form allows it;
    // else exact, Indonesian text too (1.500.000,50), two decimals at most
    return form.optionalAmount(key, label);
  }

  /** A required ISO 4217 currency code such as IDR or USD. */
  public static String currency(FormValues form, String key, String label) {
    Object v = form.value(key);
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
