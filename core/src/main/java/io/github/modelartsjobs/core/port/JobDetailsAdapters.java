package io.github.modelartsjobs.core.port;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds adapters by name among the {@link JobDetailsAdapterProvider}s on the class path, so that an
 * application swaps adapters by configuration alone.
 */
public final class JobDetailsAdapters {

  /** The settings key that names the adapter, for {@link #create(AdapterSettings)}. */
  public static final String ADAPTER_KEY = "adapter";

  private JobDetailsAdapters() {}

  /**
   * The adapters on the class path of this class, sorted by name.
   *
   * @return the providers found
   */
  public static List<JobDetailsAdapterProvider> available() {
    return available(JobDetailsAdapters.class.getClassLoader());
  }

  /**
   * The adapters a class loader sees, sorted by name.
   *
   * @param loader the class loader to search
   * @return the providers found
   */
  public static List<JobDetailsAdapterProvider> available(ClassLoader loader) {
    List<JobDetailsAdapterProvider> found = new ArrayList<>();
    ServiceLoader.load(JobDetailsAdapterProvider.class, loader).forEach(found::add);
    found.sort(Comparator.comparing(JobDetailsAdapterProvider::name));
    return found;
  }

  /**
   * Builds the adapter that the {@value #ADAPTER_KEY} setting names.
   *
   * @param settings the settings, including {@value #ADAPTER_KEY}
   * @return a new port, which the caller closes
   * @throws InvalidSettingsException if the name is missing or unknown (the message lists the
   *     adapters available), or the adapter rejects a setting
   */
  public static JobDetailsPort create(AdapterSettings settings) {
    String name = settings.require(ADAPTER_KEY, "the name of an adapter, one of " + names());
    return create(name, settings);
  }

  /**
   * Builds the named adapter.
   *
   * @param name the adapter name, such as {@code fixtures} or {@code http}
   * @param settings the adapter's settings
   * @return a new port, which the caller closes
   * @throws InvalidSettingsException if no adapter has that name (the message lists the adapters
   *     available), or the adapter rejects a setting
   */
  public static JobDetailsPort create(String name, AdapterSettings settings) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(settings, "settings");
    for (JobDetailsAdapterProvider provider : available()) {
      if (provider.name().equals(name.strip())) {
        return provider.create(settings);
      }
    }
    throw new InvalidSettingsException(
        "adapter must be one of " + names() + ", but was \"" + name + "\"");
  }

  private static String names() {
    List<JobDetailsAdapterProvider> providers = available();
    if (providers.isEmpty()) {
      return "(none on the class path)";
    }
    return providers.stream()
        .map(JobDetailsAdapterProvider::name)
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
