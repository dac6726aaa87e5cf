package id.go.kerjasama.platform.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * The webapps' static files precompressed, for slow regional links
 * (docs/performance.md "Slow links"). Once after start-up, in the background,
 * every text file of at least 1 KB under {@code /camunda/lib}, {@code /camunda/app}
 * and {@code /camunda/assets} (Camunda's webjar and Kerjasama's own files there)
 * is compressed with Brotli (quality 10 of 11) and with gzip at its highest
 * level, and kept in memory: Camunda's {@code lib/deps.js} (3.86 MB)
 * travels as about 0.8 MB of Brotli instead of 1.14 MB of Tomcat's gzip. A
 * browser that accepts {@code br} gets Brotli, one that accepts only gzip gets
 * the better gzip, any other the file itself; every answer says
 * {@code Vary: Accept-Encoding} ({@link AssetCaching}), and each variant has an ETag of its own.
 * Until the compression is done (seconds), and for files not compressed here,
 * the answer is the file as before (Tomcat compresses it with gzip per request).
 * {@code kerjasama.web.precompress.enabled=false} leaves out the compression (the test contexts that do not
 * measure the webapps' transfer: it costs about 50 s of one core per application start).
 *
 * <p>These handlers take the addresses that Camunda's own handlers for
 * {@code /camunda/lib/**}, {@code /camunda/app/**} and {@code /camunda/assets/**}
 * serve, from the same classpath location, with more specific patterns; Spring's {@code ResourceHttpRequestHandler} still answers
 * (HEAD, {@code If-None-Match}/{@code If-Modified-Since} with 304, ranges), so
 * only the body's encoding changes. Caching headers are {@link AssetCaching}'s.
 */
@Configuration
class PrecompressedAssets implements WebMvcConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(PrecompressedAssets.class);
  static final String WEBJAR = "META-INF/resources/webjars/camunda/";
  static final List<String> FOLDERS = List.of("lib", "app", "assets");
  static final List<String> TEXT = List.of(".js", ".css", ".json", ".svg", ".txt", ".map");
  static final int MIN_SIZE = 1024;
  /**
   * Brotli's quality: for deps.js (3.86 MB) on the build machine 10 gave 818,113 bytes in 9.9 s of one
   * core, 11 gave 805,862 bytes in 23.5 s, 9 gave 883,859 bytes in 1.9 s. 10: 12 KB (0.07 s on Fast 3G)
   * more than 11 for less than half the start-up work.
   */
  static final int BROTLI_QUALITY = 10;

  /** The compressed variants by classpath path ({@code META-INF/.../lib/deps.js}); filled once after start-up. */
  private final Map<String, Variants> variants = new ConcurrentHashMap<>();
  /** {@code kerjasama.web.precompress.enabled}; false: never filled, every file served as Tomcat gzips it. */
  private final boolean enabled;

  PrecompressedAssets(@Value("${kerjasama.web.precompress.enabled:true}") boolean enabled) {
    this.enabled = enabled;
  }

  record Variant(String encoding, byte[] bytes, String etag) {
  }

  record Variants(Variant brotli, Variant gzip) {
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    for (String folder : FOLDERS) {
      // Camunda registers "/camunda/<folder>/**" itself (the same pattern would replace one of the two):
      // patterns without "**" are more specific, so these take the files at up to four levels below
      registry.addResourceHandler("/camunda/" + folder + "/*", "/camunda/" + folder + "/*/*",
              "/camunda/" + folder + "/*/*/*", "/camunda/" + folder + "/*/*/*/*")
          .addResourceLocations("classpath:/" + WEBJAR + folder + "/")
          .setEtagGenerator(resource -> resource instanceof Encoded encoded ? encoded.variant.etag() : null)
          .resourceChain(false)
          .addResolver(new Resolver());
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void compressInTheBackground(ApplicationReadyEvent event) {
    if (!enabled) {
      LOG.info("Webapp files not precompressed (kerjasama.web.precompress.enabled=false): Tomcat compresses them"
          + " per request");
      return;
    }
    ClassLoader classLoader = event.getApplicationContext().getClassLoader();
    Thread thread = new Thread(() -> compressAll(classLoader), "kerjasama-precompress");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  void compressAll(ClassLoader classLoader) {
    long start = System.nanoTime();
    boolean brotli = brotliAvailable();
    long before = 0;
    long after = 0;
    try {
      // the largest first: Camunda's bundle, which every webapp's first load waits for, is ready soonest
      Map<String, byte[]> files = new java.util.LinkedHashMap<>();
      for (String path : textFiles(classLoader)) {
        try (InputStream in = classLoader.getResourceAsStream(path)) {
          byte[] original = in == null ? new byte[0] : in.readAllBytes();
          if (original.length >= MIN_SIZE) {
            files.put(path, original);
          }
        }
      }
      List<Map.Entry<String, byte[]>> largestFirst = new java.util.ArrayList<>(files.entrySet());
      largestFirst.sort((a, b) -> Integer.compare(b.getValue().length, a.getValue().length));
      for (Map.Entry<String, byte[]> file : largestFirst) {
        String path = file.getKey();
        byte[] original = file.getValue();
        Variant gzip = variant("gzip", gzip(original));
        Variant br = brotli ? variant("br", Encoder.compress(original,
            new Encoder.Parameters().setQuality(BROTLI_QUALITY).setWindow(24))) : null;
        variants.put(path, new Variants(br, gzip));
        before += original.length;
        after += br != null ? br.bytes().length : gzip.bytes().length;
      }
      LOG.info("Webapp files precompressed ({}): {} files, {} bytes to {} bytes in {} ms", brotli ? "br, gzip" : "gzip",
          variants.size(), before, after, (System.nanoTime() - start) / 1_000_000);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Webapp files not precompressed; Tomcat compresses them per request", e);
    }
  }

  private static boolean brotliAvailable() {
    try {
      Brotli4jLoader.ensureAvailability();
      return true;
    } catch (Throwable e) { // no native encoder for this platform (UnsatisfiedLinkError)
      LOG.info("No Brotli encoder on this platform ({}): the webapps' files are served with gzip", e.toString());
      return false;
    }
  }

  /** The classpath paths of the text files under the served folders, each once (the first on the classpath wins). */
  private static TreeSet<String> textFiles(ClassLoader classLoader) throws IOException {
    TreeSet<String> paths = new TreeSet<>();
    PathMatchingResourcePatternResolver scanner = new PathMatchingResourcePatternResolver(classLoader);
    for (String folder : FOLDERS) {
      for (Resource resource : scanner.getResources("classpath*:" + WEBJAR + folder + "/**/*")) {
        String url = resource.getURL().toString();
        int at = url.lastIndexOf(WEBJAR);
        String name = url.toLowerCase(Locale.ROOT);
        if (at >= 0 && resource.isReadable() && TEXT.stream().anyMatch(name::endsWith)) {
          paths.add(url.substring(at));
        }
      }
    }
    return paths;
  }

  private static byte[] gzip(byte[] original) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(original.length / 3);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      gzip.write(original);
    }
    return out.toByteArray();
  }

  private static Variant variant(String encoding, byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return new Variant(encoding, bytes, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "-" + encoding + "\"");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The encoding to send for an {@code Accept-Encoding} header: br before gzip, none when neither is accepted. */
  static String chooseEncoding(String acceptEncoding, boolean brotli) {
    if (acceptEncoding == null) {
      return null;
    }
    boolean gzip = false;
    for (String part : acceptEncoding.split(",")) {
      String[] coding = part.trim().split(";");
      String name = coding[0].trim().toLowerCase(Locale.ROOT);
      boolean refused = false;
      for (int i = 1; i < coding.length; i++) {
        String parameter = coding[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (parameter.startsWith("q=")) {
          try {
            refused = Double.parseDouble(parameter.substring(2)) <= 0;
          } catch (NumberFormatException e) {
            refused = true;
          }
        }
      }
      if (refused) {
        continue;
      }
      if (brotli && "br".equals(name)) {
        return "br";
      }
      gzip |= "gzip".equals(name);
    }
    return gzip ? "gzip" : null;
  }

  private final class Resolver implements ResourceResolver {
    @Override
    public Resource resolveResource(HttpServletRequest request, String requestPath, List<? extends Resource> locations,
        ResourceResolverChain chain) {
      Resource resource = chain.resolveResource(request, requestPath, locations);
      if (request == null || !(resource instanceof ClassPathResource file)) {
        return resource;
      }
      Variants compressed = variants.get(file.getPath());
      if (compressed == null) {
        return resource;
      }
      String encoding = chooseEncoding(request.getHeader(HttpHeaders.ACCEPT_ENCODING), compressed.brotli() != null);
      if (encoding == null) {
        return resource;
      }
      return new Encoded(file, "br".equals(encoding) ? compressed.brotli() : compressed.gzip());
    }

    @Override
    public String resolveUrlPath(String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
      return chain.resolveUrlPath(resourcePath, locations);
    }
  }

  /** A file's compressed variant: the original's name (for its type) and date, the compressed bytes. */
  static final class Encoded extends AbstractResource implements HttpResource {
    final ClassPathResource original;
    final Variant variant;

    Encoded(ClassPathResource original, Variant variant) {
      this.original = original;
      this.variant = variant;
    }

    @Override
    public InputStream getInputStream() {
      return new ByteArrayInputStream(variant.bytes());
    }

    @Override
    public boolean exists() {
      return true;
    }

    @Override
    public long contentLength() {
      return variant.bytes().length;
    }

    @Override
    public long lastModified() throws IOException {
      return original.lastModified();
    }

    @Override
    public String getFilename() {
      return original.getFilename();
    }

    @Override
    public Resource createRelative(String relativePath) throws IOException {
      return original.createRelative(relativePath);
    }

    @Override
    public String getDescription() {
      return variant.encoding() + " of " + original.getDescription();
    }

    @Override
    public HttpHeaders getResponseHeaders() {
      HttpHeaders headers = new HttpHeaders();
      // Vary: Accept-Encoding is AssetCaching's, on every answer of these folders (the 304s and the
      // file as it is included); set here, it would replace the Vary values of the CORS processing
      headers.add(HttpHeaders.CONTENT_ENCODING, variant.encoding());
      return headers;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Encoded encoded && encoded.original.equals(original)
          && encoded.variant.encoding().equals(variant.encoding());
    }

    @Override
    public int hashCode() {
      return original.hashCode() * 31 + variant.encoding().hashCode();
    }
  }
}
