package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.port.JobDetailsPort;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code modelarts-jobs} command: the global options, which every subcommand inherits so that
 * they may stand before or after the subcommand, and what the subcommands share (settings, streams,
 * the port). Run alone, it is a usage error.
 */
@Command(
    name = "modelarts-jobs",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = VersionProvider.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Shows ModelArts training jobs: from the bundled samples, a folder of fixtures, or the live"
          + " service.",
      "Global options may stand before or after the command; each may also be set in the"
          + " environment or in the --config file (a flag beats the environment, which beats the"
          + " file)."
    },
    footerHeading =
        "%nCredentials, for --adapter http, come from the environment or the config file,%n"
            + "never from flags. Give one kind:%n",
    footer = {
      "  AK/SK, which sign      HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK,",
      "  each request           or config keys access-key and secret-key",
      "  a fixed IAM token      MODELARTS_AUTH_TOKEN, or config key auth-token",
      "  an IAM user, whose     MODELARTS_IAM_USER, MODELARTS_IAM_PASSWORD and",
      "  token is obtained      MODELARTS_IAM_DOMAIN, or config keys iam-user,",
      "  from IAM               iam-password and iam-domain; config key",
      "                         iam-endpoint is IAM's URL (default built from",
      "                         the region)",
      "",
      "The config file (--config) is a properties file of settings keys: adapter,",
      "fixtures.root, endpoint, region, project-id, the credential keys above,",
      "output, verbose, allow-insecure-http, and the adapters' tuning keys such as",
      "read-timeout or retry-max-attempts.",
      "",
      "Plain http endpoints are allowed to loopback hosts (localhost, 127.0.0.1,",
      "[::1]); elsewhere only with allow-insecure-http=true in the config file.",
      "",
      "Each command has its own help: modelarts-jobs COMMAND --help, or",
      "modelarts-jobs help COMMAND.",
      "",
      "Example: modelarts-jobs job-info --job-id 10 --version-id 10"
    })
final class RootCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--adapter",
      scope = ScopeType.INHERIT,
      paramLabel = "NAME",
      description = "fixtures or http (env MODELARTS_ADAPTER; default fixtures)")
  String adapter;

  @Option(
      names = "--fixtures",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description =
          "folder of fixtures <job>/<version>.json and <job>/versions.json"
              + " (env MODELARTS_FIXTURES; default the bundled samples)")
  String fixtures;

  @Option(
      names = "--endpoint",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description =
          "the service's URL, by default built from the region (env MODELARTS_ENDPOINT);"
              + " plain http only to a loopback host, or with allow-insecure-http=true in the"
              + " config file")
  String endpoint;

  @Option(
      names = "--region",
      scope = ScopeType.INHERIT,
      paramLabel = "REGION",
      description = "such as cn-north-4 (env MODELARTS_REGION)")
  String region;

  @Option(
      names = "--project-id",
      scope = ScopeType.INHERIT,
      paramLabel = "ID",
      description = "the IAM project id (env HUAWEICLOUD_SDK_PROJECT_ID)")
  String projectId;

  @Option(
      names = "--output",
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      description = "table or json (env MODELARTS_OUTPUT; default table)")
  String output;

  @Option(
      names = "--config",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "a properties file of settings (env MODELARTS_CONFIG)")
  String config;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description =
          "log the adapter's calls and print stack traces (env MODELARTS_VERBOSE: "
              + CliSettings.FLAG_WORDS
              + ")")
  Boolean verbose;

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final RunContext context;
  private CliSettings settings;

  RootCommand(Map<String, String> env, PrintStream out, PrintStream err, RunContext context) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.context = context;
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "a command is required: " + Texts.or(Main.COMMANDS));
  }

  /**
   * Resolves the settings of this run from the flags, the environment and the config file; done
   * once, before the command runs.
   *
   * @throws UsageException if the config file cannot be read
   */
  CliSettings settings() {
    if (settings == null) {
      Map<String, String> flags = new LinkedHashMap<>();
      flags.put(CliSettings.ADAPTER, adapter);
      flags.put(CliSettings.FIXTURES_ROOT, fixtures);
      flags.put("endpoint", endpoint);
      flags.put("region", region);
      flags.put("project-id", projectId);
      flags.put(CliSettings.OUTPUT, output);
      flags.put(CliSettings.VERBOSE, verbose == null ? null : verbose.toString());
      settings = CliSettings.resolve(flags, config, env);
    }
    return settings;
  }

  /**
   * Whether stack traces are wanted, also when the settings could not be resolved: then the flag or
   * the environment variable decides.
   */
  boolean verboseWanted() {
    if (settings != null) {
      try {
        return settings.verbose();
      } catch (RuntimeException e) {
        return false;
      }
    }
    if (Boolean.TRUE.equals(verbose)) {
      return true;
    }
    String variable = env.get(CliSettings.VARIABLES.get(CliSettings.VERBOSE));
    return variable != null && Boolean.TRUE.equals(CliSettings.flagWord(variable));
  }

  /** The settings if they were resolved, else null; for the hints of an error. */
  CliSettings resolvedSettings() {
    return settings;
  }

  /**
   * Builds the port the settings describe.
   *
   * @return a new port, which the caller closes
   */
  JobDetailsPort openPort() {
    CliSettings s = settings();
    if (s.adapter().equals(CliSettings.HTTP_ADAPTER)) {
      s.requireOneCredentialKind();
    }
    if (s.verbose()) {
      // Only a verbose run asks for a logger: that keeps logging uninitialised (about a third of
      // the start-up time) in every other run, where the configuration turns all logging off.
      LoggerFactory.getLogger(RootCommand.class)
          .debug("adapter {}, {}, {}", s.adapter(), s, s.adapterSettings());
    }
    return context.ports().open(s.adapter(), s.adapterSettings());
  }

  /** Writes versions and jobs in the chosen format. */
  Printer printer() {
    return new Printer(out, settings().output());
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  RunContext context() {
    return context;
  }
}
