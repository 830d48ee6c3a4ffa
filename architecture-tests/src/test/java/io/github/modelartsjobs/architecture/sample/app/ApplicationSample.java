package io.github.modelartsjobs.architecture.sample.app;

import io.github.modelartsjobs.architecture.sample.fixtures.FixturesUsingHttp;
import io.github.modelartsjobs.architecture.sample.http.HttpThatPrints;

/** Follows the rules: the application may wire adapters and print. */
public class ApplicationSample {

  final FixturesUsingHttp fixtures = null;
  final HttpThatPrints http = null;

  void run() {
    System.out.println("done");
  }
}
