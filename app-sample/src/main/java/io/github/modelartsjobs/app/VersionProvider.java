package io.github.modelartsjobs.app;

import picocli.CommandLine.IVersionProvider;

/** The version for {@code --version}: the one in the jar's manifest, or {@code development}. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"modelarts-jobs " + (version == null ? "development" : version)};
  }
}
