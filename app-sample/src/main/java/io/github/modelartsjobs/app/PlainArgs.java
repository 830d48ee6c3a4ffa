package io.github.modelartsjobs.app;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the plain command lines of {@code job-info} without picocli, so that the most common run
 * does not pay for building picocli's command model by reflection (about a third of its start-up).
 *
 * <p>Plain means: the word {@code job-info}, each of {@code --job-id} and {@code --version-id} once
 * after it with a valid id, and any of the global options once, before or after the command, each
 * as {@code --name value} or {@code --name=value} ({@code --verbose} bare). Anything else (help,
 * version, another command, an unknown or repeated option, a value that starts with {@code -} or
 * {@code @} or names a command, an argument file, {@code --}, a {@code picocli.*} system property)
 * is not read here: {@link #jobInfo} answers null and picocli reads the line, with its messages. A
 * plain line sets exactly the fields picocli would set, which a test checks against picocli itself.
 */
final class PlainArgs {

  private static final String COMMAND = "job-info";

  private static final String JOB_ID = "--job-id";
  private static final String VERSION_ID = "--version-id";
  private static final String VERBOSE = "--verbose";

  /** The global options that take a value, as {@link RootCommand} declares them. */
  static final Set<String> VALUE_OPTIONS =
      Set.of(
          "--adapter",
          "--fixtures",
          "--endpoint",
          "--region",
          "--project-id",
          "--output",
          "--config");

  private PlainArgs() {}

  /**
   * Reads a plain {@code job-info} line into the root's options.
   *
   * @param args the command line arguments
   * @param root the root command whose global option fields are set; left untouched when the line
   *     is not plain
   * @return the command ready to run, or null when picocli must read the line
   */
  static JobInfoCommand jobInfo(String[] args, RootCommand root) {
    if (picocliConfigured()) {
      return null;
    }
    Map<String, String> values = new HashMap<>();
    boolean verbose = false;
    boolean commandSeen = false;

    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals(COMMAND) && !commandSeen) {
        commandSeen = true;
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      if (name.equals(VERBOSE)) {
        if (eq >= 0 || verbose) {
          return null;
        }
        verbose = true;
        continue;
      }
      boolean versionOption = name.equals(JOB_ID) || name.equals(VERSION_ID);
      if (versionOption ? !commandSeen : !VALUE_OPTIONS.contains(name)) {
        return null;
      }
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        return null;
      }
      if (!plainValue(value) || values.putIfAbsent(name, value) != null) {
        return null;
      }
    }

    long job = Ids.parse(values.getOrDefault(JOB_ID, ""));
    long version = Ids.parse(values.getOrDefault(VERSION_ID, ""));
    if (!commandSeen || job < 1 || version < 1) {
      return null;
    }

    root.adapter = values.get("--adapter");
    root.fixtures = values.get("--fixtures");
    root.endpoint = values.get("--endpoint");
    root.region = values.get("--region");
    root.projectId = values.get("--project-id");
    root.output = values.get("--output");
    root.config = values.get("--config");
    root.verbose = verbose ? Boolean.TRUE : null;
    JobInfoCommand command = new JobInfoCommand(root);
    command.version = new VersionOptions();
    command.version.jobId = job;
    command.version.versionId = version;
    return command;
  }

  /** Whether picocli would take the value as it is, without a rule of its own about it. */
  private static boolean plainValue(String value) {
    return !value.isEmpty()
        && !value.startsWith("-")
        && !value.startsWith("@")
        && !Main.COMMANDS.contains(value)
        && !value.equals("help");
  }

  /**
   * Whether a {@code picocli.*} system property is set: those change how picocli reads a line or
   * what it prints (tracing, quotes, argument files), so the line is left to picocli.
   */
  private static boolean picocliConfigured() {
    for (String key : System.getProperties().stringPropertyNames()) {
      if (key.startsWith("picocli.")) {
        return true;
      }
    }
    return false;
  }
}
