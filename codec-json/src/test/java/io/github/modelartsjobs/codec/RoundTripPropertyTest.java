package io.github.modelartsjobs.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ErrorContext;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** Writing a generated job and reading it back gives an equal job. */
class RoundTripPropertyTest {

  private static final long BASE_SEED = Long.getLong("roundtrip.seed", 0x5eed_c0dec_0001L);

  private final JobJsonCodec codec = JobJsonCodec.create();

  @RepeatedTest(400)
  void generatedJobReadsBackEqual(RepetitionInfo repetition) {
    long seed = BASE_SEED + repetition.getCurrentRepetition();
    TrainingJob job = new TrainingJobGenerator(new Random(seed)).job();

    byte[] written = codec.writeVersionDetails(job);
    TrainingJob back = codec.readVersionDetails(written, ErrorContext.EMPTY);

    assertThat(back)
        .as("seed %d, written %s", seed, new String(written, StandardCharsets.UTF_8))
        .usingRecursiveComparison()
        .withComparatorForType(Double::compare, Double.class)
        .isEqualTo(job);
    assertThat(back).as("seed %d", seed).isEqualTo(job);
  }

  @RepeatedTest(150)
  void generatedVersionsListReadsBackEqual(RepetitionInfo repetition) {
    long seed = BASE_SEED * 31 + repetition.getCurrentRepetition();
    JobVersions versions = new TrainingJobGenerator(new Random(seed)).versions();

    byte[] written = codec.writeVersions(versions);
    JobVersions back = codec.readVersions(written, ErrorContext.EMPTY);

    assertThat(back)
        .as("seed %d, written %s", seed, new String(written, StandardCharsets.UTF_8))
        .isEqualTo(versions);
  }

  @RepeatedTest(100)
  void writingIsStable(RepetitionInfo repetition) {
    long seed = BASE_SEED * 17 + repetition.getCurrentRepetition();
    TrainingJob job = new TrainingJobGenerator(new Random(seed)).job();

    byte[] once = codec.writeVersionDetails(job);
    byte[] twice = codec.writeVersionDetails(codec.readVersionDetails(once, ErrorContext.EMPTY));

    assertThat(new String(twice, StandardCharsets.UTF_8))
        .as("seed %d", seed)
        .isEqualTo(new String(once, StandardCharsets.UTF_8));
  }
}
