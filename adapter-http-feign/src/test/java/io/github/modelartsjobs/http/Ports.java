package io.github.modelartsjobs.http;

import java.time.Duration;

/** Ports under test, with small timeouts, test time and no environment. */
final class Ports {

  private Ports() {}

  /**
   * A port signing with the test AK/SK, against a server, on test time. The read timeout is long
   * enough for a busy build machine; tests of timeouts set their own.
   */
  static HttpJobDetails.Builder signed(FakeModelArts server, TestTime time) {
    return HttpJobDetails.builder()
        .endpoint(server.uri())
        .projectId(FakeModelArts.PROJECT)
        .accessKey(FakeModelArts.ACCESS_KEY, FakeModelArts.SECRET_KEY)
        .environment(name -> null)
        .clock(time)
        .sleeper(time)
        .random(() -> 0.5)
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofSeconds(60))
        .retryInitialBackoff(Duration.ofMillis(100))
        .retryMaxBackoff(Duration.ofSeconds(1));
  }
}
