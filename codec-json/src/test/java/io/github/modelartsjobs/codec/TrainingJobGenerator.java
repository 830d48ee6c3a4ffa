package io.github.modelartsjobs.codec;

import io.github.modelartsjobs.core.domain.ClassMetric;
import io.github.modelartsjobs.core.domain.CodeSpec;
import io.github.modelartsjobs.core.domain.DataInputs;
import io.github.modelartsjobs.core.domain.DataSource;
import io.github.modelartsjobs.core.domain.Engine;
import io.github.modelartsjobs.core.domain.EngineType;
import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.MetricSeries;
import io.github.modelartsjobs.core.domain.MetricValues;
import io.github.modelartsjobs.core.domain.ModelMetrics;
import io.github.modelartsjobs.core.domain.NasMount;
import io.github.modelartsjobs.core.domain.Outputs;
import io.github.modelartsjobs.core.domain.Parameter;
import io.github.modelartsjobs.core.domain.ResourceSpec;
import io.github.modelartsjobs.core.domain.SystemMetrics;
import io.github.modelartsjobs.core.domain.Timing;
import io.github.modelartsjobs.core.domain.TotalMetric;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.domain.Volume;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Makes random training jobs and versions lists from a seeded {@link Random}, for property tests:
 * every part present or absent, odd text (quotes, control characters, emoji, lone surrogates), odd
 * numbers (NaN, infinities, negative zero, extremes) and undocumented fields of every JSON shape.
 *
 * <p>The jobs stay within what the JSON of the service can carry, so that writing and reading back
 * must give an equal job: times in whole milliseconds, statuses without a name of their own,
 * undocumented keys that no documented key shadows, undocumented numbers as {@link Long}, {@link
 * BigInteger} or {@link BigDecimal} with a fraction or exponent.
 */
public final class TrainingJobGenerator {

  /** Every key of a version that the codec reads into the domain, and {@code is_success}. */
  public static final Set<String> VERSION_KEYS =
      Set.of(
          "is_success",
          "job_id",
          "job_name",
          "job_desc",
          "version_id",
          "version_name",
          "pre_version_id",
          "engine_type",
          "engine_name",
          "engine_version",
          "engine_id",
          "status",
          "app_url",
          "boot_file_url",
          "create_time",
          "start_time",
          "duration",
          "parameter",
          "spec_id",
          "spec_code",
          "core",
          "cpu",
          "gpu_num",
          "gpu_type",
          "worker_server_num",
          "data_url",
          "train_url",
          "log_url",
          "dataset_id",
          "dataset_version_id",
          "dataset_name",
          "dataset_version_name",
          "data_source",
          "model_id",
          "model_metric_list",
          "system_metric_list",
          "user_image_url",
          "user_command",
          "volumes",
          "pool_id",
          "pool_name",
          "resource_id",
          "nas_mount_path",
          "nas_share_addr",
          "nas_type");

  private static final Set<String> LIST_KEYS =
      Set.of("is_success", "job_id", "job_name", "job_desc", "version_count", "versions");

  private static final String[] ODD_TEXT = {
    "",
    " ",
    "\"quoted\" and \\back\\slashed",
    "line\nbreak\ttab\r\u0000nul\u001f",
    "中文训练作业",
    "emoji \uD83D\uDE80 rocket",
    "lone \uD800 high",
    "lone \uDC00 low",
    "</script>",
    "véritable ünïcödé",
    "NaN",
    "0.01",
    "1e5",
  };

  private final Random random;

  /**
   * A generator drawing from this random source.
   *
   * @param random the source; seed it and print the seed so that a failure can be replayed
   */
  public TrainingJobGenerator(Random random) {
    this.random = random;
  }

  /** A job with random ids and random parts. */
  public TrainingJob job() {
    return job(id(), id());
  }

  /** A job with these ids and random parts. */
  public TrainingJob job(long jobId, long versionId) {
    return TrainingJob.builder(jobId, versionId)
        .jobName(optional(this::text))
        .jobDescription(optional(this::text))
        .versionName(optional(this::text))
        .previousVersionId(optionalLong())
        .engine(
            chance(0.2)
                ? Engine.NONE
                : new Engine(
                    optional(() -> EngineType.of(anyInt())),
                    optional(this::text),
                    optional(this::text),
                    optionalLong()))
        .status(optional(() -> JobStatus.of(anyInt())))
        .timing(
            new Timing(
                optional(() -> Instant.ofEpochMilli(random.nextLong())),
                optional(() -> Instant.ofEpochMilli(random.nextLong())),
                optional(() -> Duration.ofMillis(random.nextLong()))))
        .resources(resources())
        .code(
            new CodeSpec(
                optional(this::text),
                optional(this::text),
                optional(this::text),
                optional(this::text)))
        .data(
            new DataInputs(
                optional(this::text),
                optional(this::text),
                optional(this::text),
                optional(this::text),
                optional(this::text),
                optional(() -> list(this::dataSource))))
        .outputs(new Outputs(optional(this::text), optional(this::text), optionalLong()))
        .parameters(optional(() -> list(this::parameter)))
        .volumes(optional(() -> list(this::volume)))
        .nas(new NasMount(optional(this::text), optional(this::text), optional(this::text)))
        .modelMetrics(optional(this::modelMetrics))
        .systemMetrics(optional(this::systemMetrics))
        .undocumentedFields(object(VERSION_KEYS, 2))
        .build();
  }

  /** A versions list of one job, with random versions. */
  public JobVersions versions() {
    long jobId = id();
    List<TrainingJob> versions = new ArrayList<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      versions.add(job(jobId, id()));
    }
    return new JobVersions(
        jobId,
        optional(this::text),
        optional(this::text),
        optionalLong(),
        versions,
        object(LIST_KEYS, 2));
  }

  private ResourceSpec resources() {
    return new ResourceSpec(
        optionalLong(),
        optional(this::text),
        chance(0.3) ? OptionalDouble.empty() : OptionalDouble.of(anyDouble()),
        chance(0.3) ? OptionalDouble.empty() : OptionalDouble.of(anyDouble()),
        chance(0.3) ? OptionalInt.empty() : OptionalInt.of(anyInt()),
        optional(this::text),
        chance(0.3) ? OptionalInt.empty() : OptionalInt.of(anyInt()),
        optional(this::text),
        optional(this::text),
        optional(this::text));
  }

  private Parameter parameter() {
    return new Parameter(
        optional(this::text), optional(this::text), object(Set.of("label", "value"), 1));
  }

  private DataSource dataSource() {
    return new DataSource(
        optional(this::text),
        optional(this::text),
        optional(this::text),
        optional(this::text),
        object(Set.of("type", "data_url", "dataset_id", "dataset_version"), 1));
  }

  private Volume volume() {
    return new Volume(
        chance(0.5) ? Volume.NFS : key(),
        optional(this::text),
        optional(this::text),
        optional(this::text),
        optional(random::nextBoolean),
        object(Set.of("id", "src_path", "dest_path", "read_only"), 1));
  }

  private ModelMetrics modelMetrics() {
    return new ModelMetrics(
        list(this::classMetric),
        optional(
            () ->
                new TotalMetric(
                    metricValues(),
                    object(Set.of(), 1),
                    object(Set.of(), 1),
                    object(
                        Set.of("total_metric_values", "total_metric_meta", "total_reserved_data"),
                        1))),
        object(Set.of("metric", "total_metric"), 2));
  }

  private ClassMetric classMetric() {
    return new ClassMetric(
        optionalLong(),
        optional(this::text),
        metricValues(),
        object(Set.of("class_id", "class_name"), 1),
        object(Set.of(), 1),
        object(Set.of("metric_values", "reserved_data", "metric_meta"), 1));
  }

  private MetricValues metricValues() {
    Map<String, Double> numbers = new LinkedHashMap<>();
    Map<String, Object> others = new LinkedHashMap<>();
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      String name = chance(0.5) ? pick("recall", "precision", "accuracy", "f1_score") : key();
      if (numbers.containsKey(name) || others.containsKey(name)) {
        continue;
      }
      if (chance(0.8)) {
        numbers.put(name, anyDouble());
      } else {
        others.put(name, nonNumeric());
      }
    }
    return new MetricValues(numbers, others);
  }

  private SystemMetrics systemMetrics() {
    Map<String, MetricSeries> series = new LinkedHashMap<>();
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      String name = chance(0.5) ? pick("cpuUsage", "memUsage", "gpuUtil", "diskReadRate") : key();
      if (!name.equals("interval")) {
        double[] points = new double[random.nextInt(12)];
        for (int p = 0; p < points.length; p++) {
          points[p] = anyDouble();
        }
        series.put(name, MetricSeries.of(name, points));
      }
    }
    Map<String, Object> other = new LinkedHashMap<>();
    if (chance(0.3)) {
      String key = key();
      if (!key.equals("interval") && !series.containsKey(key)) {
        other.put(key, chance(0.5) ? text() : object(Set.of(), 1));
      }
    }
    return new SystemMetrics(optionalLong(), series, other);
  }

  // ---------------------------------------------------------------------------------------------

  /** A JSON object of undocumented fields whose keys avoid the given ones. */
  private Map<String, Object> object(Set<String> avoid, int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    int count = chance(0.4) ? 0 : random.nextInt(4);
    for (int i = 0; i < count; i++) {
      String key = key();
      if (!avoid.contains(key)) {
        map.put(key, value(depth));
      }
    }
    return map;
  }

  private Object value(int depth) {
    int kind = random.nextInt(depth > 0 ? 9 : 7);
    return switch (kind) {
      case 0 -> null;
      case 1 -> text();
      case 2 -> random.nextBoolean();
      case 3 -> random.nextLong();
      case 4 ->
          BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(random.nextInt(1000) + 1));
      case 5 -> BigDecimal.valueOf(random.nextLong(), 1 + random.nextInt(20));
      case 6 -> BigDecimal.valueOf(random.nextInt(), -1 - random.nextInt(5));
      case 7 -> object(Set.of(), depth - 1);
      default -> {
        List<Object> list = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
          list.add(value(depth - 1));
        }
        yield list;
      }
    };
  }

  /** A value that no reader takes for a number: null, a boolean, a word, an object. */
  private Object nonNumeric() {
    return switch (random.nextInt(4)) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> "word " + text();
      default -> object(Set.of(), 1);
    };
  }

  /** A key: a short name, or odd text without lone surrogates, which no parser takes in a key. */
  private String key() {
    if (chance(0.7)) {
      return "k" + random.nextInt(30);
    }
    StringBuilder key = new StringBuilder(text());
    for (int i = 0; i < key.length(); i++) {
      if (Character.isSurrogate(key.charAt(i))) {
        key.setCharAt(i, '?');
      }
    }
    return key.toString();
  }

  private String text() {
    if (chance(0.5)) {
      return ODD_TEXT[random.nextInt(ODD_TEXT.length)];
    }
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      s.append((char) (chance(0.8) ? 0x20 + random.nextInt(0x5f) : random.nextInt(0xFFFF)));
    }
    return s.toString();
  }

  private double anyDouble() {
    return switch (random.nextInt(10)) {
      case 0 -> Double.NaN;
      case 1 -> pick(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
      case 2 -> pick(-0.0, 0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE);
      case 3 -> random.nextInt(100_000);
      case 4 -> Double.longBitsToDouble(random.nextLong());
      case 5 -> Math.round(random.nextDouble() * 1e8) / 100.0;
      default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
    };
  }

  private int anyInt() {
    return chance(0.5) ? random.nextInt(30) : random.nextInt();
  }

  private long id() {
    return chance(0.5)
        ? 1 + random.nextInt(100_000)
        : 1 + (random.nextLong() >>> 1) % Long.MAX_VALUE;
  }

  private OptionalLong optionalLong() {
    return chance(0.3) ? OptionalLong.empty() : OptionalLong.of(random.nextLong());
  }

  private <T> Optional<T> optional(Supplier<T> value) {
    return chance(0.3) ? Optional.empty() : Optional.of(value.get());
  }

  private <T> List<T> list(Supplier<T> item) {
    List<T> list = new ArrayList<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      list.add(item.get());
    }
    return list;
  }

  private boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  @SafeVarargs
  private <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
