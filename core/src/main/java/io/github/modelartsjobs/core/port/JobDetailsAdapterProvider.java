package io.github.modelartsjobs.core.port;

/**
 * The service-provider interface through which an application finds adapters by name. Each adapter
 * module registers one implementation in {@code
 * META-INF/services/io.github.modelartsjobs.core.port.JobDetailsAdapterProvider}; {@link
 * JobDetailsAdapters} loads them with {@link java.util.ServiceLoader}.
 */
public interface JobDetailsAdapterProvider {

  /** The name an application chooses this adapter by, such as {@code fixtures} or {@code http}. */
  String name();

  /** One line saying what the adapter reads from. */
  String description();

  /**
   * Builds the port from plain settings.
   *
   * @param settings the settings; the adapter reads the keys it documents and ignores others
   * @return a new port, which the caller closes
   * @throws InvalidSettingsException if a setting is missing or wrong
   */
  JobDetailsPort create(AdapterSettings settings);
}
