package id.go.kerjasama.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Control characters (NUL and the like; tab and line breaks are text) are
 * refused at the edge of {@code /api}, {@code /engine-rest} and the webapps'
 * API with 400, in any query parameter and anywhere in a JSON body — not
 * only in variables ({@link SubmittedValues} checks those inside the engine,
 * whichever way they come): PostgreSQL cannot store a NUL and answered with
 * its SQL error, H2 stored it. A body that is not JSON passes on, and the
 * API behind answers it. A JSON {@code null} as the whole body of an engine
 * REST call is refused too (the engine's resources answered it with a
 * NullPointerException, 500).
 */
final class ControlCharacterGuard extends OncePerRequestFilter {

  private final int maxBody;
  private final ObjectMapper json = new ObjectMapper();

  ControlCharacterGuard(int maxBody) {
    this.maxBody = maxBody;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Set<String> fields = new LinkedHashSet<>(queryParameters(request.getQueryString()));
    HttpServletRequest next = request;
    if (isJson(request.getContentType()) && request.getContentLengthLong() != 0) {
      CachedBodyRequest cached;
      try {
        cached = CachedBodyRequest.of(request, maxBody);
      } catch (CachedBodyRequest.TooLarge e) {
        JsonAnswer.send(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Isi permintaan terlalu besar.");
        return;
      }
      next = cached;
      try {
        JsonNode body = json.readTree(cached.body());
        if (body != null && body.isNull() && !isApi(request)) {
          // the engine's REST resources take a null body for their DTO and fail with a NullPointerException (500)
          JsonAnswer.send(response, HttpServletResponse.SC_BAD_REQUEST,
              "Isi permintaan tidak boleh null; kirim objek JSON sesuai dokumentasi API.");
          return;
        }
        if (body != null) {
          collect(body, "", fields);
        }
      } catch (IOException notJson) {
        // the API behind answers a body that is not JSON (400)
      }
    }
    if (!fields.isEmpty()) {
      JsonAnswer.send(response, HttpServletResponse.SC_BAD_REQUEST, "Isian berikut mengandung karakter kendali "
          + "(misalnya NUL) yang tidak boleh dipakai: " + String.join(", ", fields)
          + ". Hapus karakter tersebut lalu kirim ulang.");
      return;
    }
    chain.doFilter(next, response);
  }

  static List<String> queryParameters(String query) {
    List<String> found = new ArrayList<>();
    if (query == null) {
      return found;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (hasControlCharacter(name) || hasControlCharacter(value)) {
          found.add(hasControlCharacter(name) ? "(nama parameter)" : name);
        }
      } catch (IllegalArgumentException malformed) {
        // a malformed escape: the container and the API behind answer it
      }
    }
    return found;
  }

  private static void collect(JsonNode node, String path, Set<String> found) {
    if (node.isTextual()) {
      if (hasControlCharacter(node.textValue())) {
        found.add(path.isEmpty() ? "(isi)" : path);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), path + "[" + i + "]", found);
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String name = hasControlCharacter(field.getKey()) ? "(nama isian)" : field.getKey();
        String child = path.isEmpty() ? name : path + "." + name;
        if (hasControlCharacter(field.getKey())) {
          found.add(child);
        }
        collect(field.getValue(), child, found);
      }
    }
  }

  static boolean hasControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json") || type.endsWith("+json");
  }
}
