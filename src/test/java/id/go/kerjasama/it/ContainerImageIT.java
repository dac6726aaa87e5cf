package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The container image that Jib writes without a Docker engine
 * ({@code target/kerjasama-image.tar}, docs/operations.md "Container image"),
 * opened as {@code docker load} would: the manifest names a config and layers
 * that are all in the tar, the config starts the application as a user
 * without rights on port 8080 with the production profile, and everything its
 * entrypoint names — the class path, the main class, the packaged models —
 * is in the layers. Only with {@code -Pimage} (which builds the tar in
 * {@code package}):
 *
 * <pre>mvn -Pimage verify -Dit.test=ContainerImageIT -DskipTests   # where the base image's registry is reachable
 * mvn -Pimage verify -Dit.test=ContainerImageIT -DskipTests -Djib.from.image=scratch   # without it: no JRE in the image</pre>
 *
 * With the real base image the JRE's {@code java} must be in a base layer too.
 */
class ContainerImageIT {

  static final Path TAR = Path.of(System.getProperty("image.tar", "target/kerjasama-image.tar"));
  static final String BASE = System.getProperty("image.base", "eclipse-temurin:17-jre");

  final ObjectMapper json = new ObjectMapper();

  @Test
  void theImageTarIsALoadableImageThatRunsTheApplicationAsAnUnprivilegedUser() throws IOException {
    assertThat(TAR).as("build it first: mvn -Pimage package").exists();
    Map<String, byte[]> outer = entries(Files.newInputStream(TAR), false);

    // docker load's layout: manifest.json -> config + layers, all present
    JsonNode manifest = json.readTree(outer.get("manifest.json"));
    assertThat(manifest).hasSize(1);
    assertThat(manifest.get(0).get("RepoTags").toString()).contains("kerjasama:");
    JsonNode config = json.readTree(outer.get(manifest.get(0).get("Config").asText()));
    List<String> layerNames = new ArrayList<>();
    manifest.get(0).get("Layers").forEach(l -> layerNames.add(l.asText()));
    assertThat(outer.keySet()).containsAll(layerNames);
    assertThat(config.get("os").asText()).isEqualTo("linux");
    assertThat(config.get("rootfs").get("diff_ids")).hasSize(layerNames.size());

    JsonNode container = config.get("config");
    // not root: a numeric user and group other than 0
    String user = container.get("User").asText();
    assertThat(user).matches("\\d+:\\d+");
    assertThat(user.split(":")).doesNotContain("0");
    assertThat(container.get("ExposedPorts").fieldNames()).toIterable().containsExactly("8080/tcp");
    Map<String, String> env = new HashMap<>();
    container.get("Env").forEach(e -> env.put(e.asText().split("=", 2)[0], e.asText().split("=", 2)[1]));
    // production profile, never the demo one (its users and passwords are public)
    assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "postgres").containsEntry("SERVER_PORT", "8080");
    assertThat(env.values()).noneMatch(v -> v.contains("demo"));
    // no secret baked in: passwords and the database come from the environment at run time
    assertThat(env.keySet()).noneMatch(k -> k.contains("PASSWORD") || k.startsWith("SPRING_DATASOURCE"));

    // the entrypoint: java with the heap sized from the container, class path and main class from files
    List<String> entrypoint = new ArrayList<>();
    container.get("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-cp");

    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String layer : layerNames) {
      files.putAll(entries(new ByteArrayInputStream(outer.get(layer)), true));
    }
    String classPath = argument(entrypoint, entrypoint.indexOf("-cp") + 1, files);
    String mainClass = argument(entrypoint, entrypoint.indexOf("-cp") + 2, files).trim();
    assertThat(mainClass).isEqualTo("id.go.kerjasama.KerjasamaApplication");
    assertThat(files).containsKey("app/classes/" + mainClass.replace('.', '/') + ".class");
    for (String entry : classPath.trim().split(":")) {
      String path = entry.startsWith("/") ? entry.substring(1) : entry;
      assertThat(files.keySet()).as(entry).anyMatch(f -> f.equals(path) || f.startsWith(path + "/"));
    }
    assertThat(files.keySet()).anyMatch(f -> f.matches("app/libs/camunda-engine-7\\.24.*\\.jar|app/libs/operaton-engine-.*\\.jar"));
    // the packaged models and the configuration the environment overrides
    assertThat(files).containsKeys("app/resources/processes/cooperation-lifecycle.bpmn", "app/resources/application.yaml");
    String yaml = new String(files.get("app/resources/application.yaml"), StandardCharsets.UTF_8);
    // the probes the orchestrator asks (Jib writes no HEALTHCHECK; the Dockerfile's asks the same path)
    assertThat(yaml).containsPattern("probes:\\s*\\n\\s*enabled: true");

    if (!"scratch".equals(BASE)) {
      assertThat(files.keySet()).as("the base image's JRE").anyMatch(f -> f.endsWith("bin/java"));
    }
  }

  @Test
  void theDockerfileBuildsTheSameImageWithAHealthCheck() throws IOException {
    String dockerfile = Files.readString(Path.of("Dockerfile"));
    assertThat(dockerfile).contains("USER 10001:10001", "EXPOSE 8080", "SPRING_PROFILES_ACTIVE=postgres",
        "HEALTHCHECK", "/actuator/health/readiness");
    assertThat(dockerfile).doesNotContain("demo");
  }

  /** An argument of the entrypoint; {@code @/path} (Java's argument file) read from the layers. */
  private static String argument(List<String> entrypoint, int index, Map<String, byte[]> files) {
    String argument = entrypoint.get(index);
    if (!argument.startsWith("@")) {
      return argument;
    }
    byte[] content = files.get(argument.substring(2));
    assertThat(content).as(argument).isNotNull();
    return new String(content, StandardCharsets.UTF_8);
  }

  /**
   * The regular files of a tar (of a layer: the contents of those up to 1 MB) (gzip-compressed when {@code gzip}), by name without a leading {@code ./}
   * or {@code /}. Enough of the format for what Jib writes: ustar headers, GNU and PAX long names.
   */
  static Map<String, byte[]> entries(InputStream raw, boolean gzip) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (InputStream in = gzip ? new GZIPInputStream(raw, 64 * 1024) : raw) {
      String longName = null;
      while (true) {
        byte[] header = in.readNBytes(512);
        if (header.length < 512 || header[0] == 0) {
          return files;
        }
        String name = text(header, 0, 100);
        String prefix = text(header, 345, 155);
        long size = Long.parseLong(text(header, 124, 12).trim().isEmpty() ? "0" : text(header, 124, 12).trim(), 8);
        char type = (char) header[156];
        // names for all, contents only of small files (the entrypoint's argument files, application.yaml)
        byte[] content;
        if (!gzip || size <= 1024 * 1024) {
          content = in.readNBytes((int) size);
        } else {
          in.skipNBytes(size);
          content = new byte[0];
        }
        in.skipNBytes((512 - size % 512) % 512);
        if (type == 'x') {
          for (String record : new String(content, StandardCharsets.UTF_8).split("\n")) {
            int eq = record.indexOf(" path=");
            if (eq >= 0) {
              longName = record.substring(eq + 6);
            }
          }
          continue;
        }
        if (type == 'L') {
          longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
          continue;
        }
        String path = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
        longName = null;
        path = path.replaceFirst("^\\./", "").replaceFirst("^/", "");
        if (type == '0' || type == '\0') {
          files.put(path, content);
        }
      }
    }
  }

  private static String text(byte[] header, int from, int length) {
    int end = from;
    while (end < from + length && header[end] != 0) {
      end++;
    }
    return new String(header, from, end - from, StandardCharsets.US_ASCII);
  }
}
