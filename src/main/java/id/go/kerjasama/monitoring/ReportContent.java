package id.go.kerjasama.monitoring;

import java.math.BigDecimal;

/**
 * What the implementing unit reports for a period, validated; {@code financialReport}: a foreign NGO's financial
 * report (sources, amounts and uses of its funds) with its annual report, else null.
 */
record ReportContent(String achievements, String obstacles, String challenges, String benefits,
                     BigDecimal budgetRealised, String budgetCurrency, String notes, String financialReport) {
}
