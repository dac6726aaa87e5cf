package id.go.kerjasama.platform.notification;

import id.go.kerjasama.platform.time.BusinessClock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/** Dates and standard phrases of the mails, in Bahasa Indonesia. */
public final class MailTexts {

  public static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'pukul' HH.mm 'WIB'", INDONESIAN);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", INDONESIAN);

  private MailTexts() {
  }

  /** "Senin, 16 Februari 2026 pukul 16.00 WIB". */
  public static String dateTime(Date date) {
    return date == null ? "-" : DATE_TIME.format(date.toInstant().atZone(BusinessClock.ZONE));
  }

  /** "Senin, 16 Februari 2026". */
  public static String date(LocalDate date) {
    return date == null ? "-" : DATE.format(date);
  }

  /** The link that opens a task in Tasklist. */
  public static String taskLink(String baseUrl, String taskId) {
    return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  /** The link to Tasklist's start page. */
  public static String tasklistLink(String baseUrl) {
    return baseUrl + "/camunda/app/tasklist/default/";
  }
}
