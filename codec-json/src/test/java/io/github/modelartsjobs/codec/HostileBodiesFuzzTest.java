package io.github.modelartsjobs.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ErrorContext;
import io.github.modelartsjobs.core.error.InvalidResponseException;
import io.github.modelartsjobs.core.error.ModelArtsException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile bodies against the codec: every generated or mutated body is either read or rejected with
 * {@link InvalidResponseException}; never another exception, never a hang.
 *
 * <p>One exception to "read or invalid": a body that still holds {@code "is_success": false} (or
 * {@code "false"}), or an {@code error_code} without {@code is_success} and {@code job_id} (a
 * gateway's error), may also end in the typed error of the service code it carries; the codec reads
 * such a body as the service's error, as documented on {@link JobJsonCodec}. A read that succeeded
 * must also write, read back, and write again to the same bytes; every error message must be one
 * line of at most 2,000 characters.
 *
 * <p>Every generator draws from one seeded {@link Random}; the seed is printed with every failure
 * and can be fixed with {@code -Dfuzz.seed=...} to replay a run. Each family of bodies runs under a
 * preemptive timeout, so a read that hangs fails the test instead of stalling the build.
 */
class HostileBodiesFuzzTest {

  private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * The bodies that may end in a typed service error: {@code "is_success": false} (the codec also
   * takes the string {@code "false"}), or an {@code error_code} (a gateway error has no {@code
   * is_success}).
   */
  private static final Pattern SERVICE_ERROR =
      Pattern.compile("(?i)\"is_success\"\\s*:\\s*\"?false|\"error_code\"");

  private static final String RAW = "@@RAW@@";

  private static final Duration FAMILY_TIMEOUT = Duration.ofSeconds(40);

  private static final Duration SLOWEST_READ_ALLOWED = Duration.ofSeconds(5);

  private static final Map<String, Long> BODIES_PER_FAMILY = new ConcurrentHashMap<>();

  /** The families of bodies counted, one or more per test method; all ran when all are there. */
  private static final int FAMILIES = 14;

  private static final long MIN_BODIES_PER_RUN = 10_000;

  private final JobJsonCodec codec = JobJsonCodec.create();

  private final Random random = new Random(SEED);

  /** Which read a body goes to. */
  private enum Kind {
    DETAILS,
    VERSIONS
  }

  /** A sample body and the read it belongs to. */
  private record Sample(String name, Kind kind, byte[] body) {}

  @AfterAll
  static void atLeastTenThousandBodiesWereTried() {
    long total = BODIES_PER_FAMILY.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf(
        "hostile input: %d bodies in %d families, seed %d: %s%n",
        total, BODIES_PER_FAMILY.size(), SEED, BODIES_PER_FAMILY);
    if (BODIES_PER_FAMILY.size() == FAMILIES) {
      assertThat(total)
          .as("bodies tried in one run (seed %d)", SEED)
          .isGreaterThanOrEqualTo(MIN_BODIES_PER_RUN);
    }
  }

  @Test
  void everyTruncationOfEverySampleIsReadOrRejectedAsInvalid() {
    Fuzz fuzz = new Fuzz("truncation");

    fuzz.run(
        f -> {
          for (Sample sample : samples()) {
            for (int end = 0; end < sample.body().length; end++) {
              f.check(sample.kind(), slice(sample.body(), 0, end));
            }
          }
        });

    assertThat(fuzz.invalid).as("truncated bodies rejected (seed %d)", SEED).isPositive();
  }

  @Test
  void byteMutatedBodiesAreReadOrRejectedAsInvalid() {
    Fuzz fuzz = new Fuzz("byte mutations");

    fuzz.run(
        f -> {
          for (Sample sample : samples()) {
            for (int i = 0; i < 1200; i++) {
              f.check(sample.kind(), mutateBytes(sample.body()));
            }
          }
        });

    assertThat(fuzz.invalid).as("mutated bodies rejected (seed %d)", SEED).isPositive();
  }

  @Test
  void everyFieldSwappedToEveryOtherJsonTypeIsReadOrRejectedAsInvalid() {
    List<JsonNode> palette = typePalette();
    Fuzz fuzz = new Fuzz("type swaps");

    fuzz.run(
        f -> {
          for (Sample sample : samples()) {
            JsonNode tree = tree(sample);
            for (JsonPointer at : pointers(tree)) {
              for (JsonNode value : palette) {
                f.check(sample.kind(), bytes(replaced(tree, at, value)));
              }
            }
            for (JsonPointer at : pointers(tree)) {
              f.check(sample.kind(), bytes(removed(tree, at)));
            }
          }
        });

    assertThat(fuzz.read).as("bodies still read after a swap (seed %d)", SEED).isPositive();
    assertThat(fuzz.invalid).as("bodies rejected after a swap (seed %d)", SEED).isPositive();
  }

  @Test
  void hugeTinyAndMalformedNumbersAreReadOrRejectedAsInvalid() {
    List<String> numbers =
        List.of(
            "1e400",
            "-1e400",
            "1e-400",
            "4.9e-325",
            "1E+2147483647",
            "1e-2147483648",
            "1e999999999",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "-0",
            "-0.0",
            "0e0",
            "1.0",
            "10.5",
            "2.5e3",
            "00012",
            "+1",
            ".5",
            "1.",
            "0x10",
            "1_000",
            "--1",
            "1e");
    List<String> hugeNumbers =
        List.of(
            "9".repeat(900), "9".repeat(1001), "0." + "1".repeat(5000), "1" + "0".repeat(100_000));
    Fuzz fuzz = new Fuzz("numbers");

    fuzz.run(
        f -> {
          for (Sample sample : samples()) {
            JsonNode tree = tree(sample);
            List<JsonPointer> targets = numericPointers(tree);
            for (JsonPointer at : targets) {
              String template = template(tree, at);
              for (String number : numbers) {
                f.check(sample.kind(), fill(template, number));
                f.check(sample.kind(), fill(template, "\"" + number + "\""));
              }
            }
            for (int pick = 0; pick < 6 && !targets.isEmpty(); pick++) {
              JsonPointer at = targets.get(random.nextInt(targets.size()));
              for (String number : hugeNumbers) {
                f.check(sample.kind(), raw(tree, at, number));
                f.check(sample.kind(), raw(tree, at, "\"" + number + "\""));
              }
            }
          }
        });

    assertThat(fuzz.invalid).as("malformed numbers rejected (seed %d)", SEED).isPositive();
  }

  @Test
  void notANumberAndInfinityTextIsReadOrRejectedAsInvalid() {
    List<String> tokens =
        List.of(
            "NaN",
            "-NaN",
            "Infinity",
            "-Infinity",
            "+Infinity",
            "INF",
            "-INF",
            "nan",
            "\"NaN\"",
            "\"Infinity\"",
            "\"-Infinity\"",
            "\"1e999\"",
            "\"-1e999\"",
            "\"Infinity\\u0000\"",
            "[NaN]",
            "{\"a\": NaN}");
    Fuzz fuzz = new Fuzz("NaN and Infinity");

    fuzz.run(
        f -> {
          for (Sample sample : samples()) {
            JsonNode tree = tree(sample);
            for (JsonPointer at : numericPointers(tree)) {
              String template = template(tree, at);
              for (String token : tokens) {
                f.check(sample.kind(), fill(template, token));
              }
            }
          }
        });

    assertThat(fuzz.invalid).as("bare NaN and Infinity rejected (seed %d)", SEED).isPositive();
  }

  @Test
  void deepNestingIsReadUpToAPointAndNeverOverflowsTheStack() {
    int[] depths = {10, 100, 199, 200, 201, 500, 1001, 5000, 100_000};
    Fuzz fuzz = new Fuzz("deep nesting");

    fuzz.run(
        f -> {
          for (Sample sample : samples()) {
            JsonNode tree = tree(sample);
            List<JsonPointer> targets = new ArrayList<>(pointers(tree));
            targets.add(JsonPointer.compile("/undocumented_deep"));
            for (int depth : depths) {
              for (int pick = 0; pick < 6; pick++) {
                JsonPointer at = targets.get(random.nextInt(targets.size()));
                f.check(sample.kind(), raw(tree, at, nested(depth, random.nextBoolean())));
              }
              f.check(
                  sample.kind(), raw(tree, at("/model_metric_list"), quoted(nested(depth, false))));
            }
          }
          for (int depth : depths) {
            f.check(Kind.DETAILS, nested(depth, true).getBytes(StandardCharsets.UTF_8));
            f.check(Kind.DETAILS, nested(depth, false).getBytes(StandardCharsets.UTF_8));
            f.check(Kind.DETAILS, "[".repeat(depth).getBytes(StandardCharsets.UTF_8));
            f.check(Kind.VERSIONS, "{\"a\":".repeat(depth).getBytes(StandardCharsets.UTF_8));
          }
        });

    assertThat(fuzz.invalid).as("over-deep bodies rejected (seed %d)", SEED).isPositive();
  }

  @Test
  void veryLongStringsAndKeysAreReadOrRejectedAsInvalid() {
    int[] lengths = {1_000, 100_000, 2_000_000};
    Fuzz fuzz = new Fuzz("long strings");

    fuzz.run(
        f -> {
          for (Sample sample : samples()) {
            JsonNode tree = tree(sample);
            List<JsonPointer> targets = pointers(tree);
            for (int length : lengths) {
              for (int pick = 0; pick < 3; pick++) {
                JsonPointer at = targets.get(random.nextInt(targets.size()));
                f.check(sample.kind(), raw(tree, at, quoted(longText(length))));
              }
              String longKey = quoted(longText(length)) + ": 1, \"x\"";
              f.check(sample.kind(), raw(tree, at("/undocumented_long"), "1, " + longKey + ": 2"));
              f.check(
                  sample.kind(), raw(tree, at("/job_name"), quoted("\\u00e9".repeat(length / 6))));
            }
          }
        });

    assertThat(fuzz.read).as("bodies with long strings read (seed %d)", SEED).isPositive();
  }

  @Test
  void invalidUtf8AndByteOrderMarksAreReadOrRejectedAsInvalid() {
    byte[][] badSequences = {
      {(byte) 0xFF},
      {(byte) 0xFE},
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0x80},
      {(byte) 0xBF},
      {(byte) 0xC3},
      {(byte) 0xE2, (byte) 0x82},
      {0x00},
      {0x1F},
      {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
    };
    byte[][] boms = {
      {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
      {(byte) 0xFE, (byte) 0xFF},
      {(byte) 0xFF, (byte) 0xFE},
      {0x00, 0x00, (byte) 0xFE, (byte) 0xFF},
      {(byte) 0xEF, (byte) 0xBB}
    };
    Fuzz fuzz = new Fuzz("encodings");

    fuzz.run(
        f -> {
          for (Sample sample : samples()) {
            byte[] body = sample.body();
            for (byte[] bad : badSequences) {
              for (int pick = 0; pick < 40; pick++) {
                f.check(sample.kind(), inserted(body, insideAString(body), bad));
              }
              f.check(sample.kind(), inserted(body, body.length, bad));
              f.check(sample.kind(), inserted(body, 0, bad));
            }
            for (byte[] bom : boms) {
              f.check(sample.kind(), inserted(body, 0, bom));
              f.check(sample.kind(), inserted(body, insideAString(body), bom));
            }
            String text = new String(body, StandardCharsets.UTF_8);
            f.check(sample.kind(), concat(boms[1], text.getBytes(StandardCharsets.UTF_16BE)));
            f.check(sample.kind(), concat(boms[2], text.getBytes(StandardCharsets.UTF_16LE)));
            f.check(sample.kind(), text.getBytes(StandardCharsets.UTF_16LE));
            f.check(sample.kind(), text.getBytes(StandardCharsets.ISO_8859_1));
          }
        });

    assertThat(fuzz.invalid)
        .as("bodies with broken encodings rejected (seed %d)", SEED)
        .isPositive();
  }

  @Test
  void duplicateKeysAreReadOrRejectedAsInvalid() {
    List<String> duplicates =
        List.of(
            "\"job_id\": 99",
            "\"job_id\": \"99\"",
            "\"version_id\": 77",
            "\"version_id\": null",
            "\"is_success\": false",
            "\"is_success\": true",
            "\"error_code\": \"ModelArts.2775\"",
            "\"status\": 11",
            "\"versions\": []",
            "\"versions\": {}",
            "\"model_metric_list\": \"{\\\"metric\\\": 1}\"",
            "\"system_metric_list\": {\"cpuUsage\": [\"x\"]}");
    Fuzz fuzz = new Fuzz("duplicate keys");

    fuzz.run(
        f -> {
          for (Sample sample : samples()) {
            byte[] body = sample.body();
            List<Integer> openings = objectOpenings(body);
            for (String duplicate : duplicates) {
              for (int opening : openings) {
                byte[] entry = (duplicate + ",").getBytes(StandardCharsets.UTF_8);
                f.check(sample.kind(), inserted(body, opening + 1, entry));
              }
              byte[] last = (", " + duplicate).getBytes(StandardCharsets.UTF_8);
              f.check(sample.kind(), inserted(body, lastBrace(body), last));
            }
          }
        });

    assertThat(fuzz.read).as("bodies with duplicate keys read (seed %d)", SEED).isPositive();
  }

  @Test
  void oddShapesAndTrailingContentAreReadOrRejectedAsInvalid() {
    List<String> bodies =
        List.of(
            "",
            " ",
            "\n\t\r ",
            "null",
            "true",
            "0",
            "\"text\"",
            "[]",
            "[{}]",
            "{}",
            "{\"is_success\": true}",
            "{\"is_success\": false}",
            "{\"is_success\": false, \"error_code\": null}",
            "{\"is_success\": false, \"error_code\": 2775}",
            "{\"is_success\": false, \"error_code\": [\"ModelArts.2775\"]}",
            "{\"is_success\": \"false\"}",
            "{\"is_success\": null, \"job_id\": 1, \"version_id\": 2}",
            "{\"job_id\": 1, \"version_id\": 2}",
            "{\"job_id\": 1, \"version_id\": 2,}",
            "{\"job_id\": 1 \"version_id\": 2}",
            "{'job_id': 1, 'version_id': 2}",
            "{job_id: 1, version_id: 2}",
            "{\"job_id\": 1, \"version_id\": 2} // comment",
            "/* c */ {\"job_id\": 1, \"version_id\": 2}",
            "{\"job_id\": 1, \"version_id\": 2}{}",
            "{\"job_id\": 1, \"version_id\": 2} trailing",
            "{\"job_id\": 1, \"version_id\": 2}]",
            "{\"job_id\": -1, \"version_id\": -2}",
            "{\"job_id\": 0, \"version_id\": 0}",
            "{\"job_id\": 1, \"versions\": [null, 1, \"a\", [], {}]}",
            "{\"job_id\": 1, \"version_count\": -5, \"versions\": []}",
            "{\"job_id\": 1, \"version_count\": 2, \"versions\": [{}, {}]}",
            "{\"job_id\": 1, \"versions\": [{\"version_id\": 1}, {\"version_id\": 1}]}",
            "{\"job_id\": 1, \"version_id\": 2, \"a\\nb\": 1, \"a\\nb\": 2}",
            "{\"job_id\": 1, \"version_id\": 2, \"a\\u2028b\\r\": 1, \"a\\u2028b\\r\": 2}",
            "{\"job_id\": 1, \"version_id\": 2, \"x\": {\"k\\n\": 1, \"k\\n\": 2}}",
            "{\"job_id\": 1, \"version_id\": 2, \""
                + "k".repeat(40_000)
                + "\": 1, \""
                + "k".repeat(40_000)
                + "\": 2}",
            "{\"is_success\": false, \"error_code\": \"X\\nY\", \"error_msg\": \"line\\nbreak\"}",
            "<html><body>502 Bad Gateway</body></html>",
            "\u0000\u0000\u0000\u0000");
    Fuzz fuzz = new Fuzz("odd shapes");

    fuzz.run(
        f -> {
          for (String body : bodies) {
            for (Kind kind : Kind.values()) {
              f.check(kind, body.getBytes(StandardCharsets.UTF_8));
            }
          }
          for (Sample sample : samples()) {
            f.check(sample.kind(), concat(sample.body(), sample.body()));
            f.check(sample.kind(), concat(sample.body(), "x".getBytes(StandardCharsets.UTF_8)));
            f.check(sample.kind(), concat(sample.body(), new byte[] {0}));
          }
        });

    assertThat(fuzz.invalid).as("odd shapes rejected (seed %d)", SEED).isPositive();
  }

  @Test
  void streamsThatFailOrNeverEndStopWithATypedError() {
    CodecLimits limits = new CodecLimits(64 * 1024, 32, 4096);
    JobJsonCodec small = JobJsonCodec.create(limits);
    Fuzz fuzz = new Fuzz("streams");

    fuzz.run(
        f -> {
          for (Sample sample : samples()) {
            for (int pick = 0; pick < 50; pick++) {
              int failAt = random.nextInt(sample.body().length + 1);
              f.checkStream(codec, sample.kind(), new FailingStream(sample.body(), failAt));
            }
          }
          for (String endless : List.of(" ", "[", "{\"a\":", "{\"job_id\": 1, \"x\": \"", "1")) {
            for (Kind kind : Kind.values()) {
              f.checkStream(small, kind, new EndlessStream(endless));
            }
          }
        });

    assertThat(fuzz.invalid + fuzz.typed).as("streams stopped (seed %d)", SEED).isPositive();
  }

  @Test
  void errorBodiesAreReadWithoutEverThrowing() {
    Fuzz fuzz = new Fuzz("error bodies");

    fuzz.run(
        f -> {
          for (Sample sample : samples()) {
            for (int end = 0; end < sample.body().length; end += 7) {
              f.checkErrorBody(slice(sample.body(), 0, end));
            }
            for (int i = 0; i < 300; i++) {
              f.checkErrorBody(mutateBytes(sample.body()));
            }
          }
          f.checkErrorBody(nested(100_000, true).getBytes(StandardCharsets.UTF_8));
          f.checkErrorBody(("{\"error_code\": " + quoted(longText(3_000_000)) + "}").getBytes());
          f.checkErrorBody(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0});
          f.checkErrorBody(new byte[0]);
        });

    assertThat(fuzz.read).as("error bodies read (seed %d)", SEED).isPositive();
  }

  @Test
  void bodyOverTheSizeLimitIsRejectedNamingTheLimit() throws Exception {
    CodecLimits limits = new CodecLimits(4096, 64, 100_000);
    JobJsonCodec small = JobJsonCodec.create(limits);
    byte[] body = bodyOfSize(5000);
    ErrorContext context = ErrorContext.forVersion(10, 10);

    assertThatThrownBy(() -> small.readVersionDetails(body, context))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("4096");
    assertThatThrownBy(() -> small.readVersionDetails(new ByteArrayInputStream(body), context))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("4096");
    assertThatThrownBy(() -> small.readVersions(body, context))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("4096");
    assertThat(small.readVersionDetails(bodyOfSize(4096), context).ref().jobId()).isEqualTo(10);
    countBodies("limits", 4);
  }

  @Test
  void nestingOverTheDepthLimitIsRejectedNamingTheLimit() {
    CodecLimits limits = new CodecLimits(1024 * 1024, 20, 100_000);
    JobJsonCodec small = JobJsonCodec.create(limits);
    ErrorContext context = ErrorContext.forVersion(10, 10);
    byte[] shallow = withUndocumented(nested(10, false));
    byte[] deep = withUndocumented(nested(40, false));
    byte[] deepObjects = withUndocumented(nested(40, true));

    TrainingJob read = small.readVersionDetails(shallow, context);

    assertThat(read.undocumentedFields()).containsKey("deep");
    assertThatThrownBy(() -> small.readVersionDetails(deep, context))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("20")
        .hasMessageMatching("(?is).*(depth|nest).*");
    assertThatThrownBy(
            () -> small.readVersionDetails(new ByteArrayInputStream(deepObjects), context))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("20")
        .hasMessageMatching("(?is).*(depth|nest).*");
    assertThatThrownBy(() -> small.readVersions(deep, context))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("20");
    countBodies("limits", 4);
  }

  @Test
  void stringOverTheLengthLimitIsRejectedNamingTheLimit() {
    CodecLimits limits = new CodecLimits(1024 * 1024, 64, 1000);
    JobJsonCodec small = JobJsonCodec.create(limits);
    ErrorContext context = ErrorContext.forVersion(10, 10);
    byte[] fits = withUndocumented(quoted("a".repeat(1000)));
    byte[] tooLong = withUndocumented(quoted("a".repeat(1001)));
    byte[] tooLongName = sampleWith("\"job_name\": " + quoted("b".repeat(5000)));

    TrainingJob read = small.readVersionDetails(fits, context);

    assertThat(read.undocumentedFields().get("deep")).isEqualTo("a".repeat(1000));
    assertThatThrownBy(() -> small.readVersionDetails(tooLong, context))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("1000");
    assertThatThrownBy(
            () -> small.readVersionDetails(new ByteArrayInputStream(tooLongName), context))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("1000");
    countBodies("limits", 3);
  }

  @Test
  void oneCodecReadsTheSameBodiesAlikeFromManyThreads() throws Exception {
    Sample sample = samples().get(1);
    TrainingJob expected = codec.readVersionDetails(sample.body(), ErrorContext.EMPTY);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> results = new ArrayList<>();

    try {
      for (int t = 0; t < 8; t++) {
        results.add(
            pool.submit(
                () -> {
                  int same = 0;
                  for (int i = 0; i < 250; i++) {
                    byte[] body = i % 2 == 0 ? sample.body() : slice(sample.body(), 0, 100 + i);
                    try {
                      if (codec.readVersionDetails(body, ErrorContext.EMPTY).equals(expected)) {
                        same++;
                      }
                    } catch (InvalidResponseException e) {
                      // the truncated half
                    }
                  }
                  return same;
                }));
      }
      int same = 0;
      for (Future<Integer> result : results) {
        same += result.get();
      }

      assertThat(same).isEqualTo(8 * 125);
    } finally {
      pool.shutdownNow();
    }
    countBodies("concurrency", 8 * 250);
  }

  // ---------------------------------------------------------------------------------------------

  /** Runs one family of bodies, sorting each outcome and collecting what breaks the rule. */
  private final class Fuzz {
    private final String family;
    private long bodies;
    private long read;
    private long invalid;
    private long typed;
    private long slowestNanos;
    private final List<String> failures = new ArrayList<>();

    Fuzz(String family) {
      this.family = family;
    }

    void run(Consumer<Fuzz> generator) {
      long start = System.nanoTime();
      assertTimeoutPreemptively(
          FAMILY_TIMEOUT,
          () -> generator.accept(this),
          () -> family + " did not finish in " + FAMILY_TIMEOUT + " (seed " + SEED + ")");
      countBodies(family, bodies);
      System.out.printf(
          "%s: %d bodies (%d read, %d invalid, %d typed service errors) in %d ms,"
              + " slowest read %.1f ms, seed %d%n",
          family,
          bodies,
          read,
          invalid,
          typed,
          (System.nanoTime() - start) / 1_000_000,
          slowestNanos / 1e6,
          SEED);
      if (!failures.isEmpty()) {
        fail(
            "%d of %d %s bodies broke the rule (seed %d); first ones:%n%s",
            failures.size(), bodies, family, SEED, String.join("\n", failures));
      }
      assertThat(Duration.ofNanos(slowestNanos))
          .as("slowest %s read (seed %d)", family, SEED)
          .isLessThan(SLOWEST_READ_ALLOWED);
    }

    void check(Kind kind, byte[] body) {
      boolean asStream = random.nextInt(4) == 0;
      InputStream stream = asStream ? new ByteArrayInputStream(body) : null;
      outcome(kind, body, () -> read(codec, kind, body, stream));
    }

    void checkStream(JobJsonCodec withLimits, Kind kind, InputStream stream) {
      outcome(kind, null, () -> read(withLimits, kind, null, stream));
    }

    void checkErrorBody(byte[] body) {
      bodies++;
      long start = System.nanoTime();
      try {
        if (codec.readErrorBody(body) != null) {
          read++;
        }
      } catch (Throwable t) {
        note(t, body, "readErrorBody threw");
      } finally {
        slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
      }
    }

    private void outcome(Kind kind, byte[] body, Reading reading) {
      bodies++;
      long start = System.nanoTime();
      try {
        Object result = reading.read();
        slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
        read++;
        roundTrip(kind, result, body);
      } catch (InvalidResponseException e) {
        slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
        invalid++;
        checkMessage(e, body);
      } catch (ModelArtsException e) {
        slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
        typed++;
        if (body != null && !looksLikeServiceError(body)) {
          note(e, body, "typed error for a body that is no service error");
        }
        checkMessage(e, body);
      } catch (Throwable t) {
        slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
        note(t, body, "neither read nor a typed error");
      }
    }

    /**
     * What the codec read, it writes; and what it wrote reads back and writes again to the same
     * bytes. (Equality of the jobs is not asked for: the codec documents that some values change
     * form on the first write, such as an undocumented double that reads back as a decimal.)
     */
    private void roundTrip(Kind kind, Object result, byte[] body) {
      try {
        byte[] written =
            kind == Kind.DETAILS
                ? codec.writeVersionDetails((TrainingJob) result)
                : codec.writeVersions((JobVersions) result);
        byte[] again =
            kind == Kind.DETAILS
                ? codec.writeVersionDetails(codec.readVersionDetails(written, ErrorContext.EMPTY))
                : codec.writeVersions(codec.readVersions(written, ErrorContext.EMPTY));
        if (!Arrays.equals(written, again)) {
          note(
              null,
              body,
              "written, read back and written again, it differs: " + diff(written, again));
        }
      } catch (Throwable t) {
        note(t, body, "a job the codec read could not be written and read back");
      }
    }

    private void checkMessage(ModelArtsException e, byte[] body) {
      String message = e.getMessage();
      if (message == null || message.isBlank()) {
        note(e, body, "error without a message");
      } else if (message.contains("\n") || message.contains("\r")) {
        note(e, body, "message of more than one line");
      } else if (message.length() > 2000) {
        note(e, body, "message of " + message.length() + " characters");
      }
    }

    private void note(Throwable t, byte[] body, String what) {
      if (failures.size() >= 15) {
        if (failures.size() == 15) {
          failures.add("  ...");
        }
        return;
      }
      failures.add(
          "  #"
              + bodies
              + " "
              + what
              + (t == null ? "" : ": " + t + " at " + firstFrame(t))
              + "\n    body: "
              + excerpt(body));
    }
  }

  @FunctionalInterface
  private interface Reading {
    Object read() throws Exception;
  }

  private static Object read(JobJsonCodec codec, Kind kind, byte[] body, InputStream stream) {
    ErrorContext context = ErrorContext.forVersion(10, 10).withHttpStatus(200);
    if (kind == Kind.DETAILS) {
      return stream != null
          ? codec.readVersionDetails(stream, context)
          : codec.readVersionDetails(body, context);
    }
    ErrorContext list = ErrorContext.forJob(10).withHttpStatus(200);
    return stream != null ? codec.readVersions(stream, list) : codec.readVersions(body, list);
  }

  private static void countBodies(String family, long count) {
    BODIES_PER_FAMILY.merge(family, count, Long::sum);
  }

  // ---------------------------------------------------------------------------------------------
  // Generators

  private static List<Sample> samples() {
    return List.of(
        new Sample("docs-version-detail", Kind.DETAILS, resource("docs-version-detail.json")),
        new Sample(
            "realistic-version-detail", Kind.DETAILS, resource("realistic-version-detail.json")),
        new Sample("docs-versions-list", Kind.VERSIONS, resource("docs-versions-list.json")),
        new Sample("docs-error", Kind.DETAILS, resource("docs-error.json")));
  }

  private static byte[] resource(String name) {
    try (InputStream in = HostileBodiesFuzzTest.class.getResourceAsStream("/hostile/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /hostile/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] mutateBytes(byte[] body) {
    byte[] out = body.clone();
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations && out.length > 0; m++) {
      int at = random.nextInt(out.length);
      switch (random.nextInt(6)) {
        case 0 -> out[at] = (byte) random.nextInt(256);
        case 1 -> out[at] ^= (byte) (1 << random.nextInt(8));
        case 2 -> out[at] = (byte) "{}[]\",:\\0123456789eE+-. ntfu".charAt(random.nextInt(28));
        case 3 -> out = concat(slice(out, 0, at), slice(out, at + 1, out.length));
        case 4 -> {
          byte[] piece = {(byte) "{}[]\",:\\-".charAt(random.nextInt(9))};
          out = inserted(out, at, piece);
        }
        default -> {
          int end = Math.min(out.length, at + 1 + random.nextInt(40));
          out = inserted(out, random.nextInt(out.length), slice(out, at, end));
        }
      }
    }
    return out;
  }

  private static List<JsonNode> typePalette() {
    JsonNodeFactory n = JsonNodeFactory.instance;
    ArrayNode mixed = n.arrayNode().add(1).add("a").add(n.nullNode()).add(n.objectNode());
    ObjectNode object = n.objectNode();
    object.put("a", 1);
    object.putArray("b").add(true);
    return List.of(
        n.nullNode(),
        n.booleanNode(true),
        n.numberNode(-1),
        n.numberNode(1.5),
        n.textNode("text"),
        n.textNode("{\"metric\": [1]}"),
        n.arrayNode(),
        mixed,
        n.objectNode(),
        object);
  }

  private JsonNode tree(Sample sample) {
    try {
      return MAPPER.readTree(sample.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<JsonPointer> pointers(JsonNode tree) {
    List<JsonPointer> out = new ArrayList<>();
    collect(tree, JsonPointer.empty(), out, false);
    return out;
  }

  private static List<JsonPointer> numericPointers(JsonNode tree) {
    List<JsonPointer> out = new ArrayList<>();
    collect(tree, JsonPointer.empty(), out, true);
    return out;
  }

  private static void collect(JsonNode node, JsonPointer at, List<JsonPointer> out, boolean nums) {
    if (!at.matches() && (!nums || node.isNumber() || looksNumeric(node))) {
      out.add(at);
    }
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(name -> collect(node.get(name), at.appendProperty(name), out, nums));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), at.appendIndex(i), out, nums);
      }
    }
  }

  private static boolean looksNumeric(JsonNode node) {
    return node.isTextual() && node.asText().matches("-?\\d+(\\.\\d+)?");
  }

  private static JsonPointer at(String pointer) {
    return JsonPointer.compile(pointer);
  }

  private static JsonNode replaced(JsonNode tree, JsonPointer at, JsonNode value) {
    JsonNode copy = tree.deepCopy();
    JsonNode parent = copy.at(at.head());
    if (parent instanceof ObjectNode object) {
      object.set(at.last().getMatchingProperty(), value);
    } else if (parent instanceof ArrayNode array) {
      array.set(at.last().getMatchingIndex(), value);
    }
    return copy;
  }

  private static JsonNode removed(JsonNode tree, JsonPointer at) {
    JsonNode copy = tree.deepCopy();
    JsonNode parent = copy.at(at.head());
    if (parent instanceof ObjectNode object) {
      object.remove(at.last().getMatchingProperty());
    } else if (parent instanceof ArrayNode array) {
      array.remove(at.last().getMatchingIndex());
    }
    return copy;
  }

  /** The tree as text, with a mark where the value at the pointer was. */
  private static String template(JsonNode tree, JsonPointer at) {
    JsonNode marked = replaced(tree, at, JsonNodeFactory.instance.textNode(RAW));
    return new String(bytes(marked), StandardCharsets.UTF_8);
  }

  /** The template with raw text, which need not be JSON, in place of its mark. */
  private static byte[] fill(String template, String rawText) {
    return template.replace("\"" + RAW + "\"", rawText).getBytes(StandardCharsets.UTF_8);
  }

  /** The tree with the value at the pointer replaced by raw text, which need not be JSON. */
  private static byte[] raw(JsonNode tree, JsonPointer at, String rawText) {
    String text =
        new String(
            bytes(replaced(tree, at, JsonNodeFactory.instance.textNode(RAW))),
            StandardCharsets.UTF_8);
    return text.replace("\"" + RAW + "\"", rawText).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(JsonNode tree) {
    try {
      return MAPPER.writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String nested(int depth, boolean objects) {
    StringBuilder s = new StringBuilder(depth * 6 + 2);
    for (int i = 0; i < depth; i++) {
      s.append(objects ? "{\"a\":" : "[");
    }
    s.append('1');
    for (int i = 0; i < depth; i++) {
      s.append(objects ? '}' : ']');
    }
    return s.toString();
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private String longText(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(chars);
  }

  private static byte[] withUndocumented(String rawValue) {
    return sampleWith("\"deep\": " + rawValue);
  }

  private static byte[] sampleWith(String entry) {
    String body = "{\"is_success\": true, \"job_id\": 10, \"version_id\": 10, \"status\": 10, ";
    return (body + entry + "}").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bodyOfSize(int size) {
    byte[] head =
        "{\"is_success\": true, \"job_id\": 10, \"version_id\": 10, \"pad\": \""
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
    byte[] pad = "x".repeat(size - head.length - tail.length).getBytes(StandardCharsets.UTF_8);
    return concat(concat(head, pad), tail);
  }

  private int insideAString(byte[] body) {
    List<Integer> quotes = new ArrayList<>();
    for (int i = 0; i < body.length; i++) {
      if (body[i] == '"') {
        quotes.add(i);
      }
    }
    return quotes.get(random.nextInt(quotes.size())) + 1;
  }

  private static List<Integer> objectOpenings(byte[] body) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < body.length; i++) {
      if (body[i] == '{') {
        out.add(i);
      }
    }
    return out;
  }

  private static int lastBrace(byte[] body) {
    for (int i = body.length - 1; i >= 0; i--) {
      if (body[i] == '}') {
        return i;
      }
    }
    return body.length;
  }

  private static byte[] slice(byte[] body, int from, int to) {
    byte[] out = new byte[to - from];
    System.arraycopy(body, from, out, 0, out.length);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] inserted(byte[] body, int at, byte[] piece) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + piece.length);
    out.write(body, 0, at);
    out.write(piece, 0, piece.length);
    out.write(body, at, body.length - at);
    return out.toByteArray();
  }

  /** Whether the body, read as bytes or as UTF-16 either way round, is a service error. */
  private static boolean looksLikeServiceError(byte[] body) {
    for (java.nio.charset.Charset charset :
        List.of(
            StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
      if (SERVICE_ERROR.matcher(new String(body, charset)).find()) {
        return true;
      }
    }
    return false;
  }

  private static String latin1(byte[] body) {
    return new String(body, StandardCharsets.ISO_8859_1);
  }

  private static String excerpt(byte[] body) {
    if (body == null) {
      return "(a stream)";
    }
    String text = latin1(body).replaceAll("\\s+", " ");
    if (text.length() > 160) {
      return text.substring(0, 160) + "... (" + body.length + " bytes)";
    }
    return text;
  }

  private static String diff(byte[] a, byte[] b) {
    int at = 0;
    while (at < a.length && at < b.length && a[at] == b[at]) {
      at++;
    }
    int from = Math.max(0, at - 60);
    return "first written "
        + excerpt(slice(a, from, Math.min(a.length, at + 60)))
        + " then "
        + excerpt(slice(b, from, Math.min(b.length, at + 60)));
  }

  private static String firstFrame(Throwable t) {
    StackTraceElement[] trace = t.getStackTrace();
    return trace.length == 0 ? "?" : trace[0].toString();
  }

  /** Gives the body, then fails with an I/O error, as a connection reset in mid-body does. */
  private static final class FailingStream extends InputStream {
    private final byte[] body;
    private final int failAt;
    private int position;

    FailingStream(byte[] body, int failAt) {
      this.body = body;
      this.failAt = failAt;
    }

    @Override
    public int read() throws IOException {
      if (position >= failAt) {
        throw new IOException("connection reset");
      }
      return position < body.length ? body[position++] & 0xFF : -1;
    }
  }

  /** A body that never ends: a start, then the same text again and again. */
  private static final class EndlessStream extends InputStream {
    private final byte[] unit;
    private final AtomicLong served = new AtomicLong();

    EndlessStream(String unit) {
      this.unit = unit.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
      return unit[(int) (served.getAndIncrement() % unit.length)] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      for (int i = 0; i < len; i++) {
        b[off + i] = (byte) read();
      }
      return len;
    }
  }
}
