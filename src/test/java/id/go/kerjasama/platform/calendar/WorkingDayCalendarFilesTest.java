package id.go.kerjasama.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrator's directory: a file there replaces the packaged year,
 * {@code reload()} picks up changes, and broken files are refused with a
 * message naming the file and the entry. The files written here are test
 * data, not real decrees.
 */
class WorkingDayCalendarFilesTest {

  @TempDir
  Path dir;

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  private void write(String fileName, String json) throws IOException {
    Files.writeString(dir.resolve(fileName), json);
  }

  /** Packaged files plus the temporary directory, as in production. */
  private WorkingDayCalendar calendarWithOverrides() {
    return new WorkingDayCalendar(dir.toString());
  }

  /** Only the temporary directory. */
  private WorkingDayCalendar calendarFromDirectoryOnly() {
    return new WorkingDayCalendar(new HolidayFiles(null, dir));
  }

  private static final String AMENDED_2026 = """
      {"year": 2026, "source": "SKB perubahan (data uji)",
       "holidays": [
         {"date": "2026-01-01", "name": "Tahun Baru 2026 Masehi", "kind": "LIBUR_NASIONAL"},
         {"date": "2026-01-02", "name": "Cuti Bersama Tahun Baru (data uji)", "kind": "CUTI_BERSAMA"}
       ]}
      """;

  @Test
  void fileInTheDirectoryReplacesThePackagedYear() throws IOException {
    write("holidays-2026.json", AMENDED_2026);

    WorkingDayCalendar calendar = calendarWithOverrides();

    assertThat(calendar.isWorkingDay(date("2026-01-02"))).isFalse();
    // replaced as a whole: Isra Mikraj (packaged 2026 file) is not in the override
    assertThat(calendar.isWorkingDay(date("2026-01-16"))).isTrue();
    assertThat(calendar.source(2026)).isEqualTo("SKB perubahan (data uji)");
    // 2025 still comes from the packaged file: 26 December 2025 is cuti bersama
    assertThat(calendar.isWorkingDay(date("2025-12-26"))).isFalse();
    // 1 and 2 Jan off: 5, 6, 7, 8, 9, 12, 13 January
    assertThat(calendar.addWorkingDays(LocalDate.of(2025, 12, 31), 7)).isEqualTo(date("2026-01-13"));
  }

  @Test
  void filesWithOtherNamesInTheDirectoryAreIgnored() throws IOException {
    write("holidays-2026.json.bak", "not json");
    write("README.txt", "notes of the administrator");

    assertThat(calendarWithOverrides().yearsWithFile()).containsExactly(2024, 2025, 2026);
  }

  @Test
  void reloadTakesAChangedFileIntoUse() throws IOException {
    WorkingDayCalendar calendar = calendarWithOverrides();
    assertThat(calendar.isWorkingDay(date("2026-01-02"))).isTrue();

    write("holidays-2026.json", AMENDED_2026);
    assertThat(calendar.isWorkingDay(date("2026-01-02"))).as("before reload").isTrue();

    assertThat(calendar.reload()).containsExactly(2024, 2025, 2026);
    assertThat(calendar.isWorkingDay(date("2026-01-02"))).as("after reload").isFalse();
  }

  @Test
  void reloadAddsNextYearsFile() throws IOException {
    WorkingDayCalendar calendar = calendarWithOverrides();
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 31), 7)).isEqualTo(date("2027-01-12"));

    write("holidays-2027.json", """
        {"year": 2027, "source": "SKB 2027 (data uji)",
         "holidays": [
           {"date": "2027-01-01", "name": "Tahun Baru 2027 Masehi", "kind": "LIBUR_NASIONAL"},
           {"date": "2027-01-05", "name": "Hari libur (data uji)", "kind": "LIBUR_NASIONAL"}
         ]}
        """);
    assertThat(calendar.reload()).containsExactly(2024, 2025, 2026, 2027);

    // 4, 6, 7, 8, 11, 12, 13 January
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 31), 7)).isEqualTo(date("2027-01-13"));
  }

  @Test
  void failedReloadKeepsThePreviousData() throws IOException {
    write("holidays-2026.json", AMENDED_2026);
    WorkingDayCalendar calendar = calendarWithOverrides();

    write("holidays-2026.json", "{\"year\": 2026, \"source\": \"x\", \"holidays\": [");

    assertThatThrownBy(calendar::reload).isInstanceOf(CalendarFileException.class);
    assertThat(calendar.isWorkingDay(date("2026-01-02"))).isFalse();
  }

  @Test
  void directoryThatDoesNotExistIsRefused() {
    Path missing = dir.resolve("tidak-ada");

    assertThatThrownBy(() -> new WorkingDayCalendar(missing.toString()))
        .isInstanceOf(CalendarFileException.class)
        .hasMessageContaining(missing.toAbsolutePath().toString())
        .hasMessageContaining("KERJASAMA_CALENDAR_DIR");
  }

  @Test
  void badJsonIsRefusedWithFileAndLine() throws IOException {
    write("holidays-2026.json", """
        {"year": 2026, "source": "x",
         "holidays": [
           {"date": "2026-01-01", "name": "Tahun Baru 2026 Masehi", "kind": "LIBUR_NASIONAL"}
           {"date": "2026-01-16", "name": "Isra Mikraj", "kind": "LIBUR_NASIONAL"}
         ]}
        """);

    assertThatThrownBy(this::calendarFromDirectoryOnly)
        .isInstanceOf(CalendarFileException.class)
        .hasMessageContaining(dir.resolve("holidays-2026.json").toAbsolutePath().toString())
        .hasMessageContaining("is not valid")
        .hasMessageContaining("line 4");
  }

  @Test
  void dateOutsideTheFilesYearIsRefused() throws IOException {
    write("holidays-2026.json", """
        {"year": 2026, "source": "x",
         "holidays": [
           {"date": "2026-01-01", "name": "Tahun Baru 2026 Masehi", "kind": "LIBUR_NASIONAL"},
           {"date": "2025-12-26", "name": "Cuti Bersama Natal", "kind": "CUTI_BERSAMA"}
         ]}
        """);

    assertThatThrownBy(this::calendarFromDirectoryOnly)
        .isInstanceOf(CalendarFileException.class)
        .hasMessageContaining("holidays-2026.json, entry 2 (2025-12-26 Cuti Bersama Natal)")
        .hasMessageContaining("outside the file's year 2026");
  }

  @Test
  void duplicateDateIsRefused() throws IOException {
    write("holidays-2026.json", """
        {"year": 2026, "source": "x",
         "holidays": [
           {"date": "2026-03-19", "name": "Hari Suci Nyepi", "kind": "LIBUR_NASIONAL"},
           {"date": "2026-03-20", "name": "Cuti Bersama Idulfitri", "kind": "CUTI_BERSAMA"},
           {"date": "2026-03-20", "name": "Cuti Bersama Nyepi", "kind": "CUTI_BERSAMA"}
         ]}
        """);

    assertThatThrownBy(this::calendarFromDirectoryOnly)
        .isInstanceOf(CalendarFileException.class)
        .hasMessageContaining("holidays-2026.json, entry 3 (2026-03-20 Cuti Bersama Nyepi)")
        .hasMessageContaining("listed twice (also entry 2)");
  }

  @Test
  void unknownKindIsRefused() throws IOException {
    write("holidays-2026.json", """
        {"year": 2026, "source": "x",
         "holidays": [
           {"date": "2026-03-18", "name": "Cuti Bersama Nyepi", "kind": "CUTI"}
         ]}
        """);

    assertThatThrownBy(this::calendarFromDirectoryOnly)
        .isInstanceOf(CalendarFileException.class)
        .hasMessageContaining("holidays-2026.json, entry 1 (2026-03-18 Cuti Bersama Nyepi)")
        .hasMessageContaining("unknown kind \"CUTI\", expected one of [LIBUR_NASIONAL, CUTI_BERSAMA]");
  }

  @Test
  void impossibleDateIsRefused() throws IOException {
    write("holidays-2026.json", """
        {"year": 2026, "source": "x",
         "holidays": [{"date": "2026-02-30", "name": "Hari libur", "kind": "LIBUR_NASIONAL"}]}
        """);

    assertThatThrownBy(this::calendarFromDirectoryOnly)
        .isInstanceOf(CalendarFileException.class)
        .hasMessageContaining("entry 1 (2026-02-30 Hari libur)")
        .hasMessageContaining("not a date of the form yyyy-MM-dd");
  }

  @Test
  void yearNotMatchingTheFileNameIsRefused() throws IOException {
    write("holidays-2027.json", """
        {"year": 2026, "source": "x",
         "holidays": [{"date": "2026-01-01", "name": "Tahun Baru 2026 Masehi", "kind": "LIBUR_NASIONAL"}]}
        """);

    assertThatThrownBy(this::calendarFromDirectoryOnly)
        .isInstanceOf(CalendarFileException.class)
        .hasMessageContaining("holidays-2027.json")
        .hasMessageContaining("\"year\" is 2026 but the file name says 2027");
  }

  @Test
  void misspelledFieldIsRefused() throws IOException {
    write("holidays-2026.json", """
        {"year": 2026, "source": "x",
         "holidays": [{"tanggal": "2026-01-01", "name": "Tahun Baru 2026 Masehi", "kind": "LIBUR_NASIONAL"}]}
        """);

    assertThatThrownBy(this::calendarFromDirectoryOnly)
        .isInstanceOf(CalendarFileException.class)
        .hasMessageContaining("holidays-2026.json")
        .hasMessageContaining("\"tanggal\"");
  }

  @Test
  void missingSourceIsRefused() throws IOException {
    write("holidays-2026.json", """
        {"year": 2026,
         "holidays": [{"date": "2026-01-01", "name": "Tahun Baru 2026 Masehi", "kind": "LIBUR_NASIONAL"}]}
        """);

    assertThatThrownBy(this::calendarFromDirectoryOnly)
        .isInstanceOf(CalendarFileException.class)
        .hasMessageContaining("\"source\"");
  }
}
