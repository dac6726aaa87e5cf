package id.go.kerjasama.workplan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The content of a work plan as the draft form gives it, validated. */
public record WorkPlanContent(
    String objectives,
    String targets,
    String activities,
    List<String> locationProvinces,
    List<String> locationRegencies,
    BigDecimal budgetAmount,
    String budgetCurrency,
    LocalDate startDate,
    LocalDate endDate,
    String schedule,
    String localPartners,
    String foreignStaff,
    ReportFrequency reportFrequency,
    String masterPlanReference,
    String mspReference,
    String notes) {
}
