package id.go.kerjasama.platform.forms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How people read dates and amounts: {@code 15/03/2027} and {@code Rp 1.500.000}
 * (dot thousands separator, comma before the cents). The same formats are
 * accepted on input by {@link FormValues#date} and {@link FormValues#amount}.
 */
public final class IndonesianFormat {

  public static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
  public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

  private IndonesianFormat() {
  }

  /** {@code 15/03/2027}; an empty text for no date. */
  public static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  /** {@code 1.500.000} or {@code 1.500.000,50}: whole amounts without cents. */
  public static String number(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(INDONESIAN);
    symbols.setGroupingSeparator('.');
    symbols.setDecimalSeparator(',');
    boolean whole = amount.stripTrailingZeros().scale() <= 0;
    DecimalFormat format = new DecimalFormat(whole ? "#,##0" : "#,##0.00", symbols);
    format.setRoundingMode(RoundingMode.UNNECESSARY);
    return format.format(whole ? amount.setScale(0, RoundingMode.UNNECESSARY) : amount);
  }

  /** {@code Rp 1.500.000} for rupiah, {@code USD 2.500,50} for other currencies. */
  public static String money(BigDecimal amount, String currency) {
    if (amount == null) {
      return "";
    }
    String code = currency == null || currency.isBlank() || "IDR".equalsIgnoreCase(currency) ? "Rp" : currency;
    return code + " " + number(amount);
  }

  /** A size limit as people read it: "20 MB", "512 KB", "100 byte". */
  public static String size(org.springframework.util.unit.DataSize size) {
    long bytes = size.toBytes();
    if (bytes % (1024 * 1024) == 0) {
      return (bytes / (1024 * 1024)) + " MB";
    }
    if (bytes % 1024 == 0) {
      return (bytes / 1024) + " KB";
    }
    return bytes + " byte";
  }
}
