package io.github.modelartsjobs.http;

import feign.Headers;
import feign.Request;
import feign.RequestLine;
import feign.Response;

/** The IAM call that issues a token for a user name and password, as a Feign interface. */
interface IamApi {

  /**
   * {@code POST /v3/auth/tokens}: answers 201 with the token in {@code X-Subject-Token}.
   *
   * @param body the JSON request, holding the password: never logged
   * @param options the timeouts of this attempt
   * @return the raw response
   */
  @RequestLine("POST /v3/auth/tokens")
  @Headers("Content-Type: application/json;charset=utf8")
  Response createToken(byte[] body, Request.Options options);
}
