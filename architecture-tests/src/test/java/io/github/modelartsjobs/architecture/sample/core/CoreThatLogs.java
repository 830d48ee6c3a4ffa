package io.github.modelartsjobs.architecture.sample.core;

/** Breaks the logging rule of core with the JDK's own loggers, which the JDK-only rule allows. */
public class CoreThatLogs {

  void report() {
    System.getLogger("core").log(System.Logger.Level.INFO, "polled");
    java.util.logging.Logger.getLogger("core").info("polled");
  }
}
