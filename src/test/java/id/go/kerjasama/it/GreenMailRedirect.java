package id.go.kerjasama.it;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Points the application's mail sender at a test's GreenMail server and back
 * afterwards, so the test contexts that other classes share keep their own
 * setting. Held in a static field: the embedded database must be up before
 * Spring builds the application, so the sender is only known per test.
 */
public final class GreenMailRedirect {

  private JavaMailSenderImpl sender;
  private String originalHost;
  private int originalPort;

  /** Before each test: the application's mail goes to GreenMail on {@code smtpPort} of this host. */
  public void pointAt(JavaMailSender mailSender, int smtpPort) {
    if (sender == null) {
      sender = (JavaMailSenderImpl) mailSender;
      originalHost = sender.getHost();
      originalPort = sender.getPort();
    }
    sender.setHost("127.0.0.1");
    sender.setPort(smtpPort);
  }

  /** After the class: the sender as it was. */
  public void pointBack() {
    if (sender != null) {
      sender.setHost(originalHost);
      sender.setPort(originalPort);
      sender = null;
    }
  }
}
