package io.github.modelartsjobs.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.modelartsjobs.core.error.AuthenticationException;
import io.github.modelartsjobs.core.error.ErrorContext;
import io.github.modelartsjobs.core.error.InvalidResponseException;
import io.github.modelartsjobs.core.error.JobNotFoundException;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.error.ThrottledException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where leniency would lie, the codec refuses, naming the field, the limit or the position. */
class StrictReadingTest {

  private final JobJsonCodec codec = JobJsonCodec.create();

  private static final ErrorContext CALL = ErrorContext.forVersion(10, 12).withHttpStatus(200);

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private void assertInvalid(String body, String problem) {
    assertThatThrownBy(() -> codec.readVersionDetails(utf8(body), CALL))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageStartingWith("invalid response for training job 10 version 12 (HTTP 200): ")
        .hasMessageContaining(problem)
        .hasNoCause();
  }

  @Test
  void emptyBodyIsInvalid() {
    assertInvalid("", "the body is empty");
  }

  @Test
  void htmlIsInvalidNamingThePosition() {
    assertInvalid(
        "<html>502</html>", "the body is not valid JSON: Unexpected character ('<' (code 60))");
    assertInvalid("<html>502</html>", "at line 1, column 1 (byte 0)");
  }

  @Test
  void truncatedBodyIsInvalidNamingThePosition() {
    assertInvalid("{\"job_id\": 10,\n \"version_id\": 12, \"job_name\": \"ab", "truncated");
    assertInvalid("{\"job_id\": 10,\n \"version_id\": 12, \"job_name\": \"ab", "line 2");
  }

  @Test
  void bodyThatIsNotAnObjectIsInvalid() {
    assertInvalid("[{\"job_id\": 10}]", "the body must be a JSON object, but was an array");
  }

  @Test
  void contentAfterTheObjectIsInvalid() {
    assertInvalid(
        "{\"job_id\": 10, \"version_id\": 12} {\"job_id\": 11}",
        "unexpected an object after the JSON object");
  }

  @Test
  void missingIdsAreInvalidNamingTheField() {
    assertInvalid("{\"version_id\": 12}", "missing field job_id");
    assertInvalid("{\"job_id\": 10, \"version_id\": null}", "missing field version_id");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 | job_id must be a whole number of at least 1, but was 0",
        "-4 | job_id must be a whole number of at least 1, but was -4",
        "\"ten\" | job_id must be a whole number of at least 1, but was a string",
        "1e30 | job_id must be a whole number of at least 1, but was a number",
        "99999999999999999999 | job_id must be a whole number of at least 1, but was a number",
        "{} | job_id must be a whole number of at least 1, but was an object",
      })
  void idThatIsNotAPositiveWholeNumberIsInvalid(String value, String problem) {
    assertInvalid("{\"job_id\": " + value + ", \"version_id\": 12}", problem);
  }

  @Test
  void isSuccessThatIsNotABooleanIsInvalid() {
    assertInvalid(
        "{\"is_success\": \"maybe\", \"job_id\": 10, \"version_id\": 12}",
        "is_success must be true or false, but was a string at line 1, column 16");
  }

  @Test
  void duplicateKeysAreInvalidWhereverTheyAre() {
    assertInvalid("{\"job_id\": 10, \"version_id\": 12, \"job_id\": 11}", "duplicate key job_id");
    assertInvalid(
        "{\"job_id\": 10, \"version_id\": 12, \"x\": 1, \"x\": 2}", "duplicate key x at line 1");
    assertInvalid(
        "{\"job_id\": 10, \"version_id\": 12, \"flavor\": {\"a\": 1, \"a\": 1}}",
        "duplicate key a");
    assertInvalid(
        "{\"job_id\": 10, \"version_id\": 12, \"system_metric_list\": "
            + "{\"cpu\": [\"1\"], \"cpu\": [\"2\"]}}",
        "duplicate key cpu");
    assertInvalid(
        "{\"job_id\": 10, \"version_id\": 12, \"model_metric_list\": "
            + "\"{\\\"metric\\\": [], \\\"metric\\\": []}\"}",
        "duplicate key metric in the JSON string of model_metric_list at line 1");
  }

  @Test
  void failureBodyIsTheTypedErrorWhateverTheStatus() {
    byte[] body =
        utf8(
            "{\"is_success\": false, \"error_code\": \"ModelArts.2775\","
                + " \"error_msg\": \"job does not exist\", \"request_id\": \"r-1\"}");

    assertThatThrownBy(() -> codec.readVersionDetails(body, CALL))
        .isInstanceOf(JobNotFoundException.class)
        .hasMessage("training job 10 version 12 not found (ModelArts.2775, HTTP 200, request r-1)")
        .satisfies(
            e ->
                assertThat(((ModelArtsException) e).context().serviceMessage())
                    .isEqualTo("job does not exist"));
  }

  @Test
  void failureBodyWinsOverMissingIds() {
    byte[] body =
        utf8("{\"is_success\": false, \"error_code\": \"ModelArts.2799\", \"job_id\": 0}");

    assertThatThrownBy(() -> codec.readVersions(body, ErrorContext.forJob(10)))
        .isInstanceOf(ThrottledException.class);
  }

  @Test
  void gatewayErrorBodyIsTheTypedError() {
    byte[] body = utf8("{\"error_code\": \"APIGW.0301\", \"error_msg\": \"bad signature\"}");

    assertThatThrownBy(() -> codec.readVersionDetails(body, ErrorContext.EMPTY))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("authentication failed for training job (APIGW.0301): bad signature");
  }

  @Test
  void versionsThatAreNotAnArrayOfObjectsAreInvalid() {
    assertThatThrownBy(() -> codec.readVersions(utf8("{\"job_id\": 10, \"versions\": {}}"), CALL))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("versions must be an array, but was an object");
    assertThatThrownBy(
            () -> codec.readVersions(utf8("{\"job_id\": 10, \"versions\": [{}, 3]}"), CALL))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("versions[1] must be an object, but was a number");
  }

  @Test
  void listedVersionWithoutAVersionIdIsInvalidNamingIt() {
    byte[] body = utf8("{\"job_id\": 10, \"versions\": [{\"version_id\": 3}, {\"status\": 8}]}");

    assertThatThrownBy(() -> codec.readVersions(body, CALL))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("missing field versions[1].version_id");
  }

  @Test
  void listedVersionOfAnotherJobIsInvalid() {
    byte[] body = utf8("{\"job_id\": 10, \"versions\": [{\"job_id\": 11, \"version_id\": 3}]}");

    assertThatThrownBy(() -> codec.readVersions(body, CALL))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("versions[0].job_id must be the job_id of the list, 10, but was 11");
  }

  @Test
  void bodyOverTheSizeLimitIsInvalidNamingTheLimit() {
    JobJsonCodec small = JobJsonCodec.create(CodecLimits.defaults().withMaxBodyBytes(40));
    byte[] body = utf8("{\"job_id\": 10, \"version_id\": 12, \"job_name\": \"long enough\"}");

    assertThatThrownBy(() -> small.readVersionDetails(body, CALL))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("the body exceeds maxBodyBytes (40 bytes): it has 59 bytes");
    assertThatThrownBy(() -> small.readVersionDetails(new ByteArrayInputStream(body), CALL))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("the body exceeds maxBodyBytes (40 bytes)");
  }

  @Test
  void nestingOverTheLimitIsInvalidNamingTheLimit() {
    JobJsonCodec shallow = JobJsonCodec.create(CodecLimits.defaults().withMaxNestingDepth(5));
    byte[] body = utf8("{\"job_id\": 10, \"version_id\": 12, \"x\": [[[[[[1]]]]]]}");

    assertThatThrownBy(() -> shallow.readVersionDetails(body, CALL))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("the nesting exceeds maxNestingDepth (5)");
  }

  @Test
  void nestingOverTheLimitInsideAStringHoldingJsonIsInvalid() {
    JobJsonCodec shallow = JobJsonCodec.create(CodecLimits.defaults().withMaxNestingDepth(3));
    byte[] body =
        utf8(
            "{\"job_id\": 10, \"version_id\": 12, \"model_metric_list\":"
                + " \"{\\\"x\\\": [[[[1]]]]}\"}");

    assertThatThrownBy(() -> shallow.readVersionDetails(body, CALL))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("maxNestingDepth (3) in the JSON string of model_metric_list");
  }

  @Test
  void stringOverTheLimitIsInvalidNamingTheLimit() {
    JobJsonCodec brief = JobJsonCodec.create(CodecLimits.defaults().withMaxStringLength(10));
    byte[] body =
        utf8("{\"job_id\": 10, \"version_id\": 12, \"job_name\": \"" + "x".repeat(5000) + "\"}");

    assertThatThrownBy(() -> brief.readVersionDetails(body, CALL))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("a string exceeds maxStringLength (10 characters)");
  }

  @Test
  void failingStreamIsAnInvalidResponse() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };

    assertThatThrownBy(() -> codec.readVersionDetails(failing, CALL))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("the body could not be read: connection reset");
  }

  @Test
  void limitsOutOfRangeAreRejectedNamingTheLimit() {
    assertThatThrownBy(() -> new CodecLimits(0, 200, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBodyBytes must be from 1 to 2147483631, but was 0");
    assertThatThrownBy(() -> CodecLimits.defaults().withMaxNestingDepth(5000))
        .hasMessage("maxNestingDepth must be from 1 to 1000, but was 5000");
    assertThatThrownBy(() -> CodecLimits.defaults().withMaxStringLength(0))
        .hasMessage("maxStringLength must be at least 1, but was 0");
  }
}
