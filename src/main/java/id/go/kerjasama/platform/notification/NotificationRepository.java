package id.go.kerjasama.platform.notification;

import id.go.kerjasama.platform.time.BusinessClock;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The outbox ({@code notification}, {@code notification_recipient}), {@code notification_preference} and
 * {@code notification_kind_preference}.
 * Every method runs in the caller's transaction (the engine's, inside a job or a listener): none opens a
 * connection of its own.
 */
@Repository
public class NotificationRepository {

  private final JdbcTemplate jdbc;
  private final JdbcClient client;

  public NotificationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.client = JdbcClient.create(jdbc);
  }

  /** Stores the notification and one row per recipient; the rows' idempotency keys are {@code <event>/<user>}. */
  public long insert(Message message, List<Addressee> recipients) {
    Timestamp now = Timestamp.from(BusinessClock.now());
    KeyHolder key = new GeneratedKeyHolder();
    client.sql("""
          INSERT INTO notification (kind, subject, body, registration_number, task_id, created_at, event_key)
          VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(message.kind().name(),
            truncate(message.subject(), 300),
            truncate(message.body(), 8000),
            message.registrationNumber(),
            message.taskId(),
            now,
            message.eventKey())
        .update(key, "id");
    long id = key.getKey().longValue();
    String event = message.eventKey() == null ? "notification:" + id : message.eventKey();
    for (Addressee r : recipients) {
      jdbc.update("""
          INSERT INTO notification_recipient (notification_id, user_id, display_name, email, idempotency_key, status)
          VALUES (?, ?, ?, ?, ?, ?)""", id, r.userId(), truncate(r.displayName(), 300), r.email(),
          event + "/" + r.userId(), Recipient.PENDING);
    }
    return id;
  }

  /** The notification already queued for an event, if any. */
  public Optional<Long> findByEventKey(String eventKey) {
    return jdbc.queryForList("SELECT id FROM notification WHERE event_key = ?", Long.class, eventKey).stream()
        .findFirst();
  }

  public Optional<Notification> find(long id) {
    return header(id).map(n -> new Notification(n.id(), n.kind(), n.subject(), n.body(), n.registrationNumber(),
        n.taskId(), n.createdAt(), recipients(id)));
  }

  /** The notification without its recipients. */
  public Optional<Notification> header(long id) {
    return jdbc.query("SELECT * FROM notification WHERE id = ?", (rs, n) -> new Notification(
        rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")), rs.getString("subject"),
        rs.getString("body"), rs.getString("registration_number"), rs.getString("task_id"),
        rs.getTimestamp("created_at").toInstant(), List.of()), id).stream().findFirst();
  }

  public List<Recipient> recipients(long notificationId) {
    return jdbc.query("SELECT * FROM notification_recipient WHERE notification_id = ? ORDER BY id", RECIPIENT,
        notificationId);
  }

  public Optional<Recipient> recipient(long recipientId) {
    return jdbc.query("SELECT * FROM notification_recipient WHERE id = ?", RECIPIENT, recipientId).stream()
        .findFirst();
  }

  /** The recipients of a notification not yet sent. */
  public List<Long> pendingRecipientIds(long notificationId) {
    return jdbc.queryForList("SELECT id FROM notification_recipient WHERE notification_id = ? AND status = ? "
        + "ORDER BY id", Long.class, notificationId, Recipient.PENDING);
  }

  /**
   * Claims a recipient for sending: PENDING becomes SENDING and the attempt is counted, in the caller's
   * transaction. The row stays locked until that transaction ends, so a second job claiming the same
   * row waits and then finds it SENT (or PENDING again, if the first rolled back).
   *
   * @return {@code true} if this transaction may send; {@code false} if the row is not pending (already sent)
   */
  public boolean claim(long recipientId) {
    return jdbc.update("""
        UPDATE notification_recipient SET status = ?, attempts = attempts + 1, last_attempt_at = ?
        WHERE id = ? AND status = ?""", Recipient.SENDING, Timestamp.from(BusinessClock.now()), recipientId,
        Recipient.PENDING) == 1;
  }

  /** Marks a claimed recipient sent, in the same transaction as its claim. */
  public boolean markSent(long recipientId) {
    return jdbc.update("UPDATE notification_recipient SET status = ?, sent_at = ? WHERE id = ? AND status = ?",
        Recipient.SENT, Timestamp.from(BusinessClock.now()), recipientId, Recipient.SENDING) == 1;
  }

  /** The notifications about an agreement, newest last (for tests and support). */
  public List<Notification> byRegistrationNumber(String registrationNumber) {
    return jdbc.queryForList("SELECT id FROM notification WHERE registration_number = ? ORDER BY id", Long.class,
            registrationNumber).stream()
        .map(id -> find(id).orElseThrow())
        .toList();
  }

  /** {@code true} unless the user switched notifications off. */
  public boolean isEnabled(String userId) {
    List<Boolean> found = jdbc.queryForList("SELECT enabled FROM notification_preference WHERE user_id = ?",
        Boolean.class, userId);
    return found.isEmpty() || Boolean.TRUE.equals(found.get(0));
  }

  public void setEnabled(String userId, boolean enabled) {
    Timestamp now = Timestamp.from(BusinessClock.now());
    int updated = jdbc.update("UPDATE notification_preference SET enabled = ?, updated_at = ? WHERE user_id = ?",
        enabled, now, userId);
    if (updated == 0) {
      jdbc.update("INSERT INTO notification_preference (user_id, enabled, updated_at) VALUES (?, ?, ?)",
          userId, enabled, now);
    }
  }

  /** {@code true} unless the user switched all notifications or this kind off. */
  public boolean isEnabled(String userId, NotificationKind kind) {
    return isEnabled(userId) && kinds(userId).getOrDefault(kind, true);
  }

  /** Every kind with the user's choice (no row: on). */
  public Map<NotificationKind, Boolean> kinds(String userId) {
    Map<NotificationKind, Boolean> kinds = new EnumMap<>(NotificationKind.class);
    for (NotificationKind kind : NotificationKind.values()) {
      kinds.put(kind, true);
    }
    jdbc.query("SELECT kind, enabled FROM notification_kind_preference WHERE user_id = ?", rs -> {
      try {
        kinds.put(NotificationKind.valueOf(rs.getString("kind")), rs.getBoolean("enabled"));
      } catch (IllegalArgumentException e) {
        // a kind no longer known: ignored
      }
    }, userId);
    return kinds;
  }

  public void setEnabled(String userId, NotificationKind kind, boolean enabled) {
    Timestamp now = Timestamp.from(BusinessClock.now());
    int updated = jdbc.update("UPDATE notification_kind_preference SET enabled = ?, updated_at = ? "
        + "WHERE user_id = ? AND kind = ?", enabled, now, userId, kind.name());
    if (updated == 0) {
      jdbc.update("INSERT INTO notification_kind_preference (user_id, kind, enabled, updated_at) VALUES (?, ?, ?, ?)",
          userId, kind.name(), enabled, now);
    }
  }

  private static final RowMapper<Recipient> RECIPIENT = (rs, n) -> new Recipient(rs.getLong("id"),
      rs.getLong("notification_id"), rs.getString("user_id"), rs.getString("display_name"), rs.getString("email"),
      rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
      rs.getString("idempotency_key"), rs.getString("status"), rs.getInt("attempts"));

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /** A resolved recipient before it is stored. */
  public record Addressee(String userId, String displayName, String email) {
  }
}
