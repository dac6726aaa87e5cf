package id.go.kerjasama.platform.notification;

import java.time.Instant;

/** One recipient of a queued notification; {@code sentAt} is null until the SMTP server accepted the mail. */
public record Recipient(long id, long notificationId, String userId, String displayName, String email, Instant sentAt) {
}
