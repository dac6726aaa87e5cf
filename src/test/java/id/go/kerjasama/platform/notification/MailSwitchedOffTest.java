package id.go.kerjasama.platform.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code kerjasama.mail.enabled=false}: nothing is queued, a job still queued sends nothing. */
class MailSwitchedOffTest {

  final NotificationProperties off = new NotificationProperties(false, null, null);

  @Test
  void nothingIsQueuedWhenMailIsOff() {
    // no repository, identity or runtime service is touched
    Notifier notifier = new Notifier(null, off, null, null);
    assertThat(notifier.send(new Message(NotificationKind.NEW_TASK, "Tugas baru", "Isi", "KS-1", "t1"),
        List.of("fasker"), List.of("admin"))).isEmpty();
  }

  @Test
  void defaultsAreSensible() {
    NotificationProperties defaults = new NotificationProperties(null, " ", "https://kerjasama.example/");
    assertThat(defaults.isEnabled()).isTrue();
    assertThat(defaults.from()).isEqualTo("Kerjasama <noreply@kerjasama.localhost>");
    assertThat(defaults.baseUrl()).isEqualTo("https://kerjasama.example");
    assertThat(off.isEnabled()).isFalse();
  }
}
