package id.go.kerjasama.monitoring;

import id.go.kerjasama.workplan.ReportFrequency;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines and reminders of progress reports ({@code kerjasama.monitoring.*}),
 * in working days.
 *
 * @param annualReportWorkingDays   the annual report is due this many working days after 31 December of its budget
 *                                  year (default 7: a 2019 coordination meeting's recommendation, no article found;
 *                                  see docs/regulations.md)
 * @param periodicReportWorkingDays a periodic (non-final) report is due this many working days after its period ends
 * @param followUpWorkingDays       a report returned by the province or sent back by Fasker for follow-up is due
 *                                  again this many working days later (never before its original due date)
 * @param reviewWorkingDays         the province's verification and Fasker's review
 * @param firstReminderWorkingDays  the first reminder, working days before the report is due
 * @param lastReminderWorkingDays   the last reminder, working days before the report is due
 * @param defaultReportFrequency    when the year has no approved work plan setting the frequency
 * @param ngoReports                true (default): a cooperation naming a registered foreign NGO has the NGO file
 *                                  the reports (UU 17/2013 art. 51(f), verified; docs/regulations.md A20); false: the
 *                                  proposer (the Mitra Utama) files them
 * @param ngoFinancialReportRequired true (default): a foreign NGO's annual report carries a financial report
 *                                  (sources, amounts, uses of funds: art. 51(e), verified; its form is
 *                                  assumption A17)
 * @param ngoReportRecipients       besides the Mitra Utama and the location regions, the groups a report filed by a
 *                                  foreign NGO is mailed to (default {@code tpoa-kemlu}, Kemlu as TPOA coordinator;
 *                                  assumption A40)
 */
@ConfigurationProperties(prefix = "kerjasama.monitoring")
public record MonitoringProperties(Integer annualReportWorkingDays, Integer periodicReportWorkingDays, Integer followUpWorkingDays,
                                   Integer reviewWorkingDays, Integer firstReminderWorkingDays,
                                   Integer lastReminderWorkingDays, ReportFrequency defaultReportFrequency,
                                   Boolean ngoReports, Boolean ngoFinancialReportRequired,
                                   java.util.List<String> ngoReportRecipients) {

  public MonitoringProperties {
    annualReportWorkingDays = annualReportWorkingDays == null ? 7 : annualReportWorkingDays;
    periodicReportWorkingDays = periodicReportWorkingDays == null ? 7 : periodicReportWorkingDays;
    followUpWorkingDays = followUpWorkingDays == null ? 10 : followUpWorkingDays;
    reviewWorkingDays = reviewWorkingDays == null ? 10 : reviewWorkingDays;
    firstReminderWorkingDays = firstReminderWorkingDays == null ? 5 : firstReminderWorkingDays;
    lastReminderWorkingDays = lastReminderWorkingDays == null ? 1 : lastReminderWorkingDays;
    defaultReportFrequency = defaultReportFrequency == null ? ReportFrequency.SEMESTER : defaultReportFrequency;
    ngoReports = ngoReports == null ? Boolean.TRUE : ngoReports;
    ngoFinancialReportRequired = ngoFinancialReportRequired == null ? Boolean.TRUE : ngoFinancialReportRequired;
    ngoReportRecipients = ngoReportRecipients == null ? java.util.List.of("tpoa-kemlu") : java.util.List.copyOf(ngoReportRecipients);
  }
}
