package id.go.kerjasama.platform.notification;

import java.time.Instant;

/**
 * One recipient of a queued notification.
 *
 * @param sentAt         null until the SMTP server accepted the mail
 * @param idempotencyKey {@code <event>/<user id>}, unique: one row, so one mail, per recipient and event
 * @param status         {@link #PENDING} until sent, then {@link #SENT}
 * @param attempts       claims of the row that were committed (1 once sent; failed attempts are in the job log)
 */
public record Recipient(long id, long notificationId, String userId, String displayName, String email, Instant sentAt,
                        String idempotencyKey, String status, int attempts) {

  /** Queued, not yet accepted by the SMTP server. */
  public static final String PENDING = "PENDING";
  /** Claimed by a sending job whose transaction has not ended yet (never seen committed). */
  public static final String SENDING = "SENDING";
  /** Accepted by the SMTP server. */
  public static final String SENT = "SENT";
}
