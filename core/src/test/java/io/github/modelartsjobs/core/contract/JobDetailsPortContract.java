package io.github.modelartsjobs.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.modelartsjobs.core.domain.EngineType;
import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.StatusClass;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.AuthenticationException;
import io.github.modelartsjobs.core.error.InvalidResponseException;
import io.github.modelartsjobs.core.error.JobNotFoundException;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.error.PermissionDeniedException;
import io.github.modelartsjobs.core.error.RequestRejectedException;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviours every {@link JobDetailsPort} must show, written once and run against each adapter:
 * the fixtures adapter serves the bodies from files, the HTTP adapter from a stub server.
 *
 * <p>A subclass implements {@link #portServing(List)}. Each test serves the bodies it needs, calls
 * the port and checks what came back. The bodies are the shared samples ({@code /samples/*.json} in
 * core's test jar) or small bodies written here, always exactly as the service sends them.
 *
 * <p>Every expectation holds whether or not the adapter looks at the HTTP status of a {@link
 * Served} body: error bodies carry the code that decides, and their status agrees with it.
 */
public abstract class JobDetailsPortContract {

  /** The sample with job 10 version 10, as the API reference documents it. */
  protected static final String DOCS_VERSION_DETAIL = "docs-version-detail.json";

  /** The sample with job 9275 version 10617, captured from a real account. */
  protected static final String REALISTIC_VERSION_DETAIL = "realistic-version-detail.json";

  /** The sample with the two versions of job 10, newest first. */
  protected static final String DOCS_VERSIONS_LIST = "docs-versions-list.json";

  /** The documented error sample, code {@code ModelArts.0105}. */
  protected static final String DOCS_ERROR = "docs-error.json";

  /**
   * One body the port under test must serve.
   *
   * <p>Anything not served must behave as not found: the fixtures adapter has no file for it, and
   * the HTTP stub answers it with HTTP 400 and {@code ModelArts.2775}, as the service does.
   *
   * @param jobId the job id of the call
   * @param versionId the version id of the call, or null for the versions list of the job
   * @param httpStatus the HTTP status the stub answers with (adapters without HTTP ignore it)
   * @param body the body, exactly as the service sends it
   */
  public record Served(long jobId, Long versionId, int httpStatus, String body) {

    /** Checks the ids and that the body is there. */
    public Served {
      JobVersionRef.requirePositive("jobId", jobId);
      if (versionId != null) {
        JobVersionRef.requirePositive("versionId", versionId);
      }
      Objects.requireNonNull(body, "body");
    }

    /** The details of one version, answered with HTTP 200. */
    public static Served version(long jobId, long versionId, String body) {
      return new Served(jobId, versionId, 200, body);
    }

    /** The versions list of a job, answered with HTTP 200. */
    public static Served versions(long jobId, String body) {
      return new Served(jobId, null, 200, body);
    }

    /** Whether this is the versions list of its job. */
    public boolean isVersionsList() {
      return versionId == null;
    }
  }

  private final List<JobDetailsPort> opened = new ArrayList<>();

  /**
   * Builds a port that serves exactly these bodies and nothing else.
   *
   * @param bodies the bodies, at most one per job and version (and one list per job)
   * @return a new port; the suite closes it after each test
   * @throws Exception if the port cannot be set up
   */
  protected abstract JobDetailsPort portServing(List<Served> bodies) throws Exception;

  /** The text of a shared sample. */
  protected static String sample(String name) {
    try (InputStream in = JobDetailsPortContract.class.getResourceAsStream("/samples/" + name)) {
      if (in == null) {
        throw new IllegalStateException("sample " + name + " must be on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JobDetailsPort serving(Served... bodies) throws Exception {
    JobDetailsPort port = portServing(List.of(bodies));
    opened.add(port);
    return port;
  }

  @AfterEach
  void closePorts() {
    opened.forEach(JobDetailsPort::close);
  }

  // ---------------------------------------------------------------------------------------------
  // Details of a known version

  @Test
  void detailsOfAKnownVersionAreReadFromTheServedBody() throws Exception {
    JobDetailsPort port = serving(Served.version(10, 10, sample(DOCS_VERSION_DETAIL)));

    TrainingJob job = port.versionDetails(JobVersionRef.of(10, 10));

    assertThat(job.ref()).isEqualTo(JobVersionRef.of(10, 10));
    assertThat(job.jobName()).contains("TestModelArtsJob");
    assertThat(job.status()).contains(JobStatus.COMPLETED);
    assertThat(job.systemMetrics().orElseThrow().series()).hasSize(8);
    assertThat(job.modelMetrics().orElseThrow().forClass(0).orElseThrow().values().recall())
        .hasValue(0.005833);
  }

  @Test
  void eachServedVersionIsReadFromItsOwnBody() throws Exception {
    JobDetailsPort port =
        serving(
            Served.version(10, 10, sample(DOCS_VERSION_DETAIL)),
            Served.version(9275, 10617, sample(REALISTIC_VERSION_DETAIL)));

    TrainingJob realistic = port.versionDetails(JobVersionRef.of(9275, 10617));
    TrainingJob documented = port.versionDetails(JobVersionRef.of(10, 10));

    assertThat(realistic.jobName()).contains("billing-retest-001");
    assertThat(documented.jobName()).contains("TestModelArtsJob");
  }

  // ---------------------------------------------------------------------------------------------
  // Not found

  @Test
  void versionThatWasNotServedIsNotFound() throws Exception {
    JobDetailsPort port = serving(Served.version(10, 10, sample(DOCS_VERSION_DETAIL)));

    assertThatThrownBy(() -> port.versionDetails(JobVersionRef.of(10, 11)))
        .isInstanceOf(JobNotFoundException.class)
        .hasMessageContaining("training job 10 version 11 not found")
        .satisfies(e -> assertIds((ModelArtsException) e, 10L, 11L));
  }

  @Test
  void jobThatWasNotServedIsNotFound() throws Exception {
    JobDetailsPort port = serving(Served.version(10, 10, sample(DOCS_VERSION_DETAIL)));

    assertThatThrownBy(() -> port.versionDetails(JobVersionRef.of(77, 1)))
        .isInstanceOf(JobNotFoundException.class)
        .hasMessageContaining("training job 77 version 1 not found")
        .satisfies(e -> assertIds((ModelArtsException) e, 77L, 1L));
  }

  @Test
  void versionsOfAJobThatWasNotServedAreNotFound() throws Exception {
    JobDetailsPort port = serving(Served.version(10, 10, sample(DOCS_VERSION_DETAIL)));

    assertThatThrownBy(() -> port.versions(77))
        .isInstanceOf(JobNotFoundException.class)
        .hasMessageContaining("training job 77")
        .satisfies(e -> assertThat(((ModelArtsException) e).context().jobId()).isEqualTo(77L));
  }

  @Test
  void notFoundBodyIsJobNotFoundWithTheServiceCode() throws Exception {
    JobDetailsPort port =
        serving(new Served(10, 12L, 400, errorBody("ModelArts.2775", "job not found")));

    assertThatThrownBy(() -> port.versionDetails(JobVersionRef.of(10, 12)))
        .isInstanceOf(JobNotFoundException.class)
        .hasMessageContaining("training job 10 version 12 not found (ModelArts.2775")
        .satisfies(
            e -> {
              assertIds((ModelArtsException) e, 10L, 12L);
              assertThat(((ModelArtsException) e).context().errorCode())
                  .isEqualTo("ModelArts.2775");
            });
  }

  @Test
  void notFoundBodyForAVersionsListIsJobNotFound() throws Exception {
    JobDetailsPort port =
        serving(new Served(10, null, 400, errorBody("ModelArts.2775", "job not found")));

    assertThatThrownBy(() -> port.versions(10))
        .isInstanceOf(JobNotFoundException.class)
        .satisfies(
            e ->
                assertThat(((ModelArtsException) e).context().errorCode())
                    .isEqualTo("ModelArts.2775"));
  }

  // ---------------------------------------------------------------------------------------------
  // Versions newest first

  @Test
  void versionsOfAJobComeNewestFirst() throws Exception {
    JobDetailsPort port = serving(Served.versions(10, sample(DOCS_VERSIONS_LIST)));

    JobVersions versions = port.versions(10);

    assertThat(versions.jobId()).isEqualTo(10);
    assertThat(versions.versions()).extracting(TrainingJob::versionId).containsExactly(10L, 5L);
    assertThat(versions.latest().orElseThrow().status()).contains(JobStatus.COMPLETED);
    assertThat(versions.versions())
        .allSatisfy(v -> assertThat(v.systemMetrics().orElseThrow().series()).hasSize(3));
  }

  // ---------------------------------------------------------------------------------------------
  // Error bodies become typed errors

  @Test
  void documentedErrorBodyIsTheTypedErrorForItsCode() throws Exception {
    JobDetailsPort port = serving(new Served(10, 12L, 400, sample(DOCS_ERROR)));

    assertThatThrownBy(() -> port.versionDetails(JobVersionRef.of(10, 12)))
        .isInstanceOf(RequestRejectedException.class)
        .hasMessageContaining("ModelArts.0105")
        .hasMessageEndingWith(": Error string")
        .satisfies(
            e -> {
              ModelArtsException error = (ModelArtsException) e;
              assertThat(error.context().errorCode()).isEqualTo("ModelArts.0105");
              assertThat(error.context().serviceMessage()).isEqualTo("Error string");
              assertThat(error.isTransient()).isFalse();
            });
  }

  @Test
  void failureReportedInsideASuccessfulAnswerIsTheTypedError() throws Exception {
    JobDetailsPort port =
        serving(Served.version(10, 12, errorBody("ModelArts.0104", "invalid parameter")));

    assertThatThrownBy(() -> port.versionDetails(JobVersionRef.of(10, 12)))
        .isInstanceOf(RequestRejectedException.class)
        .satisfies(
            e -> {
              assertThat(((ModelArtsException) e).context().errorCode())
                  .isEqualTo("ModelArts.0104");
              assertThat(((ModelArtsException) e).context().serviceMessage())
                  .isEqualTo("invalid parameter");
            });
  }

  @Test
  void notFoundReportedInsideASuccessfulAnswerIsJobNotFound() throws Exception {
    JobDetailsPort port =
        serving(Served.version(10, 12, errorBody("ModelArts.2775", "job not found")));

    assertThatThrownBy(() -> port.versionDetails(JobVersionRef.of(10, 12)))
        .isInstanceOf(JobNotFoundException.class);
  }

  @Test
  void gatewaySignatureErrorIsAnAuthenticationError() throws Exception {
    String body =
        "{\"error_code\": \"APIGW.0301\", \"error_msg\": \"Incorrect IAM authentication"
            + " information\", \"request_id\": \"5f3c0a9e\"}";
    JobDetailsPort port = serving(new Served(10, 10L, 401, body));

    assertThatThrownBy(() -> port.versionDetails(JobVersionRef.of(10, 10)))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("APIGW.0301")
        .satisfies(
            e -> {
              assertThat(((ModelArtsException) e).context().errorCode()).isEqualTo("APIGW.0301");
              assertThat(((ModelArtsException) e).context().requestId()).isEqualTo("5f3c0a9e");
            });
  }

  @Test
  void notAuthorisedBodyIsPermissionDenied() throws Exception {
    JobDetailsPort port =
        serving(new Served(10, 10L, 403, errorBody("ModelArts.0108", "not authorized")));

    assertThatThrownBy(() -> port.versionDetails(JobVersionRef.of(10, 10)))
        .isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void bodyThatIsNotJsonIsAnInvalidResponse() throws Exception {
    JobDetailsPort port =
        serving(Served.version(10, 10, "<html><body>502 Bad Gateway</body></html>"));

    assertThatThrownBy(() -> port.versionDetails(JobVersionRef.of(10, 10)))
        .isInstanceOf(InvalidResponseException.class);
  }

  @Test
  void bodyWithoutAVersionIdIsAnInvalidResponseNamingTheField() throws Exception {
    JobDetailsPort port =
        serving(Served.version(10, 10, "{\"is_success\": true, \"job_id\": 10, \"status\": 8}"));

    assertThatThrownBy(() -> port.versionDetails(JobVersionRef.of(10, 10)))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("version_id");
  }

  // ---------------------------------------------------------------------------------------------
  // Unknown codes and undocumented fields survive

  @Test
  void unknownStatusAndEngineCodesSurviveWithTheirNumbers() throws Exception {
    String body =
        "{\"is_success\": true, \"job_id\": 10, \"version_id\": 20, \"status\": 42,"
            + " \"engine_type\": 1000, \"engine_name\": \"INNER_TensorFlow\"}";
    JobDetailsPort port = serving(Served.version(10, 20, body));

    TrainingJob job = port.versionDetails(JobVersionRef.of(10, 20));

    JobStatus status = job.status().orElseThrow();
    assertThat(status.code()).isEqualTo(42);
    assertThat(status.isKnown()).isFalse();
    assertThat(status.statusClass()).isEqualTo(StatusClass.UNKNOWN);
    assertThat(status.isTerminal()).isFalse();
    assertThat(job.engine().type()).contains(EngineType.of(1000));
    assertThat(job.engine().type().orElseThrow().isKnown()).isFalse();
    assertThat(job.engine().name()).contains("INNER_TensorFlow");
  }

  @Test
  void realAccountPayloadKeepsItsUnknownEngine() throws Exception {
    JobDetailsPort port = serving(Served.version(9275, 10617, sample(REALISTIC_VERSION_DETAIL)));

    TrainingJob job = port.versionDetails(JobVersionRef.of(9275, 10617));

    assertThat(job.engine().type().orElseThrow().code()).isEqualTo(1000);
    assertThat(job.engine().displayName()).contains("INNER_TensorFlow");
    assertThat(job.resources().cores()).hasValue(8);
    assertThat(job.resources().memoryGb()).hasValue(64);
  }

  @Test
  void undocumentedFieldsSurviveAsSent() throws Exception {
    JobDetailsPort port = serving(Served.version(9275, 10617, sample(REALISTIC_VERSION_DETAIL)));

    TrainingJob job = port.versionDetails(JobVersionRef.of(9275, 10617));

    Map<String, Object> other = job.undocumentedFields();
    assertThat(other).containsKeys("flavor_info", "billing", "pool_type", "job_type");
    assertThat(other.get("billing"))
        .isEqualTo(Map.of("unit_num", 1L, "code", "modelarts.vm.gpu.v100NV"));
    assertThat(job.parameters().orElseThrow().get(0).otherFields())
        .containsEntry("required", true)
        .containsKey("tip");
    assertThat(job.modelMetrics().orElseThrow().otherFields()).containsKey("images_outputs");
  }

  @Test
  void undocumentedKeysOfListedVersionsSurvive() throws Exception {
    JobDetailsPort port = serving(Served.versions(10, sample(DOCS_VERSIONS_LIST)));

    JobVersions versions = port.versions(10);

    assertThat(versions.versions())
        .allSatisfy(v -> assertThat(v.undocumentedFields()).containsEntry("gpu", true));
  }

  // ---------------------------------------------------------------------------------------------

  /** An error body as the service sends it, with {@code "is_success": false}. */
  protected static String errorBody(String code, String message) {
    return "{\"is_success\": false, \"error_code\": \""
        + code
        + "\", \"error_message\": \""
        + message
        + "\"}";
  }

  private static void assertIds(ModelArtsException e, Long jobId, Long versionId) {
    assertThat(e.context().jobId()).isEqualTo(jobId);
    assertThat(e.context().versionId()).isEqualTo(versionId);
  }
}
