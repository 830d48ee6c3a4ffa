package io.github.modelartsjobs.architecture;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Checks every architecture rule against the production classes of all modules. */
class ArchitectureRulesTest {

  private final JavaClasses classes = ProductionClasses.get();

  @TestFactory
  Stream<DynamicTest> productionClassesFollowEveryRule() {
    return new ArchitectureRules(Modules.PRODUCTION)
        .all().entrySet().stream()
            .map(rule -> dynamicTest(rule.getKey(), () -> rule.getValue().check(classes)));
  }
}
