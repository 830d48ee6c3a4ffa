package io.github.modelartsjobs.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The entry point of {@code modelarts-jobs}, the command line that shows ModelArts training jobs.
 *
 * <p>{@link #main} runs {@link #run} with the process's arguments, environment and streams, and
 * exits with its code. Everything a run does goes through {@link #run}, so tests call it in-process
 * with their own environment and streams. Only this application writes to stdout and stderr: stdout
 * gets what was asked for, stderr one line per error (a stack trace and debug lines with {@code
 * --verbose}). Both are written in UTF-8.
 */
public final class Main {

  private Main() {}

  /**
   * Runs the command line and exits the JVM with its exit code.
   *
   * @param args the command line arguments
   */
  public static void main(String[] args) {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int code = run(args, System.getenv(), out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command line with the system clock, real sleeps, the console and the adapters on the
   * class path.
   *
   * @param args the arguments, such as {@code job-info --job-id 10 --version-id 10}
   * @param env the environment variables to read settings and credentials from
   * @param out where results go
   * @param err where errors go
   * @return the exit code, one of those {@code --help} lists
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    return run(args, env, out, err, RunContext.system());
  }

  /**
   * Runs the command line in given surroundings; for tests.
   *
   * @param args the arguments
   * @param env the environment variables
   * @param out where results go
   * @param err where errors go
   * @param context the clock, sleeper, terminal flag and port factory
   * @return the exit code
   */
  static int run(
      String[] args,
      Map<String, String> env,
      PrintStream out,
      PrintStream err,
      RunContext context) {
    RootCommand root = new RootCommand(env, out, err, context);
    CommandLine commandLine = commandLine(root);

    ParseResult parsed;
    try {
      parsed = commandLine.parseArgs(args);
    } catch (ParameterException e) {
      return usageError(e, err);
    }
    Integer helpCode = CommandLine.executeHelpRequest(parsed);
    if (helpCode != null) {
      return helpCode;
    }

    try (Logging.Restore levels = Logging.configure(root.settings().verbose())) {
      return call(parsed);
    } catch (ParameterException e) {
      return usageError(e, err);
    } catch (Exception e) {
      Failures.Report report = Failures.of(e, root.adapterName());
      err.println(report.line());
      if (root.verboseWanted()) {
        e.printStackTrace(err);
      }
      err.flush();
      return report.exitCode();
    }
  }

  private static CommandLine commandLine(RootCommand root) {
    CommandLine commandLine = new CommandLine(root);
    commandLine.addSubcommand(new CommandLine(new JobInfoCommand(root)));
    commandLine.addSubcommand(new CommandLine(new VersionsCommand(root)));
    commandLine.addSubcommand(new CommandLine(new WaitCommand(root)));
    commandLine.setOut(new PrintWriter(root.out(), true));
    commandLine.setErr(new PrintWriter(root.err(), true));
    setExitCodeHelp(commandLine, true);
    commandLine.getSubcommands().forEach((name, sub) -> setExitCodeHelp(sub, name.equals("wait")));
    return commandLine;
  }

  private static void setExitCodeHelp(CommandLine commandLine, boolean withWait) {
    commandLine
        .getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCodes.helpList(withWait));
  }

  @SuppressWarnings("unchecked")
  private static int call(ParseResult parsed) throws Exception {
    ParseResult leaf = parsed;
    while (leaf.hasSubcommand()) {
      leaf = leaf.subcommand();
    }
    Callable<Integer> command = (Callable<Integer>) leaf.commandSpec().userObject();
    return command.call();
  }

  /**
   * Reports a usage error on one line. Unknown arguments are named only when they look like
   * options, and without any {@code =value}, so that a secret given by mistake is not echoed.
   */
  private static int usageError(ParameterException e, PrintStream err) {
    String command = e.getCommandLine().getCommandSpec().qualifiedName();
    String message = e.getMessage();
    String hint = "see '" + command + " --help'";
    if (e instanceof UnmatchedArgumentException unmatched) {
      List<String> options = new ArrayList<>();
      int values = 0;
      for (String arg : unmatched.getUnmatched()) {
        if (arg.startsWith("-")) {
          options.add(arg.split("=", 2)[0]);
        } else {
          values++;
        }
      }
      message =
          options.isEmpty()
              ? values + " unexpected argument(s), which no option takes"
              : "unknown option(s) " + String.join(", ", options);
      if (options.stream().anyMatch(Main::looksLikeCredential)) {
        hint =
            "credentials are read only from the environment (HUAWEICLOUD_SDK_AK,"
                + " HUAWEICLOUD_SDK_SK or MODELARTS_AUTH_TOKEN) or the --config file";
      }
    }
    err.println(Formats.oneLine("error: " + message + "; " + hint));
    err.flush();
    return ExitCodes.USAGE;
  }

  private static boolean looksLikeCredential(String option) {
    return option.matches("(?i).*(key|secret|token|password|passwd|\\bak\\b|\\bsk\\b).*");
  }
}
