package io.github.modelartsjobs.architecture;

import java.util.List;

/**
 * The root packages of the production modules under one base package, as the rules name them.
 *
 * <p>The benchmarks module ({@code bench}) is a measuring harness, not part of the library or the
 * application, and is left out of the rules.
 *
 * @param base the base package, such as {@code io.github.modelartsjobs}
 */
record Modules(String base) {

  /** The modules of this project. */
  static final Modules PRODUCTION = new Modules("io.github.modelartsjobs");

  /** {@code core}: domain, ports and use cases. */
  String core() {
    return base + ".core";
  }

  /** {@code codec-json}: the JSON mapping that adapters share; not an adapter. */
  String codec() {
    return base + ".codec";
  }

  /** {@code adapter-fixtures}. */
  String fixtures() {
    return base + ".fixtures";
  }

  /** {@code adapter-http-feign}. */
  String http() {
    return base + ".http";
  }

  /** {@code app-sample}: the application, which alone wires adapters and prints. */
  String app() {
    return base + ".app";
  }

  /** The adapter modules' root packages. */
  List<String> adapters() {
    return List.of(fixtures(), http());
  }

  /** Every production module's root package. */
  List<String> all() {
    return List.of(core(), codec(), fixtures(), http(), app());
  }

  /** The package pattern of a root package and everything below it. */
  static String tree(String rootPackage) {
    return rootPackage + "..";
  }
}
