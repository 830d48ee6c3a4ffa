package io.github.modelartsjobs.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ErrorContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SampleRoundTripTest {

  private final JobJsonCodec codec = JobJsonCodec.create();

  @ParameterizedTest
  @ValueSource(strings = {Samples.DOCS_VERSION_DETAIL, Samples.REALISTIC_VERSION_DETAIL})
  void writingAVersionAndReadingItBackGivesAnEqualVersion(String sample) {
    TrainingJob job = codec.readVersionDetails(Samples.bytes(sample), ErrorContext.EMPTY);

    byte[] written = codec.writeVersionDetails(job);
    TrainingJob back = codec.readVersionDetails(written, ErrorContext.EMPTY);

    assertThat(back).isEqualTo(job);
  }

  @Test
  void writingVersionsAndReadingThemBackGivesEqualVersions() {
    JobVersions versions =
        codec.readVersions(Samples.bytes(Samples.DOCS_VERSIONS_LIST), ErrorContext.EMPTY);

    byte[] written = codec.writeVersions(versions);
    JobVersions back = codec.readVersions(written, ErrorContext.EMPTY);

    assertThat(back).isEqualTo(versions);
  }

  @Test
  void writingToAStreamGivesTheSameBytes() {
    TrainingJob job =
        codec.readVersionDetails(
            Samples.bytes(Samples.REALISTIC_VERSION_DETAIL), ErrorContext.EMPTY);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    codec.writeVersionDetails(job, out);

    assertThat(out.toByteArray()).isEqualTo(codec.writeVersionDetails(job));
  }

  @Test
  void writtenVersionStartsWithTheDocumentedKeysInOrder() {
    TrainingJob job =
        codec.readVersionDetails(Samples.bytes(Samples.DOCS_VERSION_DETAIL), ErrorContext.EMPTY);

    String json = new String(codec.writeVersionDetails(job), StandardCharsets.UTF_8);

    assertThat(json)
        .startsWith(
            "{\n  \"is_success\": true,\n  \"job_id\": 10,\n"
                + "  \"version_id\": 10,\n  \"job_name\": \"TestModelArtsJob\",");
    assertThat(json)
        .contains(
            "\"core\": 2,",
            "\"cpu\": 8,",
            "\"recvBytesRate\": [",
            "5770405.5",
            "\"model_metric_list\": {");
  }
}
