package id.go.kerjasama.platform.notification;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks a recipient as sent in its own transaction, committed at once: if a
 * later recipient of the same notification fails and the job is retried,
 * those already served are not mailed twice.
 */
@Component
class NotificationOutbox {

  private final NotificationRepository repository;

  public NotificationOutbox(NotificationRepository repository) {
    this.repository = repository;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void markSent(long recipientId) {
    repository.markSent(recipientId);
  }
}
