package io.github.modelartsjobs.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import io.github.modelartsjobs.app.Main;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules see every module's production classes and nothing else, so none passes vacuously. */
class ImportedClassesTest {

  private final JavaClasses classes = ProductionClasses.get();

  static Stream<String> moduleRootPackages() {
    return Modules.PRODUCTION.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moduleRootPackages")
  void classesOfEveryModuleAreImported(String rootPackage) {
    List<String> inModule =
        classes.stream()
            .map(JavaClass::getName)
            .filter(name -> name.startsWith(rootPackage + "."))
            .toList();

    assertThat(inModule).as("classes imported from %s", rootPackage).isNotEmpty();
  }

  @Test
  void knownClassesOfCoreAndTheApplicationAreImported() {
    assertThat(classes.contain(TrainingJob.class)).isTrue();
    assertThat(classes.contain(JobDetailsPort.class)).isTrue();
    assertThat(classes.contain(Main.class)).isTrue();
  }

  @Test
  void testClassesAreNotImported() {
    assertThat(classes.stream().map(JavaClass::getName))
        .noneMatch(name -> name.startsWith("io.github.modelartsjobs.architecture."))
        .noneMatch(name -> name.endsWith("Test"))
        .noneMatch(name -> name.startsWith("io.github.modelartsjobs.core.testing."));
  }

  @Test
  void ruleThatChecksNothingFails() {
    String failOnEmptyShould = ArchConfiguration.get().getProperty("archRule.failOnEmptyShould");

    assertThat(failOnEmptyShould).isEqualTo("true");
  }
}
