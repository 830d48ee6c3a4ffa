package io.github.modelartsjobs.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.modelartsjobs.core.contract.JobDetailsPortContract;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The port contract, for a port built in code, against a loopback server that serves the bodies and
 * recomputes the AK/SK signature of every request.
 */
class HttpContractTest extends JobDetailsPortContract {

  private final FakeModelArts server = FakeModelArts.signed();

  @Override
  protected JobDetailsPort portServing(List<Served> bodies) {
    serve(server, bodies);
    return Ports.signed(server, new TestTime()).build();
  }

  static void serve(FakeModelArts server, List<Served> bodies) {
    for (Served served : bodies) {
      ResponseDefinitionBuilder answer =
          aResponse()
              .withStatus(served.httpStatus())
              .withHeader("Content-Type", "application/json")
              .withBody(served.body());
      if (served.isVersionsList()) {
        server.stub(server.versions(served.jobId()).willReturn(answer));
      } else {
        server.stubDetails(served.jobId(), served.versionId(), answer);
      }
    }
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
