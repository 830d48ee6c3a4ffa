package io.github.modelartsjobs.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stand-in's signature checker reproduces the published vectors, so it can be trusted. */
class SdkSignatureTest {

  private static final String DATE = "20191115T033655Z";

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "GET | /v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs"
            + " | limit=2&marker=13551d6b-755d-4757-b956-536f674975c0 | service.region.example.com"
            + " | | fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d",
        "POST | /v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123 | | service.region.example.com"
            + " | {\"key\":\"value\"}"
            + " | b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771",
        "GET | | | example.com | "
            + " | 919ad8b75d4ad49da0d377e63ee21c4a7a54b752f6bf2878b4adbe9c19927da6"
      })
  void publishedVectors(
      String method, String path, String query, String host, String body, String expected) {
    Map<String, String> headers = Map.of("host", host, "x-sdk-date", DATE);

    String signature =
        SdkSignature.sign(
            "SecretKey",
            method,
            path == null ? "" : path,
            query,
            headers::get,
            "host;x-sdk-date",
            (body == null ? "" : body).getBytes(StandardCharsets.UTF_8));

    assertThat(signature).isEqualTo(expected);
  }

  @Test
  void thisProjectsPathWithTheProjectIdSigned() {
    Map<String, String> headers =
        Map.of(
            "host", "modelarts.cn-north-4.myhuaweicloud.com",
            "x-sdk-date", DATE,
            "x-project-id", "0123456789abcdef0123456789abcdef");

    String signature =
        SdkSignature.sign(
            "SecretKey",
            "GET",
            "/v1/0123456789abcdef0123456789abcdef/training-jobs/10/versions/10",
            "",
            headers::get,
            "host;x-project-id;x-sdk-date",
            new byte[0]);

    assertThat(signature)
        .isEqualTo("46f1cb32b39121424b545c9ef2f02452906a3bfca9d957717c701470851afa35");
  }

  @Test
  void authorizationHeaderIsTakenApart() {
    Map<String, String> parts =
        SdkSignature.parseAuthorization(
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=abc");

    assertThat(parts)
        .containsEntry("Access", "AK")
        .containsEntry("SignedHeaders", "host;x-sdk-date")
        .containsEntry("Signature", "abc");
  }
}
