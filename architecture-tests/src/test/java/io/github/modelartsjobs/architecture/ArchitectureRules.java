package io.github.modelartsjobs.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static io.github.modelartsjobs.architecture.Modules.tree;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The architecture of this project as ArchUnit rules, each stating its reason. The rules are made
 * for a set of {@link Modules}, so that the same rules can be shown to catch violations in sample
 * classes under another base package.
 */
final class ArchitectureRules {

  /** Packages of the libraries that only adapters may use. */
  static final String[] INTEGRATION_LIBRARIES = {
    "feign..", "com.fasterxml.jackson..", "io.github.resilience4j..", "org.slf4j.."
  };

  /** Packages of logging libraries. */
  static final String[] LOGGING = {
    "org.slf4j..",
    "java.util.logging..",
    "org.apache.logging..",
    "org.apache.commons.logging..",
    "ch.qos.logback.."
  };

  private final Modules modules;

  ArchitectureRules(Modules modules) {
    this.modules = modules;
  }

  /** Every rule by a short name, in a stable order. */
  Map<String, ArchRule> all() {
    Map<String, ArchRule> rules = new LinkedHashMap<>();
    rules.put("core depends only on the JDK", coreDependsOnlyOnTheJdk());
    rules.put("core uses no integration library", coreUsesNoIntegrationLibrary());
    rules.put("core does not log", coreDoesNotLog());
    rules.put("codec depends only on core and Jackson", codecDependsOnlyOnCoreAndJackson());
    rules.put("adapters do not depend on each other", adaptersDoNotDependOnEachOther());
    for (String adapter : modules.adapters()) {
      rules.put("only the application uses " + adapter, onlyTheApplicationUses(adapter));
    }
    rules.put(
        "only the application uses standard streams", onlyTheApplicationUsesStandardStreams());
    rules.put("packages are free of cycles", packagesAreFreeOfCycles());
    rules.put("library API exposes no integration type", libraryApiExposesNoIntegrationType());
    return rules;
  }

  ArchRule coreDependsOnlyOnTheJdk() {
    return classes()
        .that()
        .resideInAPackage(tree(modules.core()))
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", tree(modules.core()))
        .because(
            "core is the pure domain: it must build and run on the JDK alone, so that every"
                + " adapter and application can use it without taking on a library");
  }

  ArchRule coreUsesNoIntegrationLibrary() {
    return noClasses()
        .that()
        .resideInAPackage(tree(modules.core()))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(INTEGRATION_LIBRARIES)
        .because(
            "HTTP, JSON, resilience and logging belong to adapters; a caller of the port must"
                + " never see a Feign, Jackson, Resilience4j or SLF4J type");
  }

  ArchRule coreDoesNotLog() {
    return noClasses()
        .that()
        .resideInAPackage(tree(modules.core()))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(LOGGING)
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(System.Logger.class, System.LoggerFinder.class)
        .because(
            "core reports through return values and exceptions; adapters log their calls and the"
                + " application decides where logs go");
  }

  ArchRule codecDependsOnlyOnCoreAndJackson() {
    return classes()
        .that()
        .resideInAPackage(tree(modules.codec()))
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..", tree(modules.core()), tree(modules.codec()), "com.fasterxml.jackson..")
        .because(
            "the JSON mapping is shared by every adapter, so it must not bring in HTTP,"
                + " resilience or logging libraries, nor any adapter");
  }

  ArchRule adaptersDoNotDependOnEachOther() {
    return slices()
        .matching(modules.base() + ".(*)..")
        .that(areAdapters())
        .should()
        .notDependOnEachOther()
        .because(
            "each adapter is a separate way of reaching the service behind the same port;"
                + " one adapter using another would couple their releases and hide a shared"
                + " concern that belongs in core or the codec");
  }

  ArchRule onlyTheApplicationUses(String adapter) {
    return classes()
        .that()
        .resideInAPackage(tree(adapter))
        .should()
        .onlyHaveDependentClassesThat()
        .resideInAnyPackage(tree(adapter), tree(modules.app()))
        .because(
            "adapters are chosen by configuration and wired by the application; everything else"
                + " reaches them only through the port");
  }

  ArchRule onlyTheApplicationUsesStandardStreams() {
    return noClasses()
        .that()
        .resideInAPackage(tree(modules.base()))
        .and()
        .resideOutsideOfPackage(tree(modules.app()))
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .because(
            "a library must not write to the console of the application that embeds it; only"
                + " the command line application prints");
  }

  ArchRule packagesAreFreeOfCycles() {
    return slices()
        .matching(modules.base() + ".(**)")
        .should()
        .beFreeOfCycles()
        .because(
            "packages in a cycle can be neither understood nor changed one at a time, and a"
                + " cycle between modules would not even build");
  }

  ArchRule libraryApiExposesNoIntegrationType() {
    return classes()
        .that()
        .resideInAnyPackage(
            tree(modules.core()),
            tree(modules.codec()),
            tree(modules.fixtures()),
            tree(modules.http()))
        .and()
        .arePublic()
        .should(exposeNoIntegrationTypeInPublicMembers())
        .because(
            "callers program against the port and its errors; a library type in a public"
                + " signature would tie them to that library and its version");
  }

  private DescribedPredicate<Slice> areAdapters() {
    List<String> names =
        modules.adapters().stream().map(p -> p.substring(modules.base().length() + 1)).toList();
    return DescribedPredicate.describe(
        "are adapters " + names, slice -> names.contains(slice.getNamePart(1)));
  }

  private static ArchCondition<JavaClass> exposeNoIntegrationTypeInPublicMembers() {
    return new ArchCondition<>("expose no Feign, Jackson, Resilience4j or SLF4J type") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        List<String> exposed = new ArrayList<>();
        addIfIntegration(exposed, type.getName() + " extends", type.getRawSuperclass().stream());
        addIfIntegration(exposed, type.getName() + " implements", type.getRawInterfaces().stream());
        for (JavaCodeUnit member : type.getCodeUnits()) {
          if (member.getModifiers().contains(JavaModifier.PUBLIC)) {
            String where = member.getFullName();
            addIfIntegration(
                exposed, where, member.getReturnType().getAllInvolvedRawTypes().stream());
            member
                .getParameterTypes()
                .forEach(
                    p -> addIfIntegration(exposed, where, p.getAllInvolvedRawTypes().stream()));
            addIfIntegration(exposed, where, member.getExceptionTypes().stream());
          }
        }
        for (JavaField field : type.getFields()) {
          if (field.getModifiers().contains(JavaModifier.PUBLIC)) {
            addIfIntegration(
                exposed, field.getFullName(), field.getType().getAllInvolvedRawTypes().stream());
          }
        }
        for (String violation : exposed) {
          events.add(SimpleConditionEvent.violated(type, violation));
        }
      }
    };
  }

  private static void addIfIntegration(
      List<String> exposed, String where, Stream<JavaClass> types) {
    types
        .filter(ArchitectureRules::isIntegrationType)
        .forEach(t -> exposed.add(where + " exposes " + t.getName()));
  }

  private static boolean isIntegrationType(JavaClass type) {
    return Arrays.stream(INTEGRATION_LIBRARIES)
        .map(pattern -> pattern.substring(0, pattern.length() - 1))
        .anyMatch(type.getName()::startsWith);
  }
}
