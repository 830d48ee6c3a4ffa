package io.github.modelartsjobs.architecture.sample.codec;

import com.fasterxml.jackson.core.JsonFactory;
import feign.Request;

/**
 * Breaks the codec rule with a Feign type, and the API rule with public Jackson and Feign types.
 */
public class CodecUsingFeign {

  /** A public Feign type. */
  public Request request;

  /** A public Jackson type. */
  public JsonFactory factory() {
    return new JsonFactory();
  }

  JsonFactory hidden() {
    return new JsonFactory();
  }
}
