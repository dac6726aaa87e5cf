package id.go.kerjasama.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The user name of an HTTP Basic {@code Authorization} header, as Camunda's provider reads it. */
final class BasicCredentials {

  private static final String PREFIX = "basic ";

  private BasicCredentials() {
  }

  /** The user name sent with HTTP Basic, or null when none (or not decodable) was sent. */
  static String userOf(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || header.length() <= PREFIX.length()
        || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(PREFIX.length()).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    return colon <= 0 ? null : decoded.substring(0, colon);
  }
}
