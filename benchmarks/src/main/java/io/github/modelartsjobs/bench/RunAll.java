package io.github.modelartsjobs.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of this module in one go and prints one table: benchmark, ours, floor,
 * ratio, target, met?. See {@code docs/benchmarks.md} for the method and the latest results.
 *
 * <p>Usage, from the repository root after {@code ./mvnw -B -q -pl benchmarks,app-sample -am
 * package -DskipTests}: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.modelartsjobs.bench.RunAll [options]}. Options:
 *
 * <ul>
 *   <li>{@code --quick}: a smoke run with short iterations, for checking the harness only;
 *   <li>{@code --skip=decode,e2e,heap,startup}: leave parts out;
 *   <li>{@code --app-jar=PATH}: the CLI jar, default {@code app-sample/target/modelarts-jobs.jar};
 *   <li>{@code --startup-runs=N}: timed start-up rounds, default 15;
 *   <li>{@code --out=PATH}: where the Markdown table goes, default {@code
 *       benchmarks/target/benchmark-results.md}.
 * </ul>
 *
 * <p>JMH runs with one fork, warm-up 5 x 1 s for decoding and 20 x 1 s end to end, measurement 5 x
 * 2 s (the quick run: 2 x 200 ms and 3 x 200 ms) and the GC profiler; the JMH fork gets {@code
 * -Xms2g -Xmx2g}.
 */
public final class RunAll {

  /**
   * The arguments the CLI gets: the details of the documented sample's version from the bundled
   * fixtures (the default adapter, named anyway so that no setting can pick another).
   */
  static final List<String> APP_ARGS =
      List.of("job-info", "--job-id", "10", "--version-id", "10", "--adapter", "fixtures");

  private static final String ALLOC = "gc.alloc.rate.norm";

  private RunAll() {}

  /**
   * Runs everything and prints the table.
   *
   * @param args options, see the class description
   * @throws Exception if a part fails; the message says which
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    boolean quick = options.containsKey("quick");
    Set<String> skip = new HashSet<>(Arrays.asList(options.getOrDefault("skip", "").split(",")));
    Path appJar = Path.of(options.getOrDefault("app-jar", "app-sample/target/modelarts-jobs.jar"));
    Path out = Path.of(options.getOrDefault("out", "benchmarks/target/benchmark-results.md"));
    int startupRuns = Integer.parseInt(options.getOrDefault("startup-runs", quick ? "3" : "15"));
    String classPath = System.getProperty("java.class.path");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    Map<String, RunResult> jmh = new HashMap<>();
    if (!skip.contains("decode")) {
      jmh.putAll(
          runJmh(
              DecodeBenchmark.class, quick ? 0 : 5, quick, out.resolveSibling("jmh-decode.json")));
    }
    if (!skip.contains("e2e")) {
      jmh.putAll(
          runJmh(
              EndToEndBenchmark.class, quick ? 0 : 20, quick, out.resolveSibling("jmh-e2e.json")));
    }
    Map<String, Long> retained = skip.contains("heap") ? Map.of() : retainedHeap(java, classPath);
    Map<String, Double> callCpu = skip.contains("e2e") ? Map.of() : callCpu(java, classPath);
    List<Row> startup = new ArrayList<>();
    if (!skip.contains("startup")) {
      if (Files.isRegularFile(appJar)) {
        StartupComparison comparison =
            new StartupComparison(java, appJar, APP_ARGS, classPath, out.resolveSibling("startup"));
        startup.addAll(comparison.run(quick ? 1 : 3, startupRuns));
      } else {
        System.out.println("start-up: skipped, " + appJar + " does not exist");
      }
    }

    List<Row> rows = rows(jmh, retained, callCpu, startup);
    String report = machine() + "\n" + table(rows);
    System.out.println();
    System.out.println(report);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println("Table written to " + out);
  }

  /**
   * Runs the benchmarks of one class with the GC profiler.
   *
   * @param benchmarks the class
   * @param warmUpSeconds warm-up iterations of 1 s each (5 for decoding; 20 end to end, whose
   *     longer code path is still getting faster after 5)
   * @param quick a smoke run with short iterations
   * @param json where JMH writes its results
   */
  private static Map<String, RunResult> runJmh(
      Class<?> benchmarks, int warmUpSeconds, boolean quick, Path json)
      throws RunnerException, IOException {
    Files.createDirectories(json.toAbsolutePath().getParent());
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .forks(1)
            .addProfiler(GCProfiler.class)
            .jvmArgs("-Xms2g", "-Xmx2g", "-Dsun.net.httpserver.nodelay=true")
            .shouldFailOnError(true)
            .resultFormat(ResultFormatType.JSON)
            .result(json.toString());
    options.include("^" + Pattern.quote(benchmarks.getName()) + "\\.");
    if (quick) {
      options
          .warmupIterations(2)
          .warmupTime(TimeValue.milliseconds(200))
          .measurementIterations(3)
          .measurementTime(TimeValue.milliseconds(200));
    } else {
      options
          .warmupIterations(warmUpSeconds)
          .warmupTime(TimeValue.seconds(1))
          .measurementIterations(5)
          .measurementTime(TimeValue.seconds(2));
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, RunResult> byKey = new HashMap<>();
    for (RunResult result : results) {
      byKey.put(key(result), result);
    }
    return byKey;
  }

  /** The benchmark's class and method, plus its {@code body} parameter when it has one. */
  private static String key(RunResult result) {
    String benchmark = result.getParams().getBenchmark();
    String[] parts = benchmark.split("\\.");
    String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
    String body = result.getParams().getParam("body");
    return body == null ? name : name + "[" + body + "]";
  }

  private static Map<String, Double> callCpu(Path java, String classPath)
      throws IOException, InterruptedException {
    List<String> command =
        List.of(
            java.toString(),
            "-Xms2g",
            "-Xmx2g",
            "-Dsun.net.httpserver.nodelay=true",
            "-cp",
            classPath,
            CallCpu.class.getName());
    Map<String, Double> cpu = new HashMap<>();
    for (String line : runChild("calling-thread CPU measurement", command).split("\n")) {
      String[] words = line.trim().split(" ");
      if (words.length == 3 && words[0].equals("cpu")) {
        cpu.put(words[1], Double.parseDouble(words[2]));
      }
    }
    return cpu;
  }

  private static Map<String, Long> retainedHeap(Path java, String classPath)
      throws IOException, InterruptedException {
    List<String> command =
        List.of(
            java.toString(),
            "-XX:+UseSerialGC",
            "-Xms1g",
            "-Xmx1g",
            "-cp",
            classPath,
            RetainedHeap.class.getName());
    Map<String, Long> retained = new HashMap<>();
    for (String line : runChild("retained heap measurement", command).split("\n")) {
      String[] words = line.trim().split(" ");
      if (words.length == 4 && words[0].equals("retained")) {
        retained.put(words[1] + " " + words[2], Long.parseLong(words[3]));
      }
    }
    return retained;
  }

  /** Runs a measurement in its own JVM, echoes its output and returns it. */
  private static String runChild(String what, List<String> command)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(what + " failed:\n" + output);
    }
    System.out.print(output);
    return output;
  }

  static List<Row> rows(
      Map<String, RunResult> jmh,
      Map<String, Long> retained,
      Map<String, Double> callCpu,
      List<Row> startup) {
    List<Row> rows = new ArrayList<>();
    rows.add(
        primary(
            jmh,
            "decode small: time",
            "DecodeBenchmark.codec[small]",
            "DecodeBenchmark.readTreeFloor[small]",
            Target.atMost(1.3)));
    rows.add(
        primary(
            jmh,
            "decode small: time, against readTree + the same conversions (reference)",
            "DecodeBenchmark.codec[small]",
            "DecodeBenchmark.readTreeAndConvert[small]",
            Target.none()));
    rows.add(
        secondary(
            jmh,
            "decode small: allocation",
            "DecodeBenchmark.codec[small]",
            "DecodeBenchmark.readTreeFloor[small]",
            Target.atMost(1.0)));
    rows.add(heap(retained, "decode small: retained heap", "small", Target.none()));
    rows.add(
        primary(
            jmh,
            "decode large: time",
            "DecodeBenchmark.codec[large]",
            "DecodeBenchmark.readTreeFloor[large]",
            Target.atMost(1.5)));
    rows.add(
        secondary(
            jmh,
            "decode large: allocation",
            "DecodeBenchmark.codec[large]",
            "DecodeBenchmark.readTreeFloor[large]",
            Target.none()));
    rows.add(heap(retained, "decode large: retained heap", "large", Target.atMost(0.5)));
    rows.add(
        primary(
            jmh,
            "end to end: latency, 1 thread",
            "EndToEndBenchmark.adapterLatency",
            "EndToEndBenchmark.bareClientLatency",
            Target.atMost(1.1)));
    rows.add(
        primary(
            jmh,
            "end to end: throughput, 16 threads",
            "EndToEndBenchmark.adapterThroughput",
            "EndToEndBenchmark.bareClientThroughput",
            Target.atLeast(0.9)));
    rows.add(
        primary(
            jmh,
            "end to end: latency, plain Feign + readTree (reference)",
            "EndToEndBenchmark.plainFeignLatency",
            "EndToEndBenchmark.bareClientLatency",
            Target.none()));
    rows.add(
        secondary(
            jmh,
            "end to end: allocation per call",
            "EndToEndBenchmark.adapterLatency",
            "EndToEndBenchmark.bareClientLatency",
            Target.none()));
    rows.add(cpu(callCpu, "end to end: calling thread's CPU per call", "adapter", Target.none()));
    rows.add(
        cpu(
            callCpu,
            "end to end: calling thread's CPU per call, plain Feign (reference)",
            "feign",
            Target.none()));
    rows.addAll(startup);
    return rows;
  }

  private static Row primary(
      Map<String, RunResult> jmh, String name, String ours, String floor, Target target) {
    return new Row(name, primary(jmh.get(ours)), primary(jmh.get(floor)), target);
  }

  private static Measure primary(RunResult result) {
    if (result == null) {
      return null;
    }
    return measure(result.getPrimaryResult());
  }

  private static Row secondary(
      Map<String, RunResult> jmh, String name, String ours, String floor, Target target) {
    return new Row(name, allocation(jmh.get(ours)), allocation(jmh.get(floor)), target);
  }

  private static Measure allocation(RunResult result) {
    if (result == null || !result.getSecondaryResults().containsKey(ALLOC)) {
      return null;
    }
    return measure(result.getSecondaryResults().get(ALLOC));
  }

  private static Measure measure(Result<?> result) {
    return new Measure(result.getScore(), result.getScoreError(), result.getScoreUnit());
  }

  private static Row cpu(Map<String, Double> cpu, String name, String side, Target target) {
    Double ours = cpu.get(side);
    Double floor = cpu.get("bare");
    return new Row(
        name,
        ours == null ? null : Measure.of(ours, "us"),
        floor == null ? null : Measure.of(floor, "us"),
        target);
  }

  private static Row heap(Map<String, Long> retained, String name, String body, Target target) {
    Long ours = retained.get(body + " ours");
    Long floor = retained.get(body + " floor");
    return new Row(
        name,
        ours == null ? null : Measure.of(ours, "B"),
        floor == null ? null : Measure.of(floor, "B"),
        target);
  }

  static String table(List<Row> rows) {
    StringBuilder table = new StringBuilder(Row.markdownHeader()).append('\n');
    for (Row row : rows) {
      table.append(row.markdown()).append('\n');
    }
    return table.toString();
  }

  private static String machine() {
    return String.format(
            Locale.ROOT,
            "Machine: %d processors, CPU %s, memory %s, %s, Java %s (%s %s)%n",
            Runtime.getRuntime().availableProcessors(),
            procLine("/proc/cpuinfo", "model name"),
            procLine("/proc/meminfo", "MemTotal"),
            System.getProperty("os.name") + " " + System.getProperty("os.arch"),
            System.getProperty("java.version"),
            System.getProperty("java.vm.name"),
            System.getProperty("java.vm.version"))
        + "JMH forks: 1, warm-up and measurement as in docs/benchmarks.md; arguments of this run: "
        + ManagementFactory.getRuntimeMXBean().getInputArguments()
        + "\n";
  }

  /** The value of the first line of a /proc file that starts with the key, or "unknown". */
  private static String procLine(String file, String key) {
    try {
      for (String line : Files.readAllLines(Path.of(file))) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      return "unknown";
    }
    return "unknown";
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("options must start with --, but was " + arg);
      }
      int equals = arg.indexOf('=');
      if (equals < 0) {
        options.put(arg.substring(2), "");
      } else {
        options.put(arg.substring(2, equals), arg.substring(equals + 1));
      }
    }
    return options;
  }
}
