package io.github.modelartsjobs.bench;

import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Response;

/**
 * The version-details call declared for Feign with nothing around it: no signing, no retry, no
 * circuit breaker, no decoding. The end-to-end benchmark uses it as a reference that shows how much
 * of the adapter's cost is Feign's own.
 */
interface PlainFeignApi {

  /**
   * Fetches the details of one version.
   *
   * @param project the project id
   * @param jobId the job id
   * @param versionId the version id
   * @param options the timeouts of this call
   * @return the raw response, which the caller closes
   */
  @RequestLine("GET /v1/{project}/training-jobs/{job}/versions/{version}")
  @Headers({"Content-Type: application/json", "X-Project-Id: {project}"})
  Response versionDetails(
      @Param("project") String project,
      @Param("job") long jobId,
      @Param("version") long versionId,
      Request.Options options);
}
