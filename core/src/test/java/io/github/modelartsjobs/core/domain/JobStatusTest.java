package io.github.modelartsjobs.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JobStatusTest {

  /** Section 3 of the API reference: code, name and our reading of its class. */
  @ParameterizedTest(name = "{0} is {1}, {2}")
  @CsvSource({
    "0, JOBSTAT_UNKNOWN, UNKNOWN",
    "1, JOBSTAT_INIT, ACTIVE",
    "2, JOBSTAT_IMAGE_CREATING, ACTIVE",
    "3, JOBSTAT_IMAGE_FAILED, FAILED",
    "4, JOBSTAT_SUBMIT_TRYING, ACTIVE",
    "5, JOBSTAT_SUBMIT_FAILED, FAILED",
    "6, JOBSTAT_DELETE_FAILED, FAILED",
    "7, JOBSTAT_WAITING, ACTIVE",
    "8, JOBSTAT_RUNNING, ACTIVE",
    "9, JOBSTAT_KILLING, ACTIVE",
    "10, JOBSTAT_COMPLETED, SUCCEEDED",
    "11, JOBSTAT_FAILED, FAILED",
    "12, JOBSTAT_KILLED, CANCELED",
    "13, JOBSTAT_CANCELED, CANCELED",
    "14, JOBSTAT_LOST, FAILED",
    "15, JOBSTAT_SCALING, ACTIVE",
    "16, JOBSTAT_SUBMIT_MODEL_FAILED, FAILED",
    "17, JOBSTAT_DEPLOY_SERVICE_FAILED, FAILED",
    "18, JOBSTAT_CHECK_INIT, ACTIVE",
    "19, JOBSTAT_CHECK_RUNNING, ACTIVE",
    "20, JOBSTAT_CHECK_RUNNING_COMPLETED, SUCCEEDED",
    "21, JOBSTAT_CHECK_FAILED, FAILED",
    "22, MOUNT_FAILED, FAILED",
  })
  void documentedCodeHasItsNameAndClass(int code, String name, StatusClass statusClass) {
    JobStatus status = JobStatus.of(code);

    assertThat(status.code()).isEqualTo(code);
    assertThat(status.name()).contains(name);
    assertThat(status.statusClass()).isEqualTo(statusClass);
    assertThat(status.isKnown()).isTrue();
    assertThat(status.isTerminal()).isEqualTo(statusClass.isTerminal());
    assertThat(status.isActive()).isEqualTo(statusClass == StatusClass.ACTIVE);
    assertThat(status.isSucceeded()).isEqualTo(statusClass == StatusClass.SUCCEEDED);
    assertThat(status.isFailed()).isEqualTo(statusClass == StatusClass.FAILED);
    assertThat(status.isCanceled()).isEqualTo(statusClass == StatusClass.CANCELED);
    assertThat(status).hasToString(name + "(" + code + ")");
  }

  @Test
  void documentedListsTheCodesZeroToTwentyTwoInOrder() {
    List<JobStatus> documented = JobStatus.documented();

    assertThat(documented).extracting(JobStatus::code).containsExactlyElementsOf(range(0, 22));
  }

  @Test
  void documentedCodeGivesItsConstant() {
    assertThat(JobStatus.of(8)).isSameAs(JobStatus.RUNNING);
    assertThat(JobStatus.of(10)).isSameAs(JobStatus.COMPLETED);
    assertThat(JobStatus.of(22)).isSameAs(JobStatus.MOUNT_FAILED);
  }

  @Test
  void unknownCodeZeroIsNotTerminal() {
    JobStatus status = JobStatus.of(0);

    assertThat(status.isKnown()).isTrue();
    assertThat(status.isTerminal()).isFalse();
    assertThat(status.isActive()).isFalse();
  }

  @ParameterizedTest(name = "code {0}")
  @ValueSource(ints = {-1, 23, 42, 1000, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void undocumentedCodeKeepsItsNumberAndIsNotTerminal(int code) {
    JobStatus status = JobStatus.of(code);

    assertThat(status.code()).isEqualTo(code);
    assertThat(status.name()).isEmpty();
    assertThat(status.isKnown()).isFalse();
    assertThat(status.statusClass()).isEqualTo(StatusClass.UNKNOWN);
    assertThat(status.isTerminal()).isFalse();
    assertThat(status.isFailed()).isFalse();
    assertThat(status).hasToString("unknown status " + code);
  }

  @Test
  void undocumentedCodeKeepsTheNameTheServiceSent() {
    JobStatus status = JobStatus.of(42, "JOBSTAT_PAUSED");

    assertThat(status.code()).isEqualTo(42);
    assertThat(status.name()).contains("JOBSTAT_PAUSED");
    assertThat(status.statusClass()).isEqualTo(StatusClass.UNKNOWN);
    assertThat(status.isTerminal()).isFalse();
    assertThat(status).hasToString("unknown status 42 JOBSTAT_PAUSED");
  }

  @Test
  void documentedCodeIgnoresANameSentAlongside() {
    JobStatus status = JobStatus.of(8, "SOMETHING_ELSE");

    assertThat(status).isSameAs(JobStatus.RUNNING);
  }

  @Test
  void undocumentedCodeWithoutANameIsTheSameAsTheCodeAlone() {
    assertThat(JobStatus.of(42, null)).isEqualTo(JobStatus.of(42));
  }

  @Test
  void unknownStatusesAreEqualByCodeAndName() {
    JobStatus first = JobStatus.of(42, "X");
    JobStatus same = JobStatus.of(42, "X");

    assertThat(first).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(first).isNotEqualTo(JobStatus.of(42, "Y"));
    assertThat(first).isNotEqualTo(JobStatus.of(42));
    assertThat(JobStatus.of(42)).isNotEqualTo(JobStatus.of(43));
    assertThat(Optional.of(JobStatus.of(42))).isEqualTo(Optional.of(JobStatus.of(42)));
  }

  @Test
  void documentedStatusDiffersFromEveryOther() {
    assertThat(JobStatus.RUNNING).isNotEqualTo(JobStatus.WAITING);
    assertThat(JobStatus.KILLED).isNotEqualTo(JobStatus.CANCELED);
    assertThat(JobStatus.RUNNING).isNotEqualTo("JOBSTAT_RUNNING");
  }

  private static List<Integer> range(int from, int to) {
    return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
  }
}
