package id.go.kerjasama.platform.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
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
 * The asynchronous service task of {@code mail-notification}: sends the
 * notification to each recipient not yet served, one mail per recipient.
 * Any SMTP failure fails the job, so the engine retries it
 * ({@code failedJobRetryTimeCycle}) and finally raises an incident.
 */
@Component("notificationMailSender")
class NotificationMailSender implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationMailSender.class);

  private final NotificationRepository repository;
  private final NotificationOutbox outbox;
  private final NotificationProperties properties;
  private final ObjectProvider<JavaMailSender> mailSender;

  public NotificationMailSender(NotificationRepository repository, NotificationOutbox outbox,
                                NotificationProperties properties, ObjectProvider<JavaMailSender> mailSender) {
    this.repository = repository;
    this.outbox = outbox;
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
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("Tidak ada server SMTP yang dikonfigurasi (spring.mail.host); "
          + "notifikasi " + id + " belum terkirim");
    }
    Notification notification = repository.find(id).orElse(null);
    if (notification == null) {
      LOG.warn("Notification {} no longer exists; nothing to send", id);
      return;
    }
    for (Recipient recipient : notification.recipients()) {
      if (recipient.sentAt() != null) {
        continue;
      }
      try {
        sender.send(mime(sender, notification, recipient));
      } catch (MailException | MessagingException | UnsupportedEncodingException e) {
        throw new IllegalStateException("Email notifikasi " + id + " ke " + recipient.email()
            + " gagal dikirim: " + e.getMessage(), e);
      }
      outbox.markSent(recipient.id());
    }
  }

  private MimeMessage mime(JavaMailSender sender, Notification notification, Recipient recipient)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage mime = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
    helper.setFrom(properties.from());
    helper.setTo(new jakarta.mail.internet.InternetAddress(recipient.email(), recipient.displayName(), "UTF-8"));
    helper.setSubject("[Kerjasama] " + notification.subject());
    helper.setText(text(notification, recipient));
    return mime;
  }

  /** Greeting, body, footer. */
  String text(Notification notification, Recipient recipient) {
    return "Yth. " + recipient.displayName() + ",\n\n"
        + notification.body() + "\n\n"
        + "--\n"
        + "Pesan ini dikirim otomatis oleh aplikasi Kerjasama; mohon tidak membalas email ini.\n"
        + "Pemberitahuan email dapat dimatikan per pengguna: PUT " + properties.baseUrl()
        + "/api/me/notifications dengan isi {\"enabled\": false} (lihat panduan API).\n";
  }
}
