package id.go.kerjasama.platform.web;

import org.camunda.bpm.engine.exception.NotFoundException;

/**
 * A task's form submitted or completed after the task was completed (by another tab, another node, a
 * colleague) or removed: answered 404 by {@link EngineRestErrors} with a message a person can act on.
 */
public class TaskNoLongerOpenException extends NotFoundException {

  public static final String MESSAGE = "Tugas ini sudah diselesaikan atau tidak ada lagi (mungkin oleh pengguna "
      + "lain); muat ulang halaman.";

  public TaskNoLongerOpenException() {
    super(MESSAGE);
  }
}
