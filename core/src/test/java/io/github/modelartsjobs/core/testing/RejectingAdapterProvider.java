package io.github.modelartsjobs.core.testing;

import io.github.modelartsjobs.core.port.AdapterSettings;
import io.github.modelartsjobs.core.port.InvalidSettingsException;
import io.github.modelartsjobs.core.port.JobDetailsAdapterProvider;
import io.github.modelartsjobs.core.port.JobDetailsPort;

/**
 * A provider registered for core's tests only, named {@value #NAME}, that rejects every set of
 * settings, as an adapter does when a required setting is missing.
 */
public final class RejectingAdapterProvider implements JobDetailsAdapterProvider {

  /** The adapter name. */
  public static final String NAME = "rejecting";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "rejects every setting, for tests";
  }

  @Override
  public JobDetailsPort create(AdapterSettings settings) {
    throw new InvalidSettingsException("rejecting.reason must be set to a reason");
  }
}
