package io.github.modelartsjobs.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.modelartsjobs.core.contract.JobDetailsPortContract;
import io.github.modelartsjobs.core.port.AdapterSettings;
import io.github.modelartsjobs.core.port.JobDetailsAdapters;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * The port contract, for a port found through the SPI by the name {@code http} and built from plain
 * settings alone, against a loopback server that checks every signature.
 */
class HttpFromSettingsContractTest extends JobDetailsPortContract {

  private final FakeModelArts server = FakeModelArts.signed();

  @Override
  protected JobDetailsPort portServing(List<Served> bodies) {
    HttpContractTest.serve(server, bodies);
    JobDetailsPort port =
        JobDetailsAdapters.create(
            AdapterSettings.of(
                Map.of(
                    "adapter",
                    "http",
                    "endpoint",
                    server.uri().toString(),
                    "project-id",
                    FakeModelArts.PROJECT,
                    "access-key",
                    FakeModelArts.ACCESS_KEY,
                    "secret-key",
                    FakeModelArts.SECRET_KEY,
                    "read-timeout",
                    "5s",
                    "call-timeout",
                    "20s",
                    "retry-initial-backoff",
                    "10ms")));
    assertThat(port).isInstanceOf(HttpJobDetails.class);
    return port;
  }

  @AfterEach
  void everyRequestWasSignedCorrectly() {
    try {
      assertThat(server.requestCount()).isPositive();
      assertThat(server.verifiedSignatures()).isEqualTo(server.requestCount());
    } finally {
      server.close();
    }
  }
}
