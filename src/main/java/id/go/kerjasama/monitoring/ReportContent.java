package id.go.kerjasama.monitoring;

import java.math.BigDecimal;

/** What the implementing unit reports for a period, validated. */
record ReportContent(String achievements, String obstacles, String challenges, String benefits,
                           BigDecimal budgetRealised, String budgetCurrency, String notes) {
}
