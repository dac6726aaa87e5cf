package id.go.kerjasama.platform.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import id.go.kerjasama.platform.notification.NotificationPreferenceController.Preference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The e-mail preferences page, {@code GET /api/me/notifications/page}
 * (linked from the Welcome app and the Cockpit dashboard): a switch for all
 * e-mail and one per {@link NotificationKind}; "Simpan" sends them with
 * {@code PUT /api/me/notifications} (the session's CSRF token in
 * {@code X-XSRF-TOKEN}) and shows what the server stored. The Mustache
 * template {@code templates/notification/preferences-page.html}, rendered
 * with JMustache (every value escaped), with its inline style and script
 * allowed by hash.
 */
final class PreferencesPage {

  static final String STYLE = resource("preferences-page.css");
  static final String SCRIPT = resource("preferences-page.js");
  private static final Template PAGE = Mustache.compiler().compile(resource("preferences-page.html"));

  /** Nothing but its own inline script and style and requests to this origin; no framing. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src '" + sha256(SCRIPT) + "'; style-src '"
      + sha256(STYLE) + "'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
      + "frame-ancestors 'none'";

  private PreferencesPage() {
  }

  static String render(Preference preference, String csrfToken) {
    Map<String, Object> values = new HashMap<>();
    values.put("userId", preference.userId());
    values.put("email", preference.email() == null ? "" : preference.email());
    values.put("hasEmail", preference.email() != null);
    values.put("enabled", preference.enabled());
    values.put("mailEnabled", preference.mailEnabled());
    values.put("kinds", preference.kinds());
    values.put("csrfToken", csrfToken == null ? "" : csrfToken);
    values.put("style", STYLE);
    values.put("script", SCRIPT);
    return PAGE.execute(values);
  }

  private static String sha256(String text) {
    try {
      return "sha256-" + Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = PreferencesPage.class.getResourceAsStream("/templates/notification/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing template resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
