package id.go.kerjasama.platform.web;

/** Answered with 404 and the message. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
