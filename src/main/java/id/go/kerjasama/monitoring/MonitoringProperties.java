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
 */
@ConfigurationProperties(prefix = "kerjasama.monitoring")
public record MonitoringProperties(Integer annualReportWorkingDays, Integer periodicReportWorkingDays, Integer followUpWorkingDays,
                                   Integer reviewWorkingDays, Integer firstReminderWorkingDays,
                                   Integer lastReminderWorkingDays, ReportFrequency defaultReportFrequency) {

  public MonitoringProperties {
    annualReportWorkingDays = annualReportWorkingDays == null ? 7 : annualReportWorkingDays;
    periodicReportWorkingDays = periodicReportWorkingDays == null ? 7 : periodicReportWorkingDays;
    followUpWorkingDays = followUpWorkingDays == null ? 10 : followUpWorkingDays;
    reviewWorkingDays = reviewWorkingDays == null ? 10 : reviewWorkingDays;
    firstReminderWorkingDays = firstReminderWorkingDays == null ? 5 : firstReminderWorkingDays;
    lastReminderWorkingDays = lastReminderWorkingDays == null ? 1 : lastReminderWorkingDays;
    defaultReportFrequency = defaultReportFrequency == null ? ReportFrequency.SEMESTER : defaultReportFrequency;
  }
}
