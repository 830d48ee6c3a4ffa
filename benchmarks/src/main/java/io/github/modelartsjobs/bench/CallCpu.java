package io.github.modelartsjobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU time one end-to-end call costs the calling thread, for the adapter, plain Feign and the
 * bare client: where the latency gap comes from, since everything else (the server, the HTTP
 * client's own threads) is the same for all three.
 *
 * <p>Method: the three sides of {@link EndToEndBenchmark} run in turns of {@value #CALLS} calls, 35
 * turns each, the first 20 discarded as warm-up; each turn reads the thread's CPU time ({@link
 * ThreadMXBean#getCurrentThreadCpuTime()}) before and after. The median turn is reported. Run it in
 * its own JVM: {@link RunAll} does.
 *
 * <p>Output: one line per side, {@code cpu <side> <microseconds per call>}.
 */
public final class CallCpu {

  private static final int CALLS = 1_000;
  private static final int TURNS = 35;
  private static final int WARM_UP_TURNS = 20;

  private CallCpu() {}

  /**
   * Prints the calling thread's CPU time per call of each side.
   *
   * @param args ignored
   * @throws Exception if the server cannot start or a call fails
   */
  public static void main(String[] args) throws Exception {
    EndToEndBenchmark sides = new EndToEndBenchmark();
    sides.start();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, List<Double>> perCall = new LinkedHashMap<>();
    try {
      for (int turn = 0; turn < TURNS; turn++) {
        for (String side : List.of("adapter", "feign", "bare")) {
          long before = threads.getCurrentThreadCpuTime();
          for (int i = 0; i < CALLS; i++) {
            call(sides, side);
          }
          long after = threads.getCurrentThreadCpuTime();
          if (turn >= WARM_UP_TURNS) {
            perCall
                .computeIfAbsent(side, k -> new ArrayList<>())
                .add((after - before) / 1e3 / CALLS);
          }
        }
      }
    } finally {
      sides.stop();
    }
    perCall.forEach(
        (side, values) ->
            System.out.println(
                String.format(Locale.ROOT, "cpu %s %.2f", side, StartupComparison.median(values))));
  }

  private static Object call(EndToEndBenchmark sides, String side) throws Exception {
    return switch (side) {
      case "adapter" -> sides.adapterLatency();
      case "feign" -> sides.plainFeignLatency();
      default -> sides.bareClientLatency();
    };
  }
}
