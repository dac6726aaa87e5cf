package id.go.kerjasama.platform.notification;

import id.go.kerjasama.platform.security.SystemAccess;
import id.go.kerjasama.platform.web.ApiErrors.ApiError;
import id.go.kerjasama.platform.web.ForbiddenException;
import id.go.kerjasama.platform.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own notification preference (docs/api.md):
 * {@code GET /api/me/notifications} and {@code PUT /api/me/notifications}
 * with {@code {"enabled": false}} to stop e-mails, {@code true} to receive them again,
 * and/or {@code {"kinds": {"REMINDER": false}}} to stop one kind. The page
 * {@code GET /api/me/notifications/page} does the same for people
 * ({@link PreferencesPage}).
 */
@RestController
@RequestMapping("/api/me/notifications")
class NotificationPreferenceController {

  private final NotificationRepository repository;
  private final NotificationProperties properties;
  private final IdentityService identityService;

  public NotificationPreferenceController(NotificationRepository repository, NotificationProperties properties,
                                          IdentityService identityService) {
    this.repository = repository;
    this.properties = properties;
    this.identityService = identityService;
  }

  /**
   * @param enabled     the user wants e-mail notifications
   * @param email       where they go (from the user's profile; none: no mail at all)
   * @param mailEnabled e-mail is switched on for the whole application
   */
  public record Preference(String userId, boolean enabled, String email, boolean mailEnabled,
                           List<KindPreference> kinds) {
  }

  /** One kind of notification, its Indonesian label and description, and whether the user receives it. */
  public record KindPreference(String kind, String label, String description, boolean enabled) {
  }

  @GetMapping
  public Preference get() {
    return view(currentUser());
  }

  /** The preferences page (HTML, in Bahasa Indonesia), with the session's CSRF token for its PUT. */
  @GetMapping("/page")
  public ResponseEntity<String> page(HttpServletRequest request) {
    String userId = currentUser();
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", PreferencesPage.CONTENT_SECURITY_POLICY)
        .body(PreferencesPage.render(view(userId), sessionCsrfToken(request)));
  }

  /**
   * Either or both of {@code enabled} (all e-mail) and {@code kinds} (kind name to true/false); everything
   * is checked before anything is stored.
   */
  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public Preference put(@RequestBody(required = false) Map<String, Object> body) {
    String userId = currentUser();
    Object enabled = body == null ? null : body.get("enabled");
    Object kinds = body == null ? null : body.get("kinds");
    List<String> problems = new ArrayList<>();
    if (enabled == null && (kinds == null || kinds instanceof Map<?, ?> none && none.isEmpty())) {
      problems.add("Isian 'enabled' (true atau false) atau 'kinds' wajib diisi, mis. {\"enabled\": false} atau "
          + "{\"kinds\": {\"REMINDER\": false}}");
    }
    if (enabled != null && !(enabled instanceof Boolean)) {
      problems.add("Isian 'enabled' wajib diisi dengan true atau false");
    }
    Map<NotificationKind, Boolean> chosen = new EnumMap<>(NotificationKind.class);
    if (kinds != null && !(kinds instanceof Map<?, ?>)) {
      problems.add("Isian 'kinds' harus berupa objek jenis pemberitahuan → true/false, mis. {\"REMINDER\": false}");
    } else if (kinds != null) {
      ((Map<?, ?>) kinds).forEach((name, value) -> {
        NotificationKind kind = kindOf(String.valueOf(name));
        if (kind == null) {
          problems.add("Jenis pemberitahuan '" + name + "' tidak dikenal; yang ada: " + KIND_NAMES);
        } else if (!(value instanceof Boolean on)) {
          problems.add("Jenis pemberitahuan '" + name + "' wajib diisi dengan true atau false");
        } else {
          chosen.put(kind, on);
        }
      });
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (enabled != null) {
      repository.setEnabled(userId, (Boolean) enabled);
    }
    chosen.forEach((kind, on) -> repository.setEnabled(userId, kind, on));
    return view(userId);
  }

  private static final String KIND_NAMES = String.join(", ",
      Arrays.stream(NotificationKind.values()).map(Enum::name).toList());

  private static NotificationKind kindOf(String name) {
    return Arrays.stream(NotificationKind.values()).filter(k -> k.name().equals(name)).findFirst().orElse(null);
  }

  /** The webapps' CSRF token of this browser's session (Camunda's), or null without a session (HTTP Basic). */
  private static String sessionCsrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return token == null ? null : token.toString();
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(new ApiError(HttpStatus.BAD_REQUEST.value(),
        "Isi permintaan harus JSON, misalnya {\"enabled\": false}", null));
  }

  private Preference view(String userId) {
    User user = SystemAccess.call(identityService,
        () -> identityService.createUserQuery().userId(userId).singleResult());
    String email = user == null || user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
    List<KindPreference> kinds = repository.kinds(userId).entrySet().stream()
        .map(e -> new KindPreference(e.getKey().name(), e.getKey().label(), e.getKey().description(), e.getValue()))
        .toList();
    return new Preference(userId, repository.isEnabled(userId), email, properties.isEnabled(), kinds);
  }

  private String currentUser() {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      throw new ForbiddenException("Permintaan tanpa pengguna yang terautentikasi");
    }
    return user.getUserId();
  }
}
