package id.go.kerjasama.platform.calendar;

/** A holiday file that cannot be used; the message names the file and the entry. */
class CalendarFileException extends IllegalStateException {

  public CalendarFileException(String message) {
    super(message);
  }

  public CalendarFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
