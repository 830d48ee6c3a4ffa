package io.github.modelartsjobs.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorBodyTest {

  private final JobJsonCodec codec = JobJsonCodec.create();

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsCodeMessageAndRequestId() {
    var body =
        codec.readErrorBody(
            utf8(
                "{\"error_code\": \"APIGW.0301\", \"error_msg\": \"bad signature\","
                    + " \"request_id\": \"5f3c\", \"extra\": {\"a\": [1]}}"));

    assertThat(body).contains(new ServiceErrorBody("APIGW.0301", "bad signature", "5f3c"));
  }

  @Test
  void prefersErrorMessageOverErrorMsg() {
    var body =
        codec.readErrorBody(
            utf8("{\"error_msg\": \"short\", \"error_message\": \"long\", \"error_code\": 7}"));

    assertThat(body).contains(new ServiceErrorBody("7", "long", null));
  }

  @Test
  void objectWithoutErrorFieldsGivesEmptyFields() {
    assertThat(codec.readErrorBody(utf8("{\"error_code\": null}")))
        .contains(new ServiceErrorBody(null, null, null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "<html><body>503 Service Unavailable</body></html>",
        "[1, 2]",
        "\"error\"",
        "{\"error_code\": \"ModelArts.2775\"",
        "{\"error_code\": \"ModelArts.2775\"} trailing",
        "{\"a\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
      })
  void anythingButOneWholeObjectGivesNothingAndNeverThrows(String text) {
    assertThat(codec.readErrorBody(utf8(text))).isEmpty();
  }

  @Test
  void nullOrOversizedBodyGivesNothing() {
    JobJsonCodec small = JobJsonCodec.create(CodecLimits.defaults().withMaxBodyBytes(10));

    assertThat(codec.readErrorBody(null)).isEmpty();
    assertThat(small.readErrorBody(utf8("{\"error_code\": \"ModelArts.2775\"}"))).isEmpty();
  }
}
