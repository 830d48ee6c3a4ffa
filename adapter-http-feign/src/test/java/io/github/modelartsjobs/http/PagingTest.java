package io.github.modelartsjobs.http;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static io.github.modelartsjobs.http.FakeModelArts.json;
import static io.github.modelartsjobs.http.FakeModelArts.versionsPath;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PagingTest {

  private final FakeModelArts server = FakeModelArts.signed();

  private final TestTime time = new TestTime();

  @AfterEach
  void stop() {
    server.close();
  }

  private static String page(long versionCount, long... versionIds) {
    return "{\"is_success\": true, \"job_id\": 10, \"job_name\": \"paged\", \"version_count\": "
        + versionCount
        + ", \"versions\": ["
        + LongStream.of(versionIds)
            .mapToObj(id -> "{\"job_id\": 10, \"version_id\": " + id + ", \"status\": 10}")
            .collect(Collectors.joining(", "))
        + "]}";
  }

  private void servePage(int page, String body) {
    server.stub(
        server
            .versions(10)
            .withQueryParam("page", equalTo(String.valueOf(page)))
            .willReturn(json(200, body)));
  }

  @Test
  void followsThePagesUntilEveryVersionIsRead() {
    servePage(1, page(5, 9, 8));
    servePage(2, page(5, 7, 6));
    servePage(3, page(5, 5));

    JobVersions versions;
    try (HttpJobDetails port = Ports.signed(server, time).pageSize(2).build()) {
      versions = port.versions(10);
    }

    assertThat(versions.versions())
        .extracting(TrainingJob::versionId)
        .containsExactly(9L, 8L, 7L, 6L, 5L);
    assertThat(versions.versionCount()).hasValue(5);
    assertThat(versions.jobName()).contains("paged");
    assertThat(server.requestsTo(versionsPath(10)))
        .extracting(
            r ->
                r.queryParameter("page").firstValue()
                    + "/"
                    + r.queryParameter("per_page").firstValue())
        .containsExactly("1/2", "2/2", "3/2");
    assertThat(server.verifiedSignatures()).isEqualTo(3);
  }

  @Test
  void stopsWhenAFullPageBringsNothingNew() {
    server.stub(server.versions(10).willReturn(json(200, page(10, 9, 8))));
    LogCapture logs = new LogCapture();

    JobVersions versions;
    try (logs;
        HttpJobDetails port = Ports.signed(server, time).pageSize(2).build()) {
      versions = port.versions(10);
    }

    assertThat(versions.versions()).extracting(TrainingJob::versionId).containsExactly(9L, 8L);
    assertThat(server.requestsTo(versionsPath(10))).hasSize(2);
    assertThat(logs.lines(Level.WARN)).anyMatch(l -> l.contains("repeated versions already read"));
  }

  @Test
  void readsNoMorePagesThanTheVersionCountCallsFor() {
    for (int p = 1; p <= 10; p++) {
      servePage(p, page(10, 100 + p, 100));
    }

    JobVersions versions;
    try (HttpJobDetails port = Ports.signed(server, time).pageSize(2).build()) {
      versions = port.versions(10);
    }

    assertThat(server.requestsTo(versionsPath(10))).hasSize(6);
    assertThat(versions.versions()).hasSize(7);
  }

  @Test
  void aShortFirstPageIsTheOnlyPage() {
    server.stub(server.versions(10).willReturn(json(200, page(1, 4))));

    try (HttpJobDetails port = Ports.signed(server, time).build()) {

      assertThat(port.versions(10).versions()).hasSize(1);
    }
    assertThat(server.requestsTo(versionsPath(10))).hasSize(1);
  }
}
