package io.github.modelartsjobs.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusClassTest {

  @ParameterizedTest(name = "{0} terminal: {1}")
  @CsvSource({
    "UNKNOWN, false",
    "ACTIVE, false",
    "SUCCEEDED, true",
    "FAILED, true",
    "CANCELED, true",
  })
  void onlyEndedClassesAreTerminal(StatusClass statusClass, boolean terminal) {
    assertThat(statusClass.isTerminal()).isEqualTo(terminal);
  }

  @Test
  void thereAreFiveClasses() {
    assertThat(StatusClass.values())
        .containsExactly(
            StatusClass.UNKNOWN,
            StatusClass.ACTIVE,
            StatusClass.SUCCEEDED,
            StatusClass.FAILED,
            StatusClass.CANCELED);
  }

  @Test
  void everyClassHasADocumentedStatus() {
    assertThat(JobStatus.documented())
        .extracting(JobStatus::statusClass)
        .containsAll(Arrays.asList(StatusClass.values()));
  }
}
