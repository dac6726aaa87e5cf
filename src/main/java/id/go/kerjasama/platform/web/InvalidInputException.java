package id.go.kerjasama.platform.web;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Bad input from a person: a form submission or an API call that breaks a
 * rule. Carries every problem found, in Bahasa Indonesia. It is a
 * {@link BadUserRequestException}, so when it is thrown inside an engine
 * command (a start form, a task completion) the transaction rolls back and
 * nothing half-written stays behind.
 */
public class InvalidInputException extends BadUserRequestException {

  private final List<String> problems;

  public InvalidInputException(List<String> problems) {
    super("Data tidak valid: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
