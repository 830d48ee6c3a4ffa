package io.github.modelartsjobs.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
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

  /** The commands, in the order messages list them ({@code help} aside). */
  static final List<String> COMMANDS = List.of("job-info", "versions", "wait");

  /**
   * A word echoed in a message about an unknown command; others might be a secret typed there.
   * Compiled only for that message, so that a normal run does not load the regex engine.
   */
  private static final String COMMAND_LIKE = "[a-z][a-z_-]{0,29}";

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
    JobInfoCommand plain = PlainArgs.jobInfo(args, root);
    if (plain != null) {
      return execute(root, plain, err);
    }
    CommandLine commandLine = commandLine(root);

    ParseResult parsed;
    try {
      parsed = commandLine.parseArgs(args);
    } catch (ParameterException e) {
      return usageError(e, err);
    }
    Integer commandHelp = commandHelp(parsed);
    if (commandHelp != null) {
      return commandHelp;
    }
    Integer helpCode;
    try {
      helpCode = CommandLine.executeHelpRequest(parsed);
    } catch (ParameterException e) {
      return unknownHelpTopic(parsed, e, err);
    }
    if (helpCode != null) {
      return helpCode;
    }

    return execute(root, leaf(parsed), err);
  }

  /**
   * Reports {@code help WORD} for a word that names no command as an unknown command, which
   * picocli's help command throws instead of answering.
   */
  private static int unknownHelpTopic(ParseResult parsed, ParameterException e, PrintStream err) {
    ParseResult help = parsed.subcommand();
    if (help != null) {
      for (CommandLine.Model.PositionalParamSpec topic : help.matchedPositionals()) {
        for (String word : topic.stringValues()) {
          return unknownCommand(word, err);
        }
      }
    }
    return usageError(e, err);
  }

  /** Runs a command whose line was read, reporting a failure on one line of {@code err}. */
  private static int execute(RootCommand root, Callable<Integer> command, PrintStream err) {
    try (Logging.Restore levels = Logging.configure(root.settings().verbose())) {
      return command.call();
    } catch (ParameterException e) {
      return usageError(e, err);
    } catch (Exception e) {
      Failures.Report report = Failures.of(e, root.resolvedSettings());
      err.println(report.line());
      if (root.verboseWanted()) {
        e.printStackTrace(err);
      }
      err.flush();
      return report.exitCode();
    }
  }

  /** The picocli command line of every command, for lines that are not plain. */
  static CommandLine commandLine(RootCommand root) {
    CommandLine commandLine = new CommandLine(root);
    commandLine.addSubcommand(new CommandLine(new JobInfoCommand(root)));
    commandLine.addSubcommand(new CommandLine(new VersionsCommand(root)));
    commandLine.addSubcommand(new CommandLine(new WaitCommand(root)));
    CommandLine help = new CommandLine(new CommandLine.HelpCommand());
    help.getCommandSpec()
        .usageMessage()
        .header("Shows the help of a command: help COMMAND.")
        .description();
    commandLine.addSubcommand(help);
    commandLine.setOut(new PrintWriter(root.out(), true));
    commandLine.setErr(new PrintWriter(root.err(), true));
    setExitCodeHelp(commandLine, true);
    commandLine.getSubcommands().entrySet().stream()
        .filter(sub -> !sub.getValue().getCommandSpec().helpCommand())
        .forEach(sub -> setExitCodeHelp(sub.getValue(), sub.getKey().equals("wait")));
    return commandLine;
  }

  /**
   * Shows the help of a command when {@code --help} stands before it ({@code modelarts-jobs --help
   * job-info}), which picocli would answer with the help of {@code modelarts-jobs}.
   *
   * @return the exit code, or null when the help asked for is not that of a command
   */
  private static Integer commandHelp(ParseResult parsed) {
    List<CommandLine> chain = parsed.asCommandLineList();
    CommandLine last = chain.get(chain.size() - 1);
    boolean helpAsked = chain.stream().anyMatch(CommandLine::isUsageHelpRequested);
    if (chain.size() < 2 || !helpAsked || last.getCommandSpec().helpCommand()) {
      return null;
    }
    last.usage(last.getOut());
    return last.getCommandSpec().exitCodeOnUsageHelp();
  }

  private static void setExitCodeHelp(CommandLine commandLine, boolean withWait) {
    commandLine
        .getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCodes.helpList(withWait));
  }

  @SuppressWarnings("unchecked")
  private static Callable<Integer> leaf(ParseResult parsed) {
    ParseResult leaf = parsed;
    while (leaf.hasSubcommand()) {
      leaf = leaf.subcommand();
    }
    return (Callable<Integer>) leaf.commandSpec().userObject();
  }

  /**
   * Reports a usage error on one line. Unknown arguments are named only when they look like
   * options, and without any {@code =value}, so that a secret given by mistake is not echoed; a
   * word where the command belongs is named only when it looks like a command name.
   */
  private static int usageError(ParameterException e, PrintStream err) {
    CommandLine failed = e.getCommandLine();
    String command = failed.getCommandSpec().qualifiedName();
    String message = e.getMessage();
    String hint = "see '" + command + " --help'";
    if (e instanceof UnmatchedArgumentException unmatched) {
      List<String> args = unmatched.getUnmatched();
      if (failed.getParent() == null && !args.isEmpty() && !args.get(0).startsWith("-")) {
        return unknownCommand(args.get(0), err);
      }
      List<String> options = new ArrayList<>();
      int values = 0;
      for (String arg : args) {
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
            "credentials are read only from the environment ("
                + Failures.EVERY_CREDENTIAL
                + ") or the --config file";
      }
    }
    err.println(Formats.oneLine("error: " + message + "; " + hint));
    err.flush();
    return ExitCodes.USAGE;
  }

  /**
   * Reports a first word that names no command, with the commands there are and the one it is
   * closest to, if any.
   */
  private static int unknownCommand(String word, PrintStream err) {
    boolean commandLike = Pattern.matches(COMMAND_LIKE, word);
    StringBuilder line = new StringBuilder("error: unknown command");
    if (commandLike) {
      line.append(" '").append(word).append('\'');
    } else {
      line.append(" (the word is not repeated: it does not look like a command)");
    }
    line.append("; the commands are ").append(String.join(", ", COMMANDS));
    Optional<String> closest = commandLike ? closest(word) : Optional.empty();
    if (closest.isPresent()) {
      line.append(" (did you mean ").append(closest.get()).append("?)");
    } else {
      line.append("; see 'modelarts-jobs --help'");
    }
    err.println(line);
    err.flush();
    return ExitCodes.USAGE;
  }

  /**
   * The command a mistyped word most likely meant: the nearest by edit distance (a swap of two
   * neighbours counting as one edit) if at most two edits away, else one that holds the word or is
   * held by it.
   */
  static Optional<String> closest(String word) {
    String typed = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String command : COMMANDS) {
      int distance = editDistance(typed, command);
      if (distance < bestDistance) {
        best = command;
        bestDistance = distance;
      }
    }
    if (bestDistance <= 2) {
      return Optional.of(best);
    }
    String bare = typed.replace("-", "").replace("_", "");
    return COMMANDS.stream()
        .filter(c -> bare.length() >= 3)
        .filter(c -> c.replace("-", "").contains(bare) || bare.contains(c.replace("-", "")))
        .findFirst();
  }

  private static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static boolean looksLikeCredential(String option) {
    return option.matches(
        "(?i).*(key|secret|token|password|passwd|iam|user|domain|\\bak\\b|\\bsk\\b).*");
  }
}
