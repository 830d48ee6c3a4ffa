package io.github.modelartsjobs.architecture.sample.core;

import com.fasterxml.jackson.core.JsonFactory;

/** Breaks the rules of core: holds a Jackson type. */
public class CoreUsingJackson {

  final JsonFactory factory = new JsonFactory();
}
