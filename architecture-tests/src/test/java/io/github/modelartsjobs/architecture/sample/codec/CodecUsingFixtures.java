package io.github.modelartsjobs.architecture.sample.codec;

import io.github.modelartsjobs.architecture.sample.fixtures.FixturesUsingHttp;

/** Breaks the codec rule and the wiring rule: uses an adapter. */
public class CodecUsingFixtures {

  final FixturesUsingHttp adapter = null;
}
