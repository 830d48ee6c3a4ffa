package io.github.modelartsjobs.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.modelartsjobs.core.error.ErrorContext;
import io.github.modelartsjobs.core.error.InvalidResponseException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A first screen of hostile bodies: every read either succeeds or throws {@link
 * InvalidResponseException}, and none hangs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileInputTest {

  private static final long SEED = Long.getLong("hostile.seed", 20240501L);

  private static final List<String> SUCCESS_SAMPLES =
      List.of(Samples.DOCS_VERSION_DETAIL, Samples.REALISTIC_VERSION_DETAIL);

  private static final String[] SWAPS = {
    "\"x\"",
    "\"\"",
    "1",
    "-1",
    "0",
    "1.5",
    "true",
    "null",
    "{}",
    "[]",
    "[1, {}]",
    "\"NaN\"",
    "\"-Infinity\"",
    "1e400",
    "-1e-400",
    "123456789012345678901234567890",
    "{\"a\": [null]}",
    "\"{\\\"metric\\\": 3}\"",
    "[[\"1\"]]"
  };

  private final JobJsonCodec codec = JobJsonCodec.create();

  private void readSucceedsOrIsInvalid(byte[] body, String what) {
    Throwable details = catchThrowable(() -> codec.readVersionDetails(body, ErrorContext.EMPTY));
    Throwable versions = catchThrowable(() -> codec.readVersions(body, ErrorContext.EMPTY));
    Throwable error = catchThrowable(() -> codec.readErrorBody(body));

    assertSucceededOrInvalid(details, what);
    assertSucceededOrInvalid(versions, what);
    assertThat(error).as(what).isNull();
  }

  private static void assertSucceededOrInvalid(Throwable thrown, String what) {
    if (thrown != null && !(thrown instanceof InvalidResponseException)) {
      throw new AssertionError(what + ": expected success or an invalid response, but got", thrown);
    }
  }

  @Test
  void truncationAtEveryPositionSucceedsOrIsInvalid() {
    for (String sample : SUCCESS_SAMPLES) {
      byte[] body = Samples.bytes(sample);
      for (int length = 0; length <= body.length; length++) {
        readSucceedsOrIsInvalid(Arrays.copyOf(body, length), sample + " cut at " + length);
      }
    }
  }

  @Test
  void byteFlipsSucceedOrAreInvalid() {
    Random random = new Random(SEED);
    for (int i = 0; i < 3000; i++) {
      byte[] body = Samples.bytes(SUCCESS_SAMPLES.get(i % SUCCESS_SAMPLES.size())).clone();
      int flips = 1 + random.nextInt(4);
      for (int f = 0; f < flips; f++) {
        body[random.nextInt(body.length)] = (byte) random.nextInt(256);
      }
      readSucceedsOrIsInvalid(body, "seed " + SEED + " iteration " + i);
    }
  }

  @Test
  void everyDocumentedKeyWithEveryOtherShapeSucceedsOrIsInvalid() {
    String sample = Samples.text(Samples.DOCS_VERSION_DETAIL);
    for (String key : TrainingJobGenerator.VERSION_KEYS) {
      for (String swap : SWAPS) {
        String body =
            "{\"job_id\": 10, \"version_id\": 10, \"" + key + "\": " + swap + ", \"z\": 1}";
        readSucceedsOrIsInvalid(body.getBytes(StandardCharsets.UTF_8), key + "=" + swap);
        String inSample =
            sample.replaceFirst(
                "\"" + key + "\": ", "\"" + key + "\": " + swap + ", \"_old_" + key + "\": ");
        readSucceedsOrIsInvalid(
            inSample.getBytes(StandardCharsets.UTF_8), "sample " + key + "=" + swap);
      }
    }
  }

  @Test
  void deepNestingIsInvalidNamingTheLimit() {
    String body = "{\"job_id\": 10, \"version_id\": 10, \"x\": " + "[".repeat(100_000);

    assertThatThrownBy(
            () ->
                codec.readVersionDetails(body.getBytes(StandardCharsets.UTF_8), ErrorContext.EMPTY))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("maxNestingDepth (200)");
  }

  @Test
  void bareNanAndInfinityAreInvalid() {
    for (String token : List.of("NaN", "Infinity", "-Infinity")) {
      String body = "{\"job_id\": 10, \"version_id\": 10, \"core\": " + token + "}";

      assertThatThrownBy(
              () ->
                  codec.readVersionDetails(
                      body.getBytes(StandardCharsets.UTF_8), ErrorContext.EMPTY))
          .isInstanceOf(InvalidResponseException.class);
    }
  }

  @Test
  void invalidUtf8SucceedsOrIsInvalid() {
    byte[] prefix =
        "{\"job_id\": 10, \"version_id\": 10, \"job_name\": \"".getBytes(StandardCharsets.UTF_8);
    byte[][] bad = {
      {(byte) 0xC3},
      {(byte) 0xFF, (byte) 0xFE},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0x80}
    };
    for (byte[] b : bad) {
      byte[] body = new byte[prefix.length + b.length + 2];
      System.arraycopy(prefix, 0, body, 0, prefix.length);
      System.arraycopy(b, 0, body, prefix.length, b.length);
      body[body.length - 2] = '"';
      body[body.length - 1] = '}';

      readSucceedsOrIsInvalid(body, "bytes " + Arrays.toString(b));
    }
  }
}
