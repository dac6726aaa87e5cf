package id.go.kerjasama.platform.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mail notifications ({@code kerjasama.mail.*}); the SMTP server itself is
 * configured with Spring's {@code spring.mail.*} (docs/operations.md, "Mail").
 *
 * @param enabled {@code false} switches e-mail off entirely: nothing is queued, nothing is sent
 * @param from    the sender address of every mail
 * @param baseUrl the address users open the application at, for the links in mails
 */
@ConfigurationProperties(prefix = "kerjasama.mail")
public record NotificationProperties(Boolean enabled, String from, String baseUrl) {

  public NotificationProperties {
    enabled = enabled == null || enabled;
    from = from == null || from.isBlank() ? "Kerjasama <noreply@kerjasama.localhost>" : from.strip();
    baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : stripSlash(baseUrl.strip());
  }

  public boolean isEnabled() {
    return Boolean.TRUE.equals(enabled);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
