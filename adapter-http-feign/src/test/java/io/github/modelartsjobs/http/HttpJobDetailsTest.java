package io.github.modelartsjobs.http;

import static io.github.modelartsjobs.http.FakeModelArts.json;
import static io.github.modelartsjobs.http.FakeModelArts.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.JobNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpJobDetailsTest {

  private final FakeModelArts server = FakeModelArts.signed();

  private final TestTime time = new TestTime();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void readsTheDetailsOfAVersionWithASignedGet() {
    server.stubDetails(10, 10, json(200, sample("docs-version-detail.json")));

    TrainingJob job;
    try (HttpJobDetails port = Ports.signed(server, time).build()) {
      job = port.versionDetails(JobVersionRef.of(10, 10));
    }

    assertThat(job.ref()).isEqualTo(JobVersionRef.of(10, 10));
    assertThat(server.verifiedSignatures()).isEqualTo(1);
    LoggedRequest request = server.requestsTo(FakeModelArts.detailsPath(10, 10)).get(0);
    assertThat(request.getHeader("X-Project-Id")).isEqualTo(FakeModelArts.PROJECT);
    assertThat(request.getHeader("X-Sdk-Date")).isEqualTo("20191115T033655Z");
    assertThat(request.getHeader("Authorization"))
        .startsWith("SDK-HMAC-SHA256 Access=" + FakeModelArts.ACCESS_KEY + ", ")
        .contains("SignedHeaders=content-type;host;x-project-id;x-sdk-date,");
  }

  @Test
  void readsTheVersionsListFromTheFirstPage() {
    server.stub(server.versions(10).willReturn(json(200, sample("docs-versions-list.json"))));

    JobVersions versions;
    try (HttpJobDetails port = Ports.signed(server, time).build()) {
      versions = port.versions(10);
    }

    assertThat(versions.versions()).hasSize(2);
    LoggedRequest request = server.requestsTo(FakeModelArts.versionsPath(10)).get(0);
    assertThat(request.queryParameter("per_page").firstValue()).isEqualTo("100");
    assertThat(request.queryParameter("page").firstValue()).isEqualTo("1");
    assertThat(server.verifiedSignatures()).isEqualTo(1);
  }

  @Test
  void anUnknownJobIsNotFound() {
    try (HttpJobDetails port = Ports.signed(server, time).build()) {

      assertThatThrownBy(() -> port.versionDetails(JobVersionRef.of(77, 3)))
          .isInstanceOf(JobNotFoundException.class)
          .hasMessage(
              "training job 77 version 3 not found (ModelArts.2775, HTTP 400,"
                  + " request req-unknown)");
    }
  }
}
