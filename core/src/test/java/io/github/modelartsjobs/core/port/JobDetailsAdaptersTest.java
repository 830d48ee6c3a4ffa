package io.github.modelartsjobs.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.error.JobNotFoundException;
import io.github.modelartsjobs.core.testing.InMemoryAdapterProvider;
import io.github.modelartsjobs.core.testing.RejectingAdapterProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs against the two providers that core's test resources register. */
class JobDetailsAdaptersTest {

  @Test
  void availableListsTheRegisteredProvidersSortedByName() {
    assertThat(JobDetailsAdapters.available())
        .extracting(JobDetailsAdapterProvider::name)
        .containsExactly(InMemoryAdapterProvider.NAME, RejectingAdapterProvider.NAME);
  }

  @Test
  void classLoaderThatSeesNoProviderFindsNone() {
    ClassLoader bootstrapOnly = new ClassLoader(null) {};

    assertThat(JobDetailsAdapters.available(bootstrapOnly)).isEmpty();
  }

  @Test
  void adapterNamedInTheSettingsIsBuiltFromThem() {
    AdapterSettings settings =
        AdapterSettings.of(Map.of("adapter", "in-memory", "in-memory.jobs", "10/12, 10/13"));

    try (JobDetailsPort port = JobDetailsAdapters.create(settings)) {

      assertThat(port.versionDetails(JobVersionRef.of(10, 13)).status())
          .contains(JobStatus.COMPLETED);
      assertThat(port.versions(10).versions()).hasSize(2);
      assertThatThrownBy(() -> port.versionDetails(JobVersionRef.of(10, 14)))
          .isInstanceOf(JobNotFoundException.class);
    }
  }

  @Test
  void nameIsMatchedWithoutSurroundingWhiteSpace() {
    AdapterSettings settings = AdapterSettings.of(Map.of("in-memory.jobs", "1/1"));

    try (JobDetailsPort port = JobDetailsAdapters.create(" in-memory ", settings)) {

      assertThat(port.versionDetails(JobVersionRef.of(1, 1))).isNotNull();
    }
  }

  @Test
  void unknownAdapterNameIsRejectedListingTheAvailableOnes() {
    AdapterSettings settings = AdapterSettings.of(Map.of("adapter", "htp"));

    assertThatThrownBy(() -> JobDetailsAdapters.create(settings))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("adapter must be one of [in-memory, rejecting], but was \"htp\"");
  }

  @Test
  void missingAdapterNameIsRejectedListingTheAvailableOnes() {
    assertThatThrownBy(() -> JobDetailsAdapters.create(AdapterSettings.empty()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("adapter must be set to the name of an adapter, one of [in-memory, rejecting]");
  }

  @Test
  void settingRejectedByTheAdapterReachesTheCaller() {
    AdapterSettings settings = AdapterSettings.of(Map.of("adapter", "rejecting"));

    assertThatThrownBy(() -> JobDetailsAdapters.create(settings))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("rejecting.reason must be set to a reason");
  }
}
