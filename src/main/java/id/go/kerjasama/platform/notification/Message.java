package id.go.kerjasama.platform.notification;

/**
 * A mail to be queued. The body is the text after the greeting ("Yth. ..."),
 * which is added per recipient, and before the standard footer.
 *
 * @param registrationNumber the agreement it is about, if any (for finding it in the outbox)
 * @param taskId             the task it is about, if any
 */
public record Message(NotificationKind kind, String subject, String body, String registrationNumber, String taskId) {
}
