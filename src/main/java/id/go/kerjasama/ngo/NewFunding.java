package id.go.kerjasama.ngo;

import id.go.kerjasama.platform.forms.FormValues;
import java.math.BigDecimal;
import java.util.Map;

/** A validated funding source to declare ({@code POST /api/ngos/{id}/funding}). */
record NewFunding(String source, String country, BigDecimal amount, String currency, int budgetYear) {

  static NewFunding read(Map<String, Object> body) {
    FormValues form = new FormValues(body);
    String source = form.text("source", "Sumber dana", 2, 300);
    String country = form.text("country", "Negara asal dana", 2, 100);
    BigDecimal amount = form.amount("amount", "Jumlah dana");
    String currency = form.currency("currency", "Mata uang");
    Integer year = form.integer("budgetYear", "Tahun anggaran", 2000, 2100);
    if (amount != null && amount.signum() == 0) {
      form.problem("Jumlah dana harus lebih dari 0");
    }
    if (amount != null && amount.stripTrailingZeros().scale() > 0) {
      form.problem("Jumlah dana ditulis dalam satuan utuh, tanpa sen");
    }
    form.throwIfInvalid();
    return new NewFunding(source, country, amount, currency, year);
  }
}
