package id.go.kerjasama.platform.notification;

import id.go.kerjasama.platform.security.SystemAccess;
import id.go.kerjasama.platform.web.ApiErrors.ApiError;
import id.go.kerjasama.platform.web.ForbiddenException;
import id.go.kerjasama.platform.web.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
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
 * with {@code {"enabled": false}} to stop e-mails, {@code true} to receive them again.
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
  public record Preference(String userId, boolean enabled, String email, boolean mailEnabled) {
  }

  @GetMapping
  public Preference get() {
    return view(currentUser());
  }

  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public Preference put(@RequestBody(required = false) Map<String, Object> body) {
    String userId = currentUser();
    Object enabled = body == null ? null : body.get("enabled");
    if (!(enabled instanceof Boolean value)) {
      throw new InvalidInputException(List.of("Isian 'enabled' wajib diisi dengan true atau false"));
    }
    repository.setEnabled(userId, value);
    return view(userId);
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
    return new Preference(userId, repository.isEnabled(userId), email, properties.isEnabled());
  }

  private String currentUser() {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      throw new ForbiddenException("Permintaan tanpa pengguna yang terautentikasi");
    }
    return user.getUserId();
  }
}
