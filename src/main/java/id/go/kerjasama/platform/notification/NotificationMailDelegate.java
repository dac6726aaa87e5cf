package id.go.kerjasama.platform.notification;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The asynchronous service task of {@code mail-notification}: sends one
 * recipient its mail, once.
 *
 * <p>Everything happens in the job's own transaction, on the one connection
 * the engine holds for it (no second transaction, no second connection):
 * claim the recipient's row ({@code PENDING} → {@code SENDING}, attempt
 * counted), hand the mail to the SMTP server, mark the row {@code SENT}; the
 * engine commits that together with the job's completion. A job that runs
 * again (a retry, an expired lock, a second node) finds the row {@code SENT},
 * or waits on the first one's row lock and then finds it, and sends nothing.
 * An SMTP failure fails the job: the claim is rolled back with it, the engine
 * retries ({@code failedJobRetryTimeCycle}) and finally raises an incident.
 * The one window left is a crash or lost database after the server accepted
 * the mail and before the commit: the retry sends it again (at-least-once,
 * docs/reliability.md), with the same {@code Message-ID}.
 */
@Component
@FormerlyNamed("notificationMailSender")
class NotificationMailDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationMailDelegate.class);

  private final NotificationRepository repository;
  private final Notifier notifier;
  private final NotificationProperties properties;
  private final ObjectProvider<JavaMailSender> mailSender;

  public NotificationMailDelegate(NotificationRepository repository, Notifier notifier,
                                NotificationProperties properties, ObjectProvider<JavaMailSender> mailSender) {
    this.repository = repository;
    this.notifier = notifier;
    this.properties = properties;
    this.mailSender = mailSender;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(MailNotificationProcess.NOTIFICATION_ID)).longValue();
    if (!properties.isEnabled()) {
      LOG.info("E-mail is switched off (kerjasama.mail.enabled=false): notification {} not sent", id);
      return;
    }
    Object recipientId = execution.getVariable(MailNotificationProcess.RECIPIENT_ID);
    if (recipientId == null) {
      // an instance queued before one instance per recipient: hand each unserved recipient its own
      notifier.startSending(id, (String) execution.getVariable(MailNotificationProcess.REGISTRATION_NUMBER),
          repository.pendingRecipientIds(id));
      return;
    }
    send(id, ((Number) recipientId).longValue());
  }

  private void send(long notificationId, long recipientId) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("Tidak ada server SMTP yang dikonfigurasi (spring.mail.host); "
          + "notifikasi " + notificationId + " belum terkirim");
    }
    Recipient recipient = repository.recipient(recipientId).orElse(null);
    Notification notification = repository.header(notificationId).orElse(null);
    if (recipient == null || notification == null) {
      LOG.warn("Recipient {} of notification {} no longer exists; nothing to send", recipientId, notificationId);
      return;
    }
    if (!repository.claim(recipientId)) {
      LOG.info("Notification {} to {} was already sent ({}); not sent again", notificationId, recipient.userId(),
          recipient.idempotencyKey());
      return;
    }
    try {
      sender.send(mime(sender, notification, recipient));
    } catch (MailException | MessagingException | UnsupportedEncodingException e) {
      throw new IllegalStateException("Email notifikasi " + notificationId + " ke " + recipient.email()
          + " gagal dikirim: " + e.getMessage(), e);
    }
    if (!repository.markSent(recipientId)) {
      throw new IllegalStateException("Notification " + notificationId + " to " + recipient.userId()
          + " lost its claim while sending");
    }
  }

  private MimeMessage mime(JavaMailSender sender, Notification notification, Recipient recipient)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage mime = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
    helper.setFrom(properties.from());
    helper.setTo(new InternetAddress(recipient.email(), recipient.displayName(), "UTF-8"));
    helper.setSubject("[Kerjasama] " + notification.subject());
    helper.setText(text(notification, recipient));
    // the same mail always has the same id, so a mailbox can recognise the copy of the one case
    // in which it is sent twice (a crash between the SMTP server's acceptance and the commit)
    mime.setHeader("Message-ID", messageId(recipient));
    return mime;
  }

  /** {@code <kerjasama.<idempotency key>@<host of the base URL>>}, only characters a Message-ID allows. */
  String messageId(Recipient recipient) {
    String host;
    try {
      host = URI.create(properties.baseUrl()).getHost();
    } catch (IllegalArgumentException e) {
      host = null;
    }
    String local = ("kerjasama." + recipient.idempotencyKey()).replaceAll("[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]", ".");
    return "<" + local + "@" + (host == null || host.isBlank() ? "kerjasama.localhost" : host) + ">";
  }

  /** Greeting, body, footer. */
  String text(Notification notification, Recipient recipient) {
    return "Yth. " + recipient.displayName() + ",\n\n"
        + notification.body() + "\n\n"
        + "--\n"
        + "Pesan ini dikirim otomatis oleh aplikasi Kerjasama; mohon tidak membalas email ini.\n"
        + "Pilih pemberitahuan email yang ingin Anda terima, atau matikan semuanya: " + properties.baseUrl()
        + "/api/me/notifications/page\n";
  }
}
