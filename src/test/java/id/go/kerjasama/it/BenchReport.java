package id.go.kerjasama.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's figures (KerjasamaBenchmark): each with the size it was
 * measured at, the machine and its load (the box may be shared), printed and
 * written to {@code target/bench/report.json} and {@code report.md}.
 */
final class BenchReport {

  /** One figure: latencies in ms (p50/p95/mean over {@code samples}), a rate per second, or both. */
  record Figure(String name, String size, int samples, Double p50Ms, Double p95Ms, Double meanMs, Double perSecond,
                String target, String note) {
  }

  private final Map<String, Object> machine = new LinkedHashMap<>();
  private final Map<String, Object> parameters = new LinkedHashMap<>();
  private final List<Figure> figures = new ArrayList<>();
  private final List<String> loads = new ArrayList<>();
  private final String startedAt = Instant.now().toString();

  BenchReport() {
    machine.put("cpus", Runtime.getRuntime().availableProcessors());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    machine.put("cpuModel", cpuModel());
    load("start");
  }

  void parameter(String name, Object value) {
    parameters.put(name, value);
  }

  void machine(String name, Object value) {
    machine.put(name, value);
  }

  /** Records the load average (uptime) now, with what was about to run. */
  void load(String when) {
    String line = String.format(Locale.ROOT, "%s %s: load %s", Instant.now().toString().substring(11, 19), when,
        loadAverage());
    loads.add(line);
    System.out.println("[bench] " + line);
  }

  /** A latency figure from the samples (ms); {@code perSecond} may be null. */
  Figure latency(String name, String size, Collection<Double> samplesMs, Double perSecond, String target,
                 String note) {
    List<Double> sorted = new ArrayList<>(samplesMs);
    sorted.sort(Double::compare);
    double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    Figure f = new Figure(name, size, sorted.size(), percentile(sorted, 50), percentile(sorted, 95), round(mean),
        perSecond == null ? null : round(perSecond), target, note);
    add(f);
    return f;
  }

  /** A rate figure (per second) without latencies. */
  Figure rate(String name, String size, int samples, double perSecond, String target, String note) {
    Figure f = new Figure(name, size, samples, null, null, null, round(perSecond), target, note);
    add(f);
    return f;
  }

  private void add(Figure f) {
    figures.add(f);
    System.out.println("[bench] " + line(f));
  }

  void write(Path dir) {
    load("end");
    try {
      Files.createDirectories(dir);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("startedAt", startedAt);
      json.put("finishedAt", Instant.now().toString());
      json.put("machine", machine);
      json.put("load", loads);
      json.put("parameters", parameters);
      json.put("figures", figures);
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("report.json").toFile(),
          json);
      Files.writeString(dir.resolve("report.md"), markdown());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(markdown());
  }

  String markdown() {
    StringBuilder md = new StringBuilder("# Kerjasama benchmark\n\n");
    md.append("Run ").append(startedAt).append(" on ").append(machine).append("\n\n");
    md.append("Parameters: ").append(parameters).append("\n\n");
    md.append("Load average (1, 5, 15 min) while it ran — the machine may be shared:\n\n");
    loads.forEach(l -> md.append("- ").append(l).append('\n'));
    md.append("\n| figure | measured at | samples | p50 ms | p95 ms | mean ms | per s | target | note |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---|---|\n");
    for (Figure f : figures) {
      md.append("| ").append(f.name()).append(" | ").append(f.size()).append(" | ").append(f.samples()).append(" | ")
          .append(num(f.p50Ms())).append(" | ").append(num(f.p95Ms())).append(" | ").append(num(f.meanMs()))
          .append(" | ").append(num(f.perSecond())).append(" | ").append(f.target() == null ? "" : f.target())
          .append(" | ").append(f.note() == null ? "" : f.note()).append(" |\n");
    }
    return md.toString();
  }

  private static String line(Figure f) {
    return String.format(Locale.ROOT, "%-55s | %-45s | n=%4d | p50 %8s ms | p95 %8s ms | %8s/s | target %s%s",
        f.name(), f.size(), f.samples(), num(f.p50Ms()), num(f.p95Ms()), num(f.perSecond()),
        f.target() == null ? "-" : f.target(), f.note() == null ? "" : " | " + f.note());
  }

  private static String num(Double d) {
    return d == null ? "" : String.format(Locale.ROOT, "%.1f", d);
  }

  /** Nearest-rank percentile of sorted values. */
  static Double percentile(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return round(sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))));
  }

  private static double round(double d) {
    return Math.round(d * 10) / 10.0;
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (IOException | RuntimeException e) {
      return String.format(Locale.ROOT, "%.2f (1 min)",
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
