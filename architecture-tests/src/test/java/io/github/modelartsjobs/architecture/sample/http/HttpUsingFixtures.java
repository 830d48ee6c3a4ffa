package io.github.modelartsjobs.architecture.sample.http;

import io.github.modelartsjobs.architecture.sample.fixtures.FixturesUsingHttp;

/** Breaks adapter independence, and closes a cycle with the fixtures sample. */
public class HttpUsingFixtures {

  final FixturesUsingHttp other = null;
}
