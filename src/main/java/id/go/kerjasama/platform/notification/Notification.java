package id.go.kerjasama.platform.notification;

import java.time.Instant;
import java.util.List;

/** A queued e-mail notification and its recipients. */
public record Notification(long id, NotificationKind kind, String subject, String body, String registrationNumber,
                           String taskId, Instant createdAt, List<Recipient> recipients) {
}
