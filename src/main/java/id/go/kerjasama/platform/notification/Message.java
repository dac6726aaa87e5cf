package id.go.kerjasama.platform.notification;

/**
 * A mail to be queued. The body is the text after the greeting ("Yth. ..."),
 * which is added per recipient, and before the standard footer.
 *
 * @param registrationNumber the agreement it is about, if any (for finding it in the outbox)
 * @param taskId             the task it is about, if any
 * @param eventKey           the event the mail is about, unique (e.g. {@code NEW_TASK:<task id>}): a second
 *                           message with the same key is not queued, so nobody gets the same event twice.
 *                           {@code null}: every message is its own event (the notification's id is the key)
 */
public record Message(NotificationKind kind, String subject, String body, String registrationNumber, String taskId,
                      String eventKey) {

  /** A message that is its own event. */
  public Message(NotificationKind kind, String subject, String body, String registrationNumber, String taskId) {
    this(kind, subject, body, registrationNumber, taskId, null);
  }
}
