package io.github.modelartsjobs.http;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.modelartsjobs.http.FakeModelArts.json;
import static io.github.modelartsjobs.http.FakeModelArts.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.modelartsjobs.core.domain.JobVersionRef;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS end to end: a server with a certificate for 127.0.0.1 made for this test, a port that
 * trusts it through {@code sslContext}, HTTP/2 negotiated, and the AK/SK signature checked by the
 * server (over HTTP/2 the signed {@code host} is the request's authority).
 */
class HttpsTest {

  private static final String PASSWORD = "changeit";

  @Test
  void aSignedCallOverHttpsWithATrustedCertificateSucceeds(@TempDir Path dir) throws Exception {
    Path keystore = certificateFor127001(dir);
    SignatureCheck check = new SignatureCheck(FakeModelArts.ACCESS_KEY, FakeModelArts.SECRET_KEY);
    WireMockServer server =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .httpsPort(0)
                .keystorePath(keystore.toString())
                .keystoreType("PKCS12")
                .keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD)
                .extensions(check));
    server.start();
    String path = FakeModelArts.detailsPath(10, 10);
    server.stubFor(WireMock.get(path).willReturn(json(200, sample("docs-version-detail.json"))));
    TestTime time = new TestTime();

    try (HttpJobDetails port =
        HttpJobDetails.builder()
            .endpoint(URI.create("https://127.0.0.1:" + server.httpsPort()))
            .projectId(FakeModelArts.PROJECT)
            .accessKey(FakeModelArts.ACCESS_KEY, FakeModelArts.SECRET_KEY)
            .environment(name -> null)
            .sslContext(trusting(keystore))
            .clock(time)
            .sleeper(time)
            .readTimeout(Duration.ofSeconds(10))
            .build()) {

      assertThat(port.versionDetails(JobVersionRef.of(10, 10)).ref())
          .isEqualTo(JobVersionRef.of(10, 10));
    } finally {
      server.stop();
    }
    List<LoggedRequest> requests =
        server.findAll(WireMock.getRequestedFor(WireMock.urlEqualTo(path)));
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).getScheme()).isEqualTo("https");
    assertThat(requests.get(0).getProtocol()).isEqualTo("HTTP/2.0");
    assertThat(check.verified()).isEqualTo(1);
  }

  private static Path certificateFor127001(Path dir) throws Exception {
    Path keystore = dir.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "san=ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("keytool.log").toFile())
            .start();
    assertThat(process.waitFor()).as(Files.readString(dir.resolve("keytool.log"))).isZero();
    return keystore;
  }

  private static SSLContext trusting(Path keystore) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      trusted.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
