package io.github.modelartsjobs.http;

import io.github.modelartsjobs.core.port.AdapterSettings;
import io.github.modelartsjobs.core.port.JobDetailsAdapterProvider;
import io.github.modelartsjobs.core.port.JobDetailsPort;

/**
 * Makes the live service available under the adapter name {@code http}: {@link
 * #create(AdapterSettings)} is {@link HttpJobDetails#fromSettings(AdapterSettings)}, whose builder
 * lists the settings keys.
 */
public final class HttpJobDetailsProvider implements JobDetailsAdapterProvider {

  /** The adapter name, {@value}. */
  public static final String NAME = "http";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public HttpJobDetailsProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "the live ModelArts service over HTTPS (AK/SK signing or IAM tokens)";
  }

  @Override
  public JobDetailsPort create(AdapterSettings settings) {
    return HttpJobDetails.fromSettings(settings);
  }
}
