package io.github.modelartsjobs.app;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code modelarts-jobs.jar} as a real process with the current JVM, an
 * environment set explicitly (nothing inherited that could change a setting, a proxy or the JVM's
 * output), and a time limit.
 */
final class CliProcess {

  /** The jar failsafe names; falls back to the usual place when run from an IDE. */
  static final Path JAR = Path.of(System.getProperty("cli.jar", "target/modelarts-jobs.jar"));

  private static final Duration LIMIT = Duration.ofSeconds(60);

  private final Map<String, String> env = new HashMap<>();
  private final Path workDir;

  /**
   * A runner whose processes write their output under a folder.
   *
   * @param workDir the working folder of the processes, and where their output is kept
   */
  CliProcess(Path workDir) {
    this.workDir = workDir;
  }

  CliProcess env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Runs the jar with these arguments and waits for it to end. */
  CliRun.Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    Map<String, String> processEnv = builder.environment();
    processEnv
        .keySet()
        .removeIf(
            name ->
                name.startsWith("MODELARTS_")
                    || name.startsWith("HUAWEICLOUD_")
                    || name.toLowerCase(java.util.Locale.ROOT).endsWith("_proxy")
                    || name.equals("JAVA_TOOL_OPTIONS")
                    || name.equals("_JAVA_OPTIONS")
                    || name.equals("JDK_JAVA_OPTIONS"));
    processEnv.putAll(env);

    Process process = builder.start();
    if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail("modelarts-jobs %s did not end within %s", String.join(" ", args), LIMIT);
    }

    return new CliRun.Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
