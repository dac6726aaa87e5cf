package id.go.kerjasama.platform.calendar;

/** Why a weekday is not a working day. The constant names are the values of "kind" in the holiday files. */
enum HolidayKind {

  /** National holiday (hari libur nasional), set by the SKB 3 Menteri or a Keppres. */
  LIBUR_NASIONAL("Libur nasional"),

  /** Collective leave day (cuti bersama), set by the SKB 3 Menteri. */
  CUTI_BERSAMA("Cuti bersama");

  private final String label;

  HolidayKind(String label) {
    this.label = label;
  }

  /** The name users read. */
  public String label() {
    return label;
  }
}
