package io.github.modelartsjobs.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.github.modelartsjobs.architecture.sample.app.ApplicationSample;
import io.github.modelartsjobs.architecture.sample.codec.CodecUsingFeign;
import io.github.modelartsjobs.architecture.sample.codec.CodecUsingFixtures;
import io.github.modelartsjobs.architecture.sample.core.CoreThatLogs;
import io.github.modelartsjobs.architecture.sample.core.CoreUsingJackson;
import io.github.modelartsjobs.architecture.sample.fixtures.FixturesUsingHttp;
import io.github.modelartsjobs.architecture.sample.http.HttpThatPrints;
import io.github.modelartsjobs.architecture.sample.http.HttpUsingFixtures;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule, made for the sample modules under {@code ...architecture.sample}, reports the sample
 * class that breaks it, and fails when it has nothing to check.
 */
class RulesCatchViolationsTest {

  private static final Modules SAMPLE = new Modules("io.github.modelartsjobs.architecture.sample");

  private final ArchitectureRules rules = new ArchitectureRules(SAMPLE);
  private static final JavaClasses SAMPLES = new ClassFileImporter().importPackages(SAMPLE.base());

  @Test
  void coreUsingJacksonBreaksTheJdkOnlyRule() {
    EvaluationResult result = rules.coreDependsOnlyOnTheJdk().evaluate(SAMPLES);

    assertThat(violations(result)).anyMatch(mentions(CoreUsingJackson.class));
  }

  @Test
  void coreUsingJacksonBreaksTheIntegrationLibraryRule() {
    EvaluationResult result = rules.coreUsesNoIntegrationLibrary().evaluate(SAMPLES);

    assertThat(violations(result))
        .anyMatch(mentions(CoreUsingJackson.class))
        .noneMatch(mentions(CoreThatLogs.class));
  }

  @Test
  void coreUsingTheJdkLoggerBreaksTheLoggingRule() {
    EvaluationResult result = rules.coreDoesNotLog().evaluate(SAMPLES);

    assertThat(violations(result))
        .anyMatch(v -> v.contains(CoreThatLogs.class.getName()) && v.contains("System$Logger"))
        .anyMatch(v -> v.contains(CoreThatLogs.class.getName()) && v.contains("java.util.logging"));
  }

  @Test
  void codecUsingFeignOrAnAdapterBreaksTheCodecRule() {
    EvaluationResult result = rules.codecDependsOnlyOnCoreAndJackson().evaluate(SAMPLES);

    assertThat(violations(result))
        .anyMatch(mentions(CodecUsingFeign.class))
        .anyMatch(mentions(CodecUsingFixtures.class));
  }

  @Test
  void adaptersUsingEachOtherBreakTheIndependenceRule() {
    EvaluationResult result = rules.adaptersDoNotDependOnEachOther().evaluate(SAMPLES);

    assertThat(violations(result))
        .anyMatch(mentions(FixturesUsingHttp.class))
        .anyMatch(mentions(HttpUsingFixtures.class));
  }

  @Test
  void anythingButTheApplicationUsingAnAdapterBreaksTheWiringRule() {
    EvaluationResult result = rules.onlyTheApplicationUses(SAMPLE.fixtures()).evaluate(SAMPLES);

    assertThat(violations(result))
        .anyMatch(mentions(CodecUsingFixtures.class))
        .anyMatch(mentions(HttpUsingFixtures.class))
        .noneMatch(mentions(ApplicationSample.class));
  }

  @Test
  void adapterPrintingToTheConsoleBreaksTheStreamsRule() {
    EvaluationResult result = rules.onlyTheApplicationUsesStandardStreams().evaluate(SAMPLES);

    assertThat(violations(result))
        .anyMatch(mentions(HttpThatPrints.class))
        .noneMatch(mentions(ApplicationSample.class));
  }

  @Test
  void packagesUsingEachOtherBreakTheCycleRule() {
    EvaluationResult result = rules.packagesAreFreeOfCycles().evaluate(SAMPLES);

    assertThat(violations(result))
        .anyMatch(v -> v.contains("Cycle detected"))
        .anyMatch(mentions(FixturesUsingHttp.class));
  }

  @Test
  void publicSignatureWithAJacksonTypeBreaksTheApiRule() {
    EvaluationResult result = rules.libraryApiExposesNoIntegrationType().evaluate(SAMPLES);

    assertThat(violations(result))
        .anyMatch(
            v ->
                v.contains(CodecUsingFeign.class.getName() + ".factory()")
                    && v.contains("com.fasterxml.jackson.core.JsonFactory"))
        .anyMatch(v -> v.contains("feign.Request"))
        .noneMatch(v -> v.contains("hidden"));
  }

  static Stream<String> ruleNames() {
    return new ArchitectureRules(SAMPLE).all().keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ruleNames")
  void ruleWithNothingToCheckFails(String name) {
    ArchRule rule = rules.all().get(name);
    JavaClasses unrelated = new ClassFileImporter().importClasses(String.class, List.class);

    Throwable failure = catchThrowable(() -> rule.evaluate(unrelated));

    assertThat(failure)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("failed to check any classes");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ruleNames")
  void everyRuleStatesItsReason(String name) {
    String description = rules.all().get(name).getDescription();

    assertThat(description).contains(", because ");
  }

  private static List<String> violations(EvaluationResult result) {
    assertThat(result.hasViolation()).isTrue();
    return result.getFailureReport().getDetails();
  }

  private static Predicate<String> mentions(Class<?> type) {
    return violation -> violation.contains(type.getName());
  }
}
