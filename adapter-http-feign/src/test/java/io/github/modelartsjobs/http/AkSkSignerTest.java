package io.github.modelartsjobs.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AkSkSignerTest {

  private static final String DATE = "20191115T033655Z";

  private static final String PROJECT = "0123456789abcdef0123456789abcdef";

  private static final String DETAILS_URI =
      "https://modelarts.cn-north-4.myhuaweicloud.com/v1/"
          + PROJECT
          + "/training-jobs/10/versions/10";

  @Test
  void signsTheListOfVpcsWithAQueryAsPublished() {
    AkSkSigner signer = new AkSkSigner("AccessKey", "SecretKey");
    URI uri =
        URI.create(
            "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs"
                + "?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0");

    String authorization = signer.authorization("GET", uri, hostAndDate(uri), new byte[0]);

    assertThat(authorization)
        .isEqualTo(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature="
                + "fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d");
  }

  @Test
  void signsAPostWithABodyAsPublished() {
    AkSkSigner signer = new AkSkSigner("AccessKey", "SecretKey");
    URI uri =
        URI.create(
            "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123");

    String authorization =
        signer.authorization(
            "POST", uri, hostAndDate(uri), "{\"key\":\"value\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(signatureOf(authorization))
        .isEqualTo("b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771");
  }

  @Test
  void signsAGetWithAnEmptyPathAsPublished() {
    AkSkSigner signer = new AkSkSigner("AccessKey", "SecretKey");
    URI uri = URI.create("https://example.com");

    String authorization = signer.authorization("GET", uri, hostAndDate(uri), new byte[0]);

    assertThat(signatureOf(authorization))
        .isEqualTo("919ad8b75d4ad49da0d377e63ee21c4a7a54b752f6bf2878b4adbe9c19927da6");
  }

  @Test
  void signsTheContentTypeWhenItIsAmongTheSignedHeadersAsTheSigningGuideShows() {
    AkSkSigner signer =
        new AkSkSigner("QTWAOYTTINDUT2QVKYUC", "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc");
    URI uri =
        URI.create(
            "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs"
                + "?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.putAll(hostAndDate(uri));

    String authorization = signer.authorization("GET", uri, headers, new byte[0]);

    assertThat(authorization)
        .contains("SignedHeaders=content-type;host;x-sdk-date,")
        .endsWith("Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe");
  }

  @Test
  void signsTheVersionDetailsCallOfThisProject() {
    AkSkSigner signer = new AkSkSigner("AccessKey", "SecretKey");
    URI uri = URI.create(DETAILS_URI);

    String authorization = signer.authorization("GET", uri, hostAndDate(uri), new byte[0]);

    assertThat(signatureOf(authorization))
        .isEqualTo("d4402aa2572c4e4ccfe097131a42f8e5da0866defcac0128e88c66492daefe4e");
  }

  @Test
  void signsTheVersionDetailsCallWithTheProjectIdHeaderOfThisProject() {
    AkSkSigner signer = new AkSkSigner("AccessKey", "SecretKey");
    URI uri = URI.create(DETAILS_URI);
    Map<String, String> headers = new LinkedHashMap<>(hostAndDate(uri));
    headers.put("X-Project-Id", PROJECT);

    String authorization = signer.authorization("GET", uri, headers, new byte[0]);

    assertThat(authorization)
        .contains("SignedHeaders=host;x-project-id;x-sdk-date,")
        .endsWith("Signature=46f1cb32b39121424b545c9ef2f02452906a3bfca9d957717c701470851afa35");
  }

  @Test
  void canonicalRequestHasABlankLineBeforeTheSignedHeadersAndTheEmptyBodyHash() {
    URI uri = URI.create("https://example.com/a/b?z=1&a=2");

    String canonical =
        AkSkSigner.canonicalRequest(
            "get", uri, Map.of("host", "example.com", "x-sdk-date", DATE), new byte[0]);

    assertThat(canonical)
        .isEqualTo(
            "GET\n/a/b/\na=2&z=1\nhost:example.com\nx-sdk-date:"
                + DATE
                + "\n\nhost;x-sdk-date\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @ParameterizedTest
  @CsvSource({
    "'',/",
    "/,/",
    "/v1/p/jobs,/v1/p/jobs/",
    "/v1/p/jobs/,/v1/p/jobs/",
    "/a%20b/c~d,/a%20b/c~d/",
    "/a b,/a%20b/",
    "/caf%C3%A9,/caf%C3%A9/",
    "/x+y,/x%2By/"
  })
  void canonicalUriEncodesEachSegmentAndEndsInASlash(String rawPath, String expected) {
    assertThat(AkSkSigner.canonicalUri(rawPath)).isEqualTo(expected);
  }

  @Test
  void canonicalQuerySortsByNameThenValueAndEncodesBoth() {
    String query = AkSkSigner.canonicalQuery("b=2&a=x%20y&b=1&flag");

    assertThat(query).isEqualTo("a=x%20y&b=1&b=2&flag=");
  }

  @Test
  void sdkDateIsUtcInTheCompactForm() {
    assertThat(AkSkSigner.sdkDate(Instant.parse("2019-11-15T03:36:55.789Z"))).isEqualTo(DATE);
  }

  @ParameterizedTest
  @CsvSource({
    "https://example.com/x,example.com",
    "https://example.com:443/x,example.com",
    "https://example.com:8443/x,example.com:8443",
    "http://127.0.0.1:80/x,127.0.0.1",
    "http://127.0.0.1:8080/x,127.0.0.1:8080"
  })
  void hostHeaderCarriesThePortOnlyWhenItIsNotTheDefault(String uri, String host) {
    assertThat(AkSkSigner.hostHeader(URI.create(uri))).isEqualTo(host);
  }

  @Test
  void toStringShowsNeitherKey() {
    AkSkSigner signer = new AkSkSigner("AccessKeyValue", "SecretKeyValue");

    assertThat(signer.toString()).doesNotContain("AccessKeyValue").doesNotContain("SecretKeyValue");
  }

  private static Map<String, String> hostAndDate(URI uri) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", AkSkSigner.hostHeader(uri));
    headers.put("X-Sdk-Date", DATE);
    return headers;
  }

  private static String signatureOf(String authorization) {
    return authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
  }

  @Test
  void theSdkDateMatchesTheFormatterForAnyInstantOfTheDateRange() {
    DateTimeFormatter formatter =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    Random random = new Random(20191115);
    long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    for (int i = 0; i < 20_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)), 999_999_999);

      assertThat(AkSkSigner.sdkDate(instant)).isEqualTo(formatter.format(instant));
    }
    assertThat(AkSkSigner.sdkDate(Instant.parse("2019-11-15T03:36:55Z")))
        .isEqualTo("20191115T033655Z");
  }

  @Test
  void signaturesMadeFromManyThreadsAtOnceEqualThoseMadeOneByOne() throws Exception {
    AkSkSigner signer = new AkSkSigner("AccessKey", "SecretKey");
    Random random = new Random(4242);
    int count = 400;
    URI[] uris = new URI[count];
    byte[][] bodies = new byte[count][];
    String[] expected = new String[count];
    for (int i = 0; i < count; i++) {
      uris[i] = URI.create(DETAILS_URI + "?page=" + random.nextInt(1000));
      bodies[i] = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(200)];
      random.nextBytes(bodies[i]);
      expected[i] = signer.authorization("POST", uris[i], hostAndDate(uris[i]), bodies[i]);
    }
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Integer>>> results = new ArrayList<>();

    try {
      for (int t = 0; t < 8; t++) {
        int offset = t * 37;
        results.add(
            threads.submit(
                () -> {
                  start.await();
                  List<Integer> wrong = new ArrayList<>();
                  for (int round = 0; round < 5; round++) {
                    for (int k = 0; k < count; k++) {
                      int i = (k + offset) % count;
                      String signed =
                          signer.authorization("POST", uris[i], hostAndDate(uris[i]), bodies[i]);
                      if (!signed.equals(expected[i])) {
                        wrong.add(i);
                      }
                    }
                  }
                  return wrong;
                }));
      }
      start.countDown();
      for (Future<List<Integer>> result : results) {

        assertThat(result.get(30, TimeUnit.SECONDS))
            .as("requests signed wrong (seed 4242)")
            .isEmpty();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "0001-01-01T00:00:00Z, 00010101T000000Z",
    "1969-12-31T23:59:59.999Z, 19691231T235959Z",
    "1970-01-01T00:00:00Z, 19700101T000000Z",
    "1999-12-31T23:59:59.999999999Z, 19991231T235959Z",
    "2000-01-01T00:00:00Z, 20000101T000000Z",
    "2024-02-29T12:00:00Z, 20240229T120000Z",
    "9999-12-31T23:59:59.999Z, 99991231T235959Z"
  })
  void theSdkDateIsRightAcrossYearBoundaries(String instant, String expected) {
    assertThat(AkSkSigner.sdkDate(Instant.parse(instant))).isEqualTo(expected);
  }
}
