package io.github.modelartsjobs.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the command line in-process with an environment, a port and a clock of the test's choosing,
 * and keeps what it wrote.
 */
final class CliRun {

  /** The time every run starts at. */
  static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

  final Map<String, String> env = new HashMap<>();
  final FakeTime time = new FakeTime(START);
  private RunContext.PortFactory ports;
  private boolean interactive;
  String lastAdapter;
  io.github.modelartsjobs.core.port.AdapterSettings lastSettings;

  /** A run whose ports come from the adapters on the class path. */
  CliRun() {
    this.ports = io.github.modelartsjobs.core.port.JobDetailsAdapters::create;
  }

  /** A run that reads this port whatever the settings say, recording them. */
  CliRun(InMemoryPort port) {
    this.ports =
        (adapter, settings) -> {
          lastAdapter = adapter;
          lastSettings = settings;
          return port;
        };
  }

  CliRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  CliRun interactive(boolean value) {
    interactive = value;
    return this;
  }

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    RunContext context = new RunContext(time, time, interactive, ports);

    int code =
        Main.run(
            args,
            Map.copyOf(env),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            context);

    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** What a run left: exit code, stdout and stderr. */
  record Result(int code, String out, String err) {}
}
