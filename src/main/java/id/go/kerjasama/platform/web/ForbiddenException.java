package id.go.kerjasama.platform.web;

/** Answered with 403 and the message. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
