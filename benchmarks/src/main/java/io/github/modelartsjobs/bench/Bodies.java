package io.github.modelartsjobs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;

/**
 * The response bodies the benchmarks read: the documented version-details sample as published, and
 * a large body generated from it whose {@code system_metric_list} holds long series.
 *
 * <p>The large body is the sample with {@code system_metric_list} replaced by eight series (the
 * eight names of the sample) of numeric strings with two decimals between {@code "0.00"} and {@code
 * "99.99"}, as the service sends them, plus {@code "interval": 1}. The points come from a seeded
 * {@link Random}, so every run reads the same bytes.
 */
public final class Bodies {

  /** The classpath resource holding the documented sample (a copy of the shared sample). */
  public static final String SAMPLE_RESOURCE = "/samples/docs-version-detail.json";

  /** The series names of the sample, in its order. */
  public static final List<String> SERIES =
      List.of(
          "cpuUsage",
          "memUsage",
          "gpuUtil",
          "gpuMemUsage",
          "diskReadRate",
          "diskWriteRate",
          "recvBytesRate",
          "sendBytesRate");

  /** Points per series in the large body. */
  public static final int LARGE_POINTS = 100_000;

  /** The most series {@link #large(int, int)} makes: one per name in {@link #SERIES}. */
  public static final int LARGE_SERIES_MAX = 8;

  private static final long SEED = 20240607L;

  private Bodies() {}

  /**
   * The body a benchmark parameter names.
   *
   * @param name {@code small} (the documented sample) or {@code large}
   * @return a fresh copy of the bytes
   * @throws IllegalArgumentException for any other name
   */
  public static byte[] named(String name) {
    return switch (name) {
      case "small" -> documentedSample();
      case "large" -> large(SERIES.size(), LARGE_POINTS);
      default -> throw new IllegalArgumentException("body must be small or large, but was " + name);
    };
  }

  /** The documented version-details sample, byte for byte as published. */
  public static byte[] documentedSample() {
    try (InputStream in = Bodies.class.getResourceAsStream(SAMPLE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SAMPLE_RESOURCE + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The documented sample with long system metric series, written without indentation.
   *
   * @param seriesCount how many series, at most {@value #LARGE_SERIES_MAX}
   * @param points points per series
   * @return the JSON bytes
   */
  public static byte[] large(int seriesCount, int points) {
    if (seriesCount < 1 || seriesCount > LARGE_SERIES_MAX) {
      throw new IllegalArgumentException(
          "seriesCount must be between 1 and " + LARGE_SERIES_MAX + ", but was " + seriesCount);
    }
    ObjectMapper mapper = new ObjectMapper();
    try {
      ObjectNode root = (ObjectNode) mapper.readTree(documentedSample());
      ObjectNode metrics = mapper.createObjectNode();
      Random random = new Random(SEED);
      char[] digits = new char[5];
      for (String name : SERIES.subList(0, seriesCount)) {
        ArrayNode series = metrics.putArray(name);
        for (int i = 0; i < points; i++) {
          series.add(twoDecimals(random.nextInt(10_000), digits));
        }
      }
      metrics.put("interval", 1);
      root.set("system_metric_list", metrics);
      return mapper.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hundredths as text with two decimals: 1234 becomes "12.34", 5 becomes "0.05". */
  static String twoDecimals(int hundredths, char[] scratch) {
    int whole = hundredths / 100;
    int fraction = hundredths % 100;
    int at = 0;
    if (whole >= 10) {
      scratch[at++] = (char) ('0' + whole / 10);
    }
    scratch[at++] = (char) ('0' + whole % 10);
    scratch[at++] = '.';
    scratch[at++] = (char) ('0' + fraction / 10);
    scratch[at++] = (char) ('0' + fraction % 10);
    return new String(scratch, 0, at);
  }
}
