package id.go.kerjasama.platform.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request whose (small) body a filter has read: whoever comes next (Jersey,
 * Spring) reads the same bytes again, from {@link #getInputStream()} or, for
 * a form, through {@link #getParameter(String)}.
 */
final class CachedBodyRequest extends HttpServletRequestWrapper {

  private final byte[] body;
  private Map<String, String[]> parameters;

  private CachedBodyRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /** Reads the body of {@code request} (at most {@code limit} bytes; more is refused with {@link TooLarge}). */
  static CachedBodyRequest of(HttpServletRequest request, int limit) throws IOException {
    byte[] bytes = request.getInputStream().readNBytes(limit + 1);
    if (bytes.length > limit) {
      throw new TooLarge("Request body larger than " + limit + " bytes");
    }
    return new CachedBodyRequest(request, bytes);
  }

  /** A body over the limit. */
  static final class TooLarge extends IOException {
    TooLarge(String message) {
      super(message);
    }
  }

  byte[] body() {
    return body.clone();
  }

  boolean isForm() {
    String type = getContentType();
    return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
  }

  /** A field of a URL-encoded form body (the first value), or null. */
  String formField(String name) {
    String[] values = formFields().get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public int available() {
        return in.available();
      }

      @Override
      public boolean markSupported() {
        return true;
      }

      @Override
      public synchronized void mark(int readLimit) {
        in.mark(readLimit);
      }

      @Override
      public synchronized void reset() {
        in.reset();
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("synchronous reads only");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
  }

  @Override
  public String getParameter(String name) {
    String[] values = getParameterMap().get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    if (parameters == null) {
      // the query string's parameters (the container no longer parses the body: it was read as a stream)
      Map<String, String[]> merged = new LinkedHashMap<>(super.getParameterMap());
      if (isForm()) {
        formFields().forEach((name, values) -> {
          List<String> all = new ArrayList<>(List.of(merged.getOrDefault(name, new String[0])));
          all.addAll(List.of(values));
          merged.put(name, all.toArray(String[]::new));
        });
      }
      parameters = Collections.unmodifiableMap(merged);
    }
    return parameters;
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(getParameterMap().keySet());
  }

  @Override
  public String[] getParameterValues(String name) {
    return getParameterMap().get(name);
  }

  private Map<String, String[]> formFields() {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (isForm()) {
      Charset charset = charset();
      for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        try {
          fields.computeIfAbsent(URLDecoder.decode(name, charset), n -> new ArrayList<>())
              .add(URLDecoder.decode(value, charset));
        } catch (IllegalArgumentException e) {
          // a malformed field: ignored here; the application behind answers the request as it would
        }
      }
    }
    Map<String, String[]> result = new LinkedHashMap<>();
    fields.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
    return result;
  }

  private Charset charset() {
    String encoding = getCharacterEncoding();
    try {
      return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
