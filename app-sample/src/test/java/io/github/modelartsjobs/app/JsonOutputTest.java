package io.github.modelartsjobs.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.modelartsjobs.codec.JobJsonCodec;
import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ErrorContext;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --output json}: the codec's objects, read back equal. */
class JsonOutputTest {

  private static final JobJsonCodec CODEC = JobJsonCodec.create();

  private static TrainingJob read(String json) {
    return CODEC.readVersionDetails(json.getBytes(StandardCharsets.UTF_8), ErrorContext.EMPTY);
  }

  @Test
  void jobInfoWritesOneObjectWithTheServicesFieldNamesThatReadsBackEqual() {
    TrainingJob job = SampleJobs.documented();
    InMemoryPort port = new InMemoryPort().answer(10, 10, job);

    CliRun.Result result =
        new CliRun(port)
            .run("job-info", "--job-id", "10", "--version-id", "10", "--output", "json");

    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .startsWith("{\n")
        .endsWith("}\n")
        .contains("\"job_id\": 10,", "\"version_id\": 10,", "\"status\": 10,")
        .contains("\"cpu\": 8,", "\"duration\": 532003,", "\"create_time\": 1524189990635,")
        .contains("\"model_metric_list\": {", "\"system_metric_list\": {");
    assertThat(read(result.out())).isEqualTo(job);
  }

  @Test
  void outputFormatMayComeBeforeTheCommandOrFromTheEnvironment() {
    InMemoryPort port = new InMemoryPort().answer(10, 10, SampleJobs.documented());

    CliRun.Result before =
        new CliRun(port)
            .run("--output", "json", "job-info", "--job-id", "10", "--version-id", "10");
    CliRun.Result fromEnv =
        new CliRun(port)
            .env("MODELARTS_OUTPUT", "json")
            .run("job-info", "--job-id", "10", "--version-id", "10");

    assertThat(before.out()).startsWith("{\n").isEqualTo(fromEnv.out());
  }

  @Test
  void keyOrderIsStable() {
    TrainingJob job = SampleJobs.documented();
    InMemoryPort port = new InMemoryPort().answer(10, 10, job);
    String[] args = {"--output", "json", "job-info", "--job-id", "10", "--version-id", "10"};

    String first = new CliRun(port).run(args).out();
    String second = new CliRun(port).run(args).out();

    assertThat(first).isEqualTo(second);
    assertThat(first.indexOf("\"job_id\"")).isLessThan(first.indexOf("\"version_id\""));
    assertThat(first.indexOf("\"version_id\"")).isLessThan(first.indexOf("\"status\""));
  }

  @Test
  void versionsWritesAnArrayOfVersionObjectsNewestFirst() throws Exception {
    TrainingJob newest = SampleJobs.documented();
    TrainingJob older = SampleJobs.withStatus(10, 5, JobStatus.FAILED);
    InMemoryPort port = new InMemoryPort().versionsOf(10, "TestModelArtsJob", newest, older);

    CliRun.Result result = new CliRun(port).run("versions", "--job-id", "10", "--output", "json");

    assertThat(result.code()).isZero();
    List<TrainingJob> read = new ArrayList<>();
    for (String element : elementsOf(result.out())) {
      read.add(read(element));
    }
    assertThat(read).containsExactly(newest, older);
  }

  @Test
  void aJobWithoutVersionsIsAnEmptyArray() {
    InMemoryPort port = new InMemoryPort().versionsOf(10, "TestModelArtsJob");

    CliRun.Result result = new CliRun(port).run("versions", "--job-id", "10", "--output", "json");

    assertThat(result.out()).isEqualTo("[]\n");
  }

  @Test
  void waitInJsonWritesTheLastVersionToStdoutAndTheProgressToStderr() {
    InMemoryPort port =
        new InMemoryPort()
            .answer(
                10,
                10,
                SampleJobs.withStatus(10, 10, JobStatus.RUNNING),
                SampleJobs.withStatus(10, 10, JobStatus.COMPLETED));

    CliRun.Result result =
        new CliRun(port).run("wait", "--job-id", "10", "--version-id", "10", "--output", "json");

    assertThat(result.code()).isZero();
    assertThat(read(result.out())).isEqualTo(SampleJobs.withStatus(10, 10, JobStatus.COMPLETED));
    assertThat(result.err().lines())
        .containsExactly(
            "2024-05-01 10:00:00 UTC  JOBSTAT_RUNNING (8), active  (after 0s)",
            "2024-05-01 10:00:05 UTC  JOBSTAT_COMPLETED (10), succeeded  (after 5s)",
            "training job 10 version 10 succeeded: JOBSTAT_COMPLETED (10), succeeded"
                + " (waited 5s)");
  }

  /** The elements of a JSON array of objects, each as its own JSON text. */
  static List<String> elementsOf(String jsonArray) throws IOException {
    JsonFactory factory = new JsonFactory();
    List<String> elements = new ArrayList<>();
    try (JsonParser parser = factory.createParser(jsonArray)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        StringWriter element = new StringWriter();
        try (JsonGenerator generator = factory.createGenerator(element)) {
          generator.copyCurrentStructure(parser);
        }
        elements.add(element.toString());
      }
      assertThat(parser.currentToken()).isEqualTo(JsonToken.END_ARRAY);
      assertThat(parser.nextToken()).isNull();
    }
    return elements;
  }
}
