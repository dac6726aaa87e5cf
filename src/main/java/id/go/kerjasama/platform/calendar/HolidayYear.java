package id.go.kerjasama.platform.calendar;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The holidays of one calendar year and where they came from.
 *
 * @param year     the calendar year
 * @param source   the legal basis as written in the file ("SKB ... Nomor ..."), or a note for the fallback
 * @param origin   where the data was read: {@code classpath:calendar/holidays-2026.json}, a file path,
 *                 or {@link #FALLBACK_ORIGIN}
 * @param holidays the non-working weekdays and weekend days of the year, sorted by date
 */
record HolidayYear(int year, String source, String origin, List<Holiday> holidays) {

  static final String FALLBACK_ORIGIN = "fallback";

  HolidayYear {
    holidays = holidays.stream().sorted(Comparator.comparing(Holiday::date)).toList();
  }

  boolean fromFile() {
    return !FALLBACK_ORIGIN.equals(origin);
  }

  /**
   * A year without a holiday file: only the national holidays whose date is the
   * same every year (New Year, Labour Day, Pancasila Day, Independence Day,
   * Christmas). Holidays that follow the Hijri, Chinese, Saka or Easter
   * calendars and all collective leave days are unknown until the year's SKB
   * is published, so they are missing here.
   */
  static HolidayYear fallback(int year) {
    return new HolidayYear(year,
        "Tidak ada berkas hari libur untuk tahun " + year + ": hanya hari libur nasional bertanggal tetap",
        FALLBACK_ORIGIN,
        List.of(
            new Holiday(LocalDate.of(year, 1, 1), "Tahun Baru " + year + " Masehi", HolidayKind.LIBUR_NASIONAL),
            new Holiday(LocalDate.of(year, 5, 1), "Hari Buruh Internasional", HolidayKind.LIBUR_NASIONAL),
            new Holiday(LocalDate.of(year, 6, 1), "Hari Lahir Pancasila", HolidayKind.LIBUR_NASIONAL),
            new Holiday(LocalDate.of(year, 8, 17), "Proklamasi Kemerdekaan", HolidayKind.LIBUR_NASIONAL),
            new Holiday(LocalDate.of(year, 12, 25), "Kelahiran Yesus Kristus", HolidayKind.LIBUR_NASIONAL)));
  }
}
