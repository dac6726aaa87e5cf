package id.go.kerjasama.platform.calendar;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import id.go.kerjasama.platform.time.BusinessClock;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Indonesian working-day calendar: Monday to Friday, minus the national
 * holidays (libur nasional) and collective leave days (cuti bersama) of the
 * year's holiday file. Every due date of the application is counted with it.
 *
 * <p>Data: the files {@code calendar/holidays-<year>.json} packaged in the jar;
 * a file {@code holidays-<year>.json} in {@code kerjasama.calendar.directory}
 * (env {@code KERJASAMA_CALENDAR_DIR}) replaces the packaged file of that year.
 * {@link #reload()} rereads them without a restart. A year without a file
 * counts only weekends and the fixed-date national holidays (1 January,
 * 1 May, 1 June, 17 August, 25 December) as non-working, and logs a WARN the
 * first time the year is used (again after each reload).
 *
 * <p>Counting convention: "n working days after a day" never counts that day
 * itself; the first working day after it is working day 1. Dates are days in
 * Western Indonesian Time ({@link BusinessClock#ZONE}). Due dates handed to the
 * engine are at {@link #OFFICE_CLOSING} of the due day.
 *
 * <p>In BPMN: {@code camunda:dueDate="${workingDayCalendar.dueIn(5)}"}.
 */
@Component
@FormerlyNamed("workingDays")
public class WorkingDayCalendar {

  /**
   * Office closing time (16:00 WIB) on every working day: a task due "in
   * 5 working days" may be completed until 16:00 of the fifth working day.
   * Government offices close at 16:00 Monday to Thursday (16:30 on Friday);
   * one hour for all days keeps due dates simple and never late.
   */
  public static final LocalTime OFFICE_CLOSING = LocalTime.of(16, 0);

  private static final Logger LOG = LoggerFactory.getLogger(WorkingDayCalendar.class);

  private record Year(HolidayYear data, Map<LocalDate, Holiday> byDate) {

    static Year of(HolidayYear data) {
      return new Year(data, data.holidays().stream().collect(Collectors.toUnmodifiableMap(Holiday::date,
          Function.identity())));
    }
  }

  /** What one load read; replaced as a whole by {@link #reload()}. */
  private record Snapshot(Map<Integer, Year> files, ConcurrentMap<Integer, Year> fallbacks) {
  }

  private final HolidayFiles files;
  private volatile Snapshot snapshot;

  /**
   * @param directory the administrator's folder of holiday files; empty: only the packaged files
   */
  @Autowired
  public WorkingDayCalendar(@Value("${kerjasama.calendar.directory:}") String directory) {
    this(new HolidayFiles(HolidayFiles.CLASSPATH_FOLDER,
        directory == null || directory.isBlank() ? null : Path.of(directory.strip())));
  }

  /** For tests: the given files; fails if one of them is invalid. */
  WorkingDayCalendar(HolidayFiles files) {
    this.files = files;
    this.snapshot = load();
  }

  /**
   * Rereads all holiday files (packaged and the administrator's directory) so
   * that a changed or new file takes effect without a restart. If a file is
   * invalid, throws {@link CalendarFileException} and keeps the data loaded before.
   *
   * @return the years that now have a file
   */
  public synchronized List<Integer> reload() {
    this.snapshot = load();
    return yearsWithFile();
  }

  private Snapshot load() {
    Map<Integer, HolidayYear> loaded = files.load();
    LOG.info("Working-day calendar: holiday files for {}", loaded.isEmpty() ? "no year" : loaded.values().stream()
        .map(y -> y.year() + " (" + y.origin() + ", " + y.holidays().size() + " days)")
        .collect(Collectors.joining(", ")));
    return new Snapshot(
        loaded.values().stream().collect(Collectors.toUnmodifiableMap(HolidayYear::year, Year::of)),
        new ConcurrentHashMap<>());
  }

  private Year year(int year) {
    Snapshot current = snapshot;
    Year fromFile = current.files().get(year);
    if (fromFile != null) {
      return fromFile;
    }
    return current.fallbacks().computeIfAbsent(year, y -> {
      LOG.warn("Working-day calendar: no holiday file for {}; counting only weekends and the fixed-date national "
          + "holidays (1 Jan, 1 May, 1 Jun, 17 Aug, 25 Dec) as non-working days. Add holidays-{}.json "
          + "(see docs/calendar.md).", y, y);
      return Year.of(HolidayYear.fallback(y));
    });
  }

  /** Monday to Friday and not a holiday or collective leave day. */
  public boolean isWorkingDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    DayOfWeek day = date.getDayOfWeek();
    if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
      return false;
    }
    return !year(date.getYear()).byDate().containsKey(date);
  }

  /** The holiday or collective leave day on that date, if any (also on weekends). */
  public Optional<Holiday> holiday(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return Optional.ofNullable(year(date.getYear()).byDate().get(date));
  }

  /**
   * The n-th working day after {@code from}. {@code from} itself is never
   * counted: from Thursday, 1 working day is Friday; from Friday or Saturday,
   * it is Monday (if those days are working days). With {@code n = 0}:
   * {@code from} if it is a working day, else the next working day.
   *
   * @throws IllegalArgumentException if n is negative
   */
  public LocalDate addWorkingDays(LocalDate from, int n) {
    Objects.requireNonNull(from, "from");
    requireNotNegative(n);
    LocalDate day = from;
    if (n == 0) {
      while (!isWorkingDay(day)) {
        day = day.plusDays(1);
      }
      return day;
    }
    for (int counted = 0; counted < n; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * The n-th working day before {@code to}, the mirror of
   * {@link #addWorkingDays}: {@code to} itself is never counted; with
   * {@code n = 0}: {@code to} if it is a working day, else the previous working day.
   *
   * @throws IllegalArgumentException if n is negative
   */
  public LocalDate minusWorkingDays(LocalDate to, int n) {
    Objects.requireNonNull(to, "to");
    requireNotNegative(n);
    LocalDate day = to;
    if (n == 0) {
      while (!isWorkingDay(day)) {
        day = day.minusDays(1);
      }
      return day;
    }
    for (int counted = 0; counted < n; ) {
      day = day.minusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * The number of working days d with {@code fromExclusive < d <= toInclusive}, so that
   * {@code workingDaysBetween(from, addWorkingDays(from, n)) == n} for n &gt;= 1.
   * If {@code toInclusive} is before {@code fromExclusive}, the count of the reversed
   * range, negated (a due date that has passed gives a negative number).
   */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    Objects.requireNonNull(fromExclusive, "fromExclusive");
    Objects.requireNonNull(toInclusive, "toInclusive");
    if (toInclusive.isBefore(fromExclusive)) {
      return -workingDaysBetween(toInclusive, fromExclusive);
    }
    int count = 0;
    for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /**
   * For BPMN due dates: {@link #OFFICE_CLOSING} (16:00 WIB) on
   * {@code addWorkingDays(today, workingDays)}, today following the engine clock.
   * {@code dueIn(0)} is today's closing time on a working day (possibly
   * already past), else the next working day's.
   */
  public Date dueIn(int workingDays) {
    return closingTime(addWorkingDays(BusinessClock.today(), workingDays));
  }

  /**
   * {@link #OFFICE_CLOSING} on the {@code workingDays}th working day after
   * 31 December of {@code budgetYear} (= calendar year): the annual report's
   * due date (kerjasama.monitoring.annual-report-working-days).
   */
  public Date afterBudgetYear(int budgetYear, int workingDays) {
    return closingTime(addWorkingDays(LocalDate.of(budgetYear, 12, 31), workingDays));
  }

  /**
   * For reminders: the same time of day (WIB) as {@code due}, on
   * {@code minusWorkingDays(day of due, n)}. Two working days before a task due
   * Wednesday 16:00 is Monday 16:00 (if Monday and Tuesday are working days).
   */
  public Date workingDaysBefore(Date due, int n) {
    Objects.requireNonNull(due, "due");
    ZonedDateTime at = due.toInstant().atZone(BusinessClock.ZONE);
    LocalDate day = minusWorkingDays(at.toLocalDate(), n);
    return Date.from(day.atTime(at.toLocalTime()).atZone(BusinessClock.ZONE).toInstant());
  }

  /** {@link #OFFICE_CLOSING} (WIB) of a day. */
  public static Date closingTime(LocalDate day) {
    return Date.from(day.atTime(OFFICE_CLOSING).atZone(BusinessClock.ZONE).toInstant());
  }

  /**
   * The non-working days of a year other than weekends, sorted by date: from
   * the year's file, or the fixed-date national holidays if it has none.
   */
  public List<Holiday> holidays(int year) {
    return year(year).data().holidays();
  }

  /** Where a year's holidays come from: the decree named in the file, or the fallback note. */
  public String source(int year) {
    return year(year).data().source();
  }

  /** The years that have a holiday file, ascending. */
  public List<Integer> yearsWithFile() {
    return snapshot.files().keySet().stream().sorted().toList();
  }

  private static void requireNotNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("Number of working days must not be negative: " + n);
    }
  }
}
