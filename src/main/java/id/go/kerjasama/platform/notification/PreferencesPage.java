package id.go.kerjasama.platform.notification;

import id.go.kerjasama.platform.notification.NotificationPreferenceController.Preference;
import id.go.kerjasama.platform.web.InlinePage;
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

  private static final InlinePage PAGE = new InlinePage("notification", "preferences-page");

  /** Nothing but its own inline script and style and requests to this origin; no framing. */
  static final String CONTENT_SECURITY_POLICY = PAGE.contentSecurityPolicy();

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
    return PAGE.render(values);
  }
}
