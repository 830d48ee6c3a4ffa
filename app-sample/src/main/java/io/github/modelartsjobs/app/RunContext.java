package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.port.AdapterSettings;
import io.github.modelartsjobs.core.port.JobDetailsAdapters;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import io.github.modelartsjobs.core.usecase.Sleeper;
import java.io.Console;
import java.time.Clock;
import java.util.Objects;

/**
 * What a run takes from its surroundings besides arguments, environment and streams: the time, a
 * way to wait, whether stdout is a terminal, and how a port is built. Tests replace each one, so
 * that a wait runs on a fake clock and a command reads an in-memory port.
 *
 * @param clock the clock of the wait
 * @param sleeper how the wait pauses between polls
 * @param interactive whether stdout is a terminal, where {@code wait} keeps one live line
 * @param ports builds the port an adapter name and its settings describe
 */
record RunContext(Clock clock, Sleeper sleeper, boolean interactive, PortFactory ports) {

  /** Checks that no component is null. */
  RunContext {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(ports, "ports");
  }

  /** The real surroundings: the UTC system clock, real sleeps, the console, the adapter SPI. */
  static RunContext system() {
    return new RunContext(
        Clock.systemUTC(),
        Sleeper.system(),
        isTerminal(System.console()),
        JobDetailsAdapters::create);
  }

  /**
   * Whether the JVM's console is a terminal. Up to Java 21 a console exists only when stdin and
   * stdout are terminals; from Java 22 one may exist for pipes too, and {@code isTerminal()}
   * (looked up by reflection, since this code is built for Java 17) tells.
   */
  static boolean isTerminal(Console console) {
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** Builds the port for a run. */
  @FunctionalInterface
  interface PortFactory {

    /**
     * Builds a port.
     *
     * @param adapter the adapter name, such as {@code fixtures} or {@code http}
     * @param settings the adapter's settings
     * @return a new port, which the caller closes
     * @throws io.github.modelartsjobs.core.port.InvalidSettingsException if a setting is wrong
     */
    JobDetailsPort open(String adapter, AdapterSettings settings);
  }
}
