package io.github.modelartsjobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.usecase.Session;
import org.junit.jupiter.api.Test;

class EndToEndWiringTest {

  @Test
  void adapterFromTheBenchmarkSettingsSignsItsCallAndDecodesTheSample() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(10, 10, Bodies.documentedSample(), 1);
        Session session =
            Session.fromSettings(EndToEndBenchmark.adapterSettings(server.endpoint()))) {

      TrainingJob job = session.getJobInfo(10, 10);

      assertThat(job.jobName()).contains("TestModelArtsJob");
      assertThat(server.served()).isEqualTo(1);
      assertThat(server.signed()).isEqualTo(1);
    }
  }
}
