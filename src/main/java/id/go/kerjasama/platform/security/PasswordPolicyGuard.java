package id.go.kerjasama.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's password policy answers a weak password through the REST API
 * with 500 ("Password does not match policy"); this checks the new password
 * of {@code POST /engine-rest/user/create} and
 * {@code PUT /engine-rest/user/{id}/credentials} (and of the same calls of
 * Admin on {@code /camunda/api/engine/engine/<name>/…}) first and answers 400 with
 * the rules it breaks, in Bahasa Indonesia. The engine still enforces the
 * policy on every other path (Admin checks it before sending).
 */
final class PasswordPolicyGuard extends OncePerRequestFilter {

  // /engine-rest, and the webapps' copy of it (Admin), /camunda/api/engine/engine/<name>
  private static final Pattern CREATE = Pattern.compile(
      "^(?:/engine-rest|/camunda/api/engine)(?:/engine/[^/]+)?/user/create/?$");
  private static final Pattern CREDENTIALS = Pattern.compile(
      "^(?:/engine-rest|/camunda/api/engine)(?:/engine/[^/]+)?/user/([^/]+)/credentials/?$");
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final IdentityService identityService;
  private final ObjectMapper json;

  PasswordPolicyGuard(IdentityService identityService, ObjectMapper json) {
    this.identityService = identityService;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean create = "POST".equalsIgnoreCase(request.getMethod()) && CREATE.matcher(path).matches();
    Matcher credentials = CREDENTIALS.matcher(path);
    boolean update = "PUT".equalsIgnoreCase(request.getMethod()) && credentials.matches();
    if ((!create && !update) || identityService.getPasswordPolicy() == null) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached;
    try {
      cached = CachedBodyRequest.of(request, MAX_BODY_BYTES);
    } catch (IOException e) {
      JsonAnswer.send(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Permintaan terlalu besar.");
      return;
    }
    JsonNode body;
    try {
      body = json.readTree(cached.body());
    } catch (IOException e) {
      chain.doFilter(cached, response); // not JSON: the REST API answers that itself
      return;
    }
    String password;
    User user;
    if (create) {
      password = text(body.path("credentials").path("password"));
      JsonNode profile = body.path("profile");
      String id = text(profile.path("id"));
      user = id == null ? null : identityService.newUser(id);
      if (user != null) {
        user.setFirstName(text(profile.path("firstName")));
        user.setLastName(text(profile.path("lastName")));
        user.setEmail(text(profile.path("email")));
      }
    } else {
      password = text(body.path("password"));
      String id = java.net.URLDecoder.decode(credentials.group(1), java.nio.charset.StandardCharsets.UTF_8);
      user = SystemAccess.call(identityService, () -> identityService.createUserQuery().userId(id).singleResult());
    }
    if (password != null) {
      PasswordPolicyResult result = user == null ? identityService.checkPasswordAgainstPolicy(password)
          : identityService.checkPasswordAgainstPolicy(password, user);
      if (!result.isValid()) {
        JsonAnswer.send(response, HttpServletResponse.SC_BAD_REQUEST,
            "Kata sandi tidak memenuhi kebijakan kata sandi: " + PasswordPolicyText.indonesian(result) + ".");
        return;
      }
    }
    chain.doFilter(cached, response);
  }

  private static String text(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
  }
}
