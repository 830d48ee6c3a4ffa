package io.github.modelartsjobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoopbackServerTest {

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void servesTheBodyOnTheVersionPath() throws Exception {
    byte[] body = "{\"job_id\":10}".getBytes(StandardCharsets.UTF_8);
    try (LoopbackServer server = LoopbackServer.start(10, 12, body, 1)) {

      HttpResponse<byte[]> response = get(server.detailsUri());

      assertThat(server.detailsUri().toString())
          .startsWith("http://127.0.0.1:")
          .endsWith("/v1/" + LoopbackServer.PROJECT_ID + "/training-jobs/10/versions/12");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(body);
      assertThat(server.served()).isEqualTo(1);
    }
  }

  @Test
  void answersOtherPathsWithNotFound() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(10, 12, new byte[] {'{', '}'}, 1)) {

      HttpResponse<byte[]> response =
          get(URI.create(server.endpoint() + "/v1/x/training-jobs/10/versions/13"));

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("ModelArts.2836");
      assertThat(server.served()).isZero();
    }
  }

  private HttpResponse<byte[]> get(URI uri) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
