package id.go.kerjasama.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The calendar with the holiday files shipped in the jar (2024, 2025, 2026;
 * no 2027 file). Expected dates were counted by hand on the SKB lists.
 */
class WorkingDayCalendarTest {

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

  private final WorkingDayCalendar calendar = new WorkingDayCalendar("");
  private final Logger logger = (Logger) LoggerFactory.getLogger(WorkingDayCalendar.class);
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void captureLog() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void reset() {
    logger.detachAppender(log);
    ClockUtil.reset();
  }

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  private static Date wib(int year, int month, int day, int hour, int minute) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, WIB).toInstant());
  }

  @Test
  void shipsTheYears2024To2026AndNo2027() {
    assertThat(calendar.yearsWithFile()).containsExactly(2024, 2025, 2026);
    assertThat(calendar.source(2026)).contains("Nomor 1497 Tahun 2025");
  }

  @Test
  void holidays2026AreTheSeventeenNationalHolidaysAndEightCollectiveLeaveDaysOfTheSkb() {
    List<Holiday> holidays = calendar.holidays(2026);

    assertThat(holidays).hasSize(25);
    assertThat(holidays).filteredOn(h -> h.kind() == HolidayKind.LIBUR_NASIONAL).hasSize(17);
    assertThat(holidays).filteredOn(h -> h.kind() == HolidayKind.CUTI_BERSAMA).extracting(Holiday::date)
        .containsExactly(date("2026-02-16"), date("2026-03-18"), date("2026-03-20"), date("2026-03-23"),
            date("2026-03-24"), date("2026-05-15"), date("2026-05-28"), date("2026-12-24"));
    assertThat(holidays.get(0)).isEqualTo(
        new Holiday(date("2026-01-01"), "Tahun Baru 2026 Masehi", HolidayKind.LIBUR_NASIONAL));
  }

  @Test
  void weekendsAreNotWorkingDays() {
    assertThat(calendar.isWorkingDay(date("2026-02-06"))).as("Friday").isTrue();
    assertThat(calendar.isWorkingDay(date("2026-02-07"))).as("Saturday").isFalse();
    assertThat(calendar.isWorkingDay(date("2026-02-08"))).as("Sunday").isFalse();
    assertThat(calendar.isWorkingDay(date("2026-02-09"))).as("Monday").isTrue();

    assertThat(calendar.addWorkingDays(date("2026-02-06"), 1)).isEqualTo(date("2026-02-09"));
    assertThat(calendar.addWorkingDays(date("2026-02-07"), 1)).isEqualTo(date("2026-02-09"));
    assertThat(calendar.addWorkingDays(date("2026-02-02"), 5)).isEqualTo(date("2026-02-09"));
  }

  @Test
  void zeroWorkingDaysIsTheDayItselfOrTheNextWorkingDay() {
    assertThat(calendar.addWorkingDays(date("2026-02-04"), 0)).isEqualTo(date("2026-02-04"));
    assertThat(calendar.addWorkingDays(date("2026-02-07"), 0)).isEqualTo(date("2026-02-09"));
    // Sunday 15 Feb, then cuti bersama 16 Feb and Imlek 17 Feb
    assertThat(calendar.addWorkingDays(date("2026-02-15"), 0)).isEqualTo(date("2026-02-18"));
  }

  @Test
  void negativeNumbersOfWorkingDaysAreRefused() {
    assertThatThrownBy(() -> calendar.addWorkingDays(date("2026-02-04"), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.minusWorkingDays(date("2026-02-04"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void holidayOnFridayJoinsTheWeekend() {
    // Isra Mikraj, Friday 16 January 2026
    assertThat(calendar.isWorkingDay(date("2026-01-16"))).isFalse();
    assertThat(calendar.addWorkingDays(date("2026-01-15"), 1)).isEqualTo(date("2026-01-19"));
    assertThat(calendar.workingDaysBetween(date("2026-01-15"), date("2026-01-19"))).isEqualTo(1);
    // Maulid Nabi, Friday 5 September 2025
    assertThat(calendar.addWorkingDays(date("2025-09-04"), 1)).isEqualTo(date("2025-09-08"));
  }

  @Test
  void collectiveLeaveDaysAreNotWorkingDays() {
    // cuti bersama added mid-year by the amending SKB of 7 August 2025
    assertThat(calendar.isWorkingDay(date("2025-08-18"))).isFalse();
    assertThat(calendar.holiday(date("2025-08-18"))).get()
        .extracting(Holiday::kind).isEqualTo(HolidayKind.CUTI_BERSAMA);
    assertThat(calendar.addWorkingDays(date("2025-08-15"), 1)).isEqualTo(date("2025-08-19"));
    // Kenaikan Yesus Kristus Thursday 14 May 2026, cuti bersama Friday 15 May
    assertThat(calendar.addWorkingDays(date("2026-05-13"), 1)).isEqualTo(date("2026-05-18"));
    // cuti bersama Monday 16 Feb 2026, Imlek Tuesday 17 Feb
    assertThat(calendar.addWorkingDays(date("2026-02-13"), 1)).isEqualTo(date("2026-02-18"));
  }

  @Test
  void idulFitriWeek2026() {
    // 18 cuti Nyepi, 19 Nyepi, 20 cuti, 21-22 Idulfitri (weekend), 23-24 cuti bersama
    for (int day = 18; day <= 24; day++) {
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, day))).as("March %d", day).isFalse();
    }
    assertThat(calendar.addWorkingDays(date("2026-03-17"), 1)).isEqualTo(date("2026-03-25"));
    assertThat(calendar.workingDaysBetween(date("2026-03-13"), date("2026-03-27"))).isEqualTo(5);
  }

  @Test
  void idulFitriWeeks2025And2024() {
    // 28 Mar cuti Nyepi, 29 Nyepi, 31 Mar-1 Apr Idulfitri, 2-4 and 7 Apr cuti bersama
    assertThat(calendar.addWorkingDays(date("2025-03-27"), 1)).isEqualTo(date("2025-04-08"));
    // 8-9 Apr cuti, 10-11 Idul Fitri, 12 and 15 Apr cuti bersama
    assertThat(calendar.addWorkingDays(date("2024-04-05"), 1)).isEqualTo(date("2024-04-16"));
  }

  @Test
  void electionDays2024WereNationalHolidays() {
    assertThat(calendar.isWorkingDay(date("2024-02-14"))).isFalse();
    assertThat(calendar.isWorkingDay(date("2024-11-27"))).isFalse();
  }

  @Test
  void yearEndCountsIntoTheNextYear() {
    // 25 Dec Natal, 26 Dec cuti bersama, 29-31 Dec, 1 Jan holiday, 2 Jan, 5 Jan
    assertThat(calendar.addWorkingDays(date("2025-12-24"), 5)).isEqualTo(date("2026-01-05"));
    assertThat(calendar.workingDaysBetween(date("2025-12-24"), date("2026-01-05"))).isEqualTo(5);
  }

  @Test
  void annualReportIsDueOnTheSeventhWorkingDayOfJanuary() {
    // 1 Jan 2025 holiday; 2, 3, 6, 7, 8, 9, 10 January
    assertThat(calendar.addWorkingDays(LocalDate.of(2024, 12, 31), 7)).isEqualTo(date("2025-01-10"));
    // 1 Jan 2026 holiday; 2, 5, 6, 7, 8, 9, 12 January
    assertThat(calendar.addWorkingDays(LocalDate.of(2025, 12, 31), 7)).isEqualTo(date("2026-01-12"));
    assertThat(calendar.afterBudgetYear(2025, 7)).isEqualTo(wib(2026, 1, 12, 16, 0));
  }

  @Test
  void yearWithoutFileCountsWeekendsAndFixedDateHolidaysAndWarnsOnce() {
    // No 2027 file ships (the 2027 SKB could not be verified). Assumed for 2027:
    // weekends plus the fixed-date national holidays, so Friday 1 January 2027
    // is a holiday, then 4, 5, 6, 7, 8, 11, 12 January. Once the 2027 SKB is
    // added (Isra Mikraj is expected in early January 2027) this date may move.
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 31), 7)).isEqualTo(date("2027-01-12"));
    assertThat(calendar.holidays(2027)).extracting(Holiday::date).containsExactly(date("2027-01-01"),
        date("2027-05-01"), date("2027-06-01"), date("2027-08-17"), date("2027-12-25"));
    assertThat(calendar.isWorkingDay(date("2027-08-17"))).isFalse();
    assertThat(calendar.isWorkingDay(date("2027-08-18"))).isTrue();
    assertThat(calendar.source(2027)).contains("Tidak ada berkas");

    assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN)
        .extracting(ILoggingEvent::getFormattedMessage)
        .singleElement().asString().contains("no holiday file for 2027");
  }

  @Test
  void dueInCountsFromTheEngineClockAndEndsAtOfficeClosing() {
    ClockUtil.setCurrentTime(wib(2026, 3, 17, 10, 0));

    assertThat(calendar.dueIn(0)).isEqualTo(wib(2026, 3, 17, 16, 0));
    assertThat(calendar.dueIn(1)).isEqualTo(wib(2026, 3, 25, 16, 0));
    assertThat(calendar.dueIn(5)).isEqualTo(wib(2026, 3, 31, 16, 0));
  }

  @Test
  void dueInUsesTheDayInJakartaNotInUtc() {
    // 23:30 UTC on Monday 16 March is 06:30 WIB on Tuesday 17 March
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 3, 16, 23, 30, 0, 0, ZoneId.of("UTC")).toInstant()));

    assertThat(calendar.dueIn(0)).isEqualTo(wib(2026, 3, 17, 16, 0));
  }

  @Test
  void dueInFromAHolidayStartsAtTheNextWorkingDay() {
    ClockUtil.setCurrentTime(wib(2026, 3, 21, 9, 0));

    // today (Saturday, Idulfitri) is not counted: working day 1 is Wednesday 25 March
    assertThat(calendar.dueIn(0)).isEqualTo(wib(2026, 3, 25, 16, 0));
    assertThat(calendar.dueIn(1)).isEqualTo(wib(2026, 3, 25, 16, 0));
    assertThat(calendar.dueIn(2)).isEqualTo(wib(2026, 3, 26, 16, 0));
  }

  @Test
  void workingDaysBeforeADueDateKeepsItsTimeOfDay() {
    assertThat(calendar.workingDaysBefore(wib(2026, 2, 11, 16, 0), 2)).isEqualTo(wib(2026, 2, 9, 16, 0));
    // before Wednesday 25 March 2026 lie the Idulfitri days back to Tuesday 17 March
    assertThat(calendar.workingDaysBefore(wib(2026, 3, 25, 16, 0), 1)).isEqualTo(wib(2026, 3, 17, 16, 0));
    assertThat(calendar.workingDaysBefore(wib(2026, 3, 25, 16, 0), 2)).isEqualTo(wib(2026, 3, 16, 16, 0));
    assertThat(calendar.workingDaysBefore(wib(2026, 1, 5, 16, 0), 2)).isEqualTo(wib(2025, 12, 31, 16, 0));
  }

  @Test
  void workingDaysBetweenIsNegativeForAPassedDueDate() {
    assertThat(calendar.workingDaysBetween(date("2026-03-27"), date("2026-03-13"))).isEqualTo(-5);
    assertThat(calendar.workingDaysBetween(date("2026-03-13"), date("2026-03-13"))).isZero();
  }

  @Test
  void addingAndCountingAgreeOverThreeYears() {
    for (LocalDate from = date("2024-01-01"); from.isBefore(date("2026-12-01")); from = from.plusDays(1)) {
      for (int n : new int[] {1, 5, 14}) {
        LocalDate due = calendar.addWorkingDays(from, n);
        assertThat(calendar.isWorkingDay(due)).as("%s + %d", from, n).isTrue();
        assertThat(calendar.workingDaysBetween(from, due)).as("%s + %d", from, n).isEqualTo(n);
        assertThat(calendar.minusWorkingDays(due, n)).as("%s + %d - %d", from, n, n)
            .isEqualTo(calendar.isWorkingDay(from) ? from : calendar.minusWorkingDays(from, 0));
      }
    }
  }
}
