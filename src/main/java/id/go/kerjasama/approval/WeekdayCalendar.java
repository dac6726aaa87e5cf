package id.go.kerjasama.approval;

import id.go.kerjasama.platform.time.BusinessClock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

/**
 * Stand-in for the working-day calendar (platform.calendar.WorkingDayCalendar,
 * bean {@code workingDays}, built on branch {@code calendar}): Monday to Friday
 * only, no holidays, due at 16:00 WIB. Same counting and signature as
 * {@code WorkingDayCalendar.dueIn(int)}; removed once that is merged.
 */
final class WeekdayCalendar {

  private WeekdayCalendar() {
  }

  static Date dueIn(int workingDays) {
    LocalDate day = BusinessClock.today();
    for (int counted = 0; counted < workingDays; ) {
      day = day.plusDays(1);
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        counted++;
      }
    }
    return Date.from(day.atTime(LocalTime.of(16, 0)).atZone(BusinessClock.ZONE).toInstant());
  }
}
