package io.github.modelartsjobs.http;

import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Response;

/**
 * The two calls of the training-job API this adapter makes, as a Feign interface. Each returns the
 * raw {@link Response}, whose body the caller reads with bounds and decodes with the codec; the
 * {@link Request.Options} argument carries the read timeout of the attempt, cut to the time left
 * before the call deadline.
 */
@Headers({"Content-Type: application/json", "X-Project-Id: {projectId}"})
interface ModelArtsApi {

  /** {@code GET /v1/{project_id}/training-jobs/{job_id}/versions/{version_id}}. */
  @RequestLine("GET /v1/{projectId}/training-jobs/{jobId}/versions/{versionId}")
  Response versionDetails(
      @Param("projectId") String projectId,
      @Param("jobId") long jobId,
      @Param("versionId") long versionId,
      Request.Options options);

  /** {@code GET /v1/{project_id}/training-jobs/{job_id}/versions?per_page=&page=}, pages from 1. */
  @RequestLine("GET /v1/{projectId}/training-jobs/{jobId}/versions?per_page={perPage}&page={page}")
  Response versions(
      @Param("projectId") String projectId,
      @Param("jobId") long jobId,
      @Param("perPage") int perPage,
      @Param("page") int page,
      Request.Options options);
}
