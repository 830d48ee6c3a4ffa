package io.github.modelartsjobs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of the CLI, {@code java -jar modelarts-jobs.jar job-info ...} on its bundled fixtures,
 * against the {@link Floor} program reading the same document from a file, each as a fresh JVM.
 *
 * <p>Method: each variant (app or floor, under each set of JVM flags) runs once to check its exit
 * code and output, then all variants run round-robin, {@code warmups} rounds that are discarded (to
 * warm the file cache) and {@code runs} that are timed; the order inside a round alternates so that
 * drift on the machine touches both sides alike. The time is the wall time from starting the
 * process to its exit, output discarded; each variant reports its median.
 *
 * <p>Flag sets, the same on both sides: the JVM defaults (which include the JDK's own class-data
 * sharing archive); an application class-data sharing archive per side (JDK 17: dumped once with
 * {@code -XX:ArchiveClassesAtExit}, used with {@code -XX:SharedArchiveFile}); and that archive plus
 * {@code -XX:TieredStopAtLevel=1}.
 */
final class StartupComparison {

  /** The job name of the documented sample, which both programs must print. */
  static final String EXPECTED_OUTPUT = "TestModelArtsJob";

  private final Path java;
  private final Path appJar;
  private final List<String> appArgs;
  private final String benchClassPath;
  private final Path workDir;

  StartupComparison(
      Path java, Path appJar, List<String> appArgs, String benchClassPath, Path workDir) {
    this.java = java;
    this.appJar = appJar;
    this.appArgs = List.copyOf(appArgs);
    this.benchClassPath = benchClassPath;
    this.workDir = workDir;
  }

  /**
   * Runs the comparison.
   *
   * @param warmups rounds run first and discarded
   * @param runs rounds timed
   * @return the rows of the result table
   * @throws IOException if a process cannot start or a file cannot be written
   * @throws InterruptedException if interrupted while waiting for a process
   */
  List<Row> run(int warmups, int runs) throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Path sample = workDir.resolve("docs-version-detail.json");
    Files.write(sample, Bodies.documentedSample());
    Path appArchive = workDir.resolve("app.jsa");
    Path floorArchive = workDir.resolve("floor.jsa");

    Map<String, List<String>> variants = new LinkedHashMap<>();
    variants.put("app defaults", app(List.of()));
    variants.put("floor defaults", floor(List.of(), sample));
    boolean cds =
        dumpArchive(app(List.of("-XX:ArchiveClassesAtExit=" + appArchive)), appArchive)
            && dumpArchive(
                floor(List.of("-XX:ArchiveClassesAtExit=" + floorArchive), sample), floorArchive);
    if (cds) {
      List<String> appCds = List.of("-XX:SharedArchiveFile=" + appArchive);
      List<String> floorCds = List.of("-XX:SharedArchiveFile=" + floorArchive);
      List<String> c1 = List.of("-XX:TieredStopAtLevel=1");
      variants.put("app cds", app(appCds));
      variants.put("floor cds", floor(floorCds, sample));
      variants.put("app cds+c1", app(concat(appCds, c1)));
      variants.put("floor cds+c1", floor(concat(floorCds, c1), sample));
    }
    for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
      check(variant.getKey(), variant.getValue());
    }

    Map<String, List<Double>> times = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(variants.keySet());
    for (int round = 0; round < warmups + runs; round++) {
      List<String> order = new ArrayList<>(names);
      if (round % 2 == 1) {
        Collections.reverse(order);
      }
      for (String name : order) {
        double millis = timeMillis(variants.get(name));
        if (round >= warmups) {
          times.computeIfAbsent(name, k -> new ArrayList<>()).add(millis);
        }
      }
    }
    times.forEach((name, t) -> System.out.println("start-up " + name + " ms: " + t));

    Map<String, Measure> medians = new LinkedHashMap<>();
    times.forEach((name, t) -> medians.put(name, Measure.of(median(t), "ms")));
    Target target = Target.atMost(1.2);
    List<Row> rows = new ArrayList<>();
    rows.add(
        new Row(
            "start-up, JVM defaults both sides",
            medians.get("app defaults"),
            medians.get("floor defaults"),
            target));
    rows.add(
        new Row(
            "start-up, AppCDS both sides",
            medians.get("app cds"),
            medians.get("floor cds"),
            target));
    rows.add(
        new Row(
            "start-up, AppCDS + C1 only both sides",
            medians.get("app cds+c1"),
            medians.get("floor cds+c1"),
            target));
    rows.add(
        new Row(
            "start-up, app AppCDS vs floor JVM defaults",
            medians.get("app cds"),
            medians.get("floor defaults"),
            target));
    return rows;
  }

  private List<String> app(List<String> flags) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(flags);
    command.add("-jar");
    command.add(appJar.toString());
    command.addAll(appArgs);
    return command;
  }

  private List<String> floor(List<String> flags, Path sample) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(flags);
    command.addAll(List.of("-cp", benchClassPath, Floor.class.getName(), sample.toString()));
    return command;
  }

  /**
   * A process builder whose environment holds none of the CLI's settings variables ({@code
   * MODELARTS_*}, {@code HUAWEICLOUD_*}), so that nothing in the caller's environment can point the
   * CLI at another adapter or a config file.
   */
  private static ProcessBuilder builder(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("MODELARTS_") || name.startsWith("HUAWEICLOUD_"));
    return builder;
  }

  private boolean dumpArchive(List<String> command, Path archive)
      throws IOException, InterruptedException {
    Files.deleteIfExists(archive);
    Process process =
        builder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    int exit = process.waitFor();
    boolean made = exit == 0 && Files.isRegularFile(archive);
    if (!made) {
      System.out.println("start-up: no class-data sharing archive from " + command);
    }
    return made;
  }

  private void check(String name, List<String> command) throws IOException, InterruptedException {
    Process process = builder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    if (exit != 0 || !output.contains(EXPECTED_OUTPUT)) {
      throw new IllegalStateException(
          "start-up "
              + name
              + " must exit 0 and print "
              + EXPECTED_OUTPUT
              + ", but exited "
              + exit
              + " printing:\n"
              + output
              + "\ncommand: "
              + String.join(" ", command));
    }
  }

  private static double timeMillis(List<String> command) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process =
        builder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("start-up run took over 2 minutes: " + command);
    }
    long elapsed = System.nanoTime() - start;
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "start-up run exited " + process.exitValue() + ": " + command);
    }
    return elapsed / 1e6;
  }

  /** The median of the values (the mean of the middle two for an even count). */
  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
