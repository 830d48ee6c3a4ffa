package io.github.modelartsjobs.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The production classes of every module on the class path, imported once. */
final class ProductionClasses {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(Modules.PRODUCTION.base());

  private ProductionClasses() {}

  static JavaClasses get() {
    return CLASSES;
  }
}
