package id.go.kerjasama.platform.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One non-working day of the holiday table.
 *
 * @param date the day
 * @param name its name in Bahasa Indonesia, as in the decree ("Tahun Baru 2026 Masehi")
 * @param kind national holiday or collective leave
 */
record Holiday(LocalDate date, String name, HolidayKind kind) {

  public Holiday {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }
}
