package io.github.modelartsjobs.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** The plain job-info lines read without picocli, checked against what picocli reads. */
class PlainArgsTest {

  private static final String[] WORDS = {
    "job-info",
    "job-info",
    "job-info",
    "versions",
    "wait",
    "help",
    "--job-id",
    "--job-id",
    "--version-id",
    "--version-id",
    "10",
    "10",
    "12",
    "0",
    "-1",
    "x",
    " 7 ",
    "--adapter",
    "--adapter",
    "fixtures",
    "http",
    "--fixtures",
    "/tmp/fixtures",
    "--endpoint",
    "http://127.0.0.1:9",
    "--region",
    "cn-north-4",
    "--project-id",
    "p1",
    "--output",
    "json",
    "table",
    "--config",
    "a.properties",
    "--verbose",
    "--verbose=true",
    "--adapter=http",
    "--job-id=10",
    "--version-id=3",
    "--output=",
    "-h",
    "--help",
    "-V",
    "--version",
    "--",
    "@args",
    "",
    "--unknown",
    "--job",
    "-v",
    "--timeout",
    "10s",
    "job-info=1",
    "--endpoint=a=b"
  };

  @Test
  void readsTheLineOfTheStartUpBenchmark() {
    RootCommand root = root();

    JobInfoCommand command =
        PlainArgs.jobInfo(args("job-info --job-id 10 --version-id 12 --adapter fixtures"), root);

    assertThat(command).isNotNull();
    assertThat(command.version.jobId).isEqualTo(10);
    assertThat(command.version.versionId).isEqualTo(12);
    assertThat(root.adapter).isEqualTo("fixtures");
    assertThat(root.verbose).isNull();
  }

  @Test
  void readsGlobalOptionsBeforeAndAfterTheCommandInBothForms() {
    RootCommand root = root();

    JobInfoCommand command =
        PlainArgs.jobInfo(
            args(
                "--output json --verbose job-info --job-id=3 --endpoint=http://127.0.0.1:9"
                    + " --version-id 4 --config c.properties --region r --project-id p"
                    + " --fixtures f --adapter http"),
            root);

    assertThat(command).isNotNull();
    assertThat(command.version.jobId).isEqualTo(3);
    assertThat(command.version.versionId).isEqualTo(4);
    assertThat(root.output).isEqualTo("json");
    assertThat(root.verbose).isTrue();
    assertThat(root.endpoint).isEqualTo("http://127.0.0.1:9");
    assertThat(root.config).isEqualTo("c.properties");
    assertThat(root.region).isEqualTo("r");
    assertThat(root.projectId).isEqualTo("p");
    assertThat(root.fixtures).isEqualTo("f");
    assertThat(root.adapter).isEqualTo("http");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "job-info --job-id 10 --version-id 10 --help",
        "--version",
        "help job-info",
        "versions --job-id 10",
        "job-info --job-id 10",
        "job-info --job-id 0 --version-id 10",
        "job-info --job-id 10 --version-id 10 --job-id 11",
        "job-info --job-id 10 --version-id 10 --adapter http --adapter fixtures",
        "--job-id 10 job-info --version-id 10",
        "job-info --job-id 10 --version-id 10 --verbose=true",
        "job-info --job-id 10 --version-id 10 --output -x",
        "job-info --job-id 10 --version-id 10 --config @file",
        "job-info --job-id 10 --version-id 10 --adapter versions",
        "job-info --job-id 10 --version-id 10 extra",
        "job-info --job-id 10 --version-id 10 --access-key AK",
        "job-info --job-id 10 --version-id 10 --",
        "job-info --job-id 10 --version-id 10 --adapter"
      })
  void leavesEveryOtherLineToPicocli(String line) {
    RootCommand root = root();

    JobInfoCommand command = PlainArgs.jobInfo(args(line), root);

    assertThat(command).isNull();
    assertThat(root.adapter).isNull();
    assertThat(root.output).isNull();
  }

  @Test
  void knowsEveryGlobalOptionThatPicocliKnows() {
    CommandLine commandLine = Main.commandLine(root());

    List<String> valueOptions = new ArrayList<>();
    for (OptionSpec option : commandLine.getCommandSpec().options()) {
      if (option.scopeType() == CommandLine.ScopeType.INHERIT && option.arity().max() > 0) {
        valueOptions.add(option.longestName());
      }
    }

    assertThat(valueOptions).containsExactlyInAnyOrderElementsOf(PlainArgs.VALUE_OPTIONS);
  }

  @Test
  void setsWhatPicocliSetsOnEveryLineItReads() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    int read = 0;

    for (int i = 0; i < 3000; i++) {
      String[] args = randomLine(random);
      RootCommand plainRoot = root();
      JobInfoCommand plain = PlainArgs.jobInfo(args, plainRoot);
      if (plain == null) {
        continue;
      }
      read++;
      RootCommand picocliRoot = root();
      String line = "seed " + seed + ", line " + Arrays.toString(args);
      ParseResult parsed;
      try {
        parsed = Main.commandLine(picocliRoot).parseArgs(args);
      } catch (CommandLine.ParameterException e) {
        throw new AssertionError(line + ": picocli rejects it: " + e.getMessage(), e);
      }
      ParseResult leaf = parsed.subcommand();

      assertThat(parsed.isUsageHelpRequested()).as(line).isFalse();
      assertThat(leaf.commandSpec().name()).as(line).isEqualTo("job-info");
      assertThat(leaf.hasSubcommand()).as(line).isFalse();
      JobInfoCommand expected = (JobInfoCommand) leaf.commandSpec().userObject();
      assertThat(plain.version.ref()).as(line).isEqualTo(expected.version.ref());
      assertThat(options(plainRoot)).as(line).isEqualTo(options(picocliRoot));
    }

    assertThat(read).as("seed " + seed + ": plain lines among the random ones").isPositive();
  }

  /** Mostly lines that start out plain, with a word or two of anything in them. */
  private static String[] randomLine(Random random) {
    List<String> args =
        new ArrayList<>(List.of("job-info", "--job-id", "10", "--version-id", "12"));
    int globals = random.nextInt(4);
    for (int g = 0; g < globals; g++) {
      int at = random.nextInt(args.size() + 1);
      String option = List.copyOf(PlainArgs.VALUE_OPTIONS).get(random.nextInt(7));
      args.add(at, option + (random.nextBoolean() ? "=v" + g : ""));
      if (!args.get(at).contains("=")) {
        args.add(at + 1, "v" + g);
      }
    }
    int noise = random.nextInt(3);
    for (int n = 0; n < noise; n++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      if (random.nextBoolean() && !args.isEmpty()) {
        args.set(random.nextInt(args.size()), word);
      } else {
        args.add(random.nextInt(args.size() + 1), word);
      }
    }
    return args.toArray(String[]::new);
  }

  /** The global options of a root command, in the order it declares them. */
  private static List<Object> options(RootCommand root) {
    return Arrays.asList(
        root.adapter,
        root.fixtures,
        root.endpoint,
        root.region,
        root.projectId,
        root.output,
        root.config,
        root.verbose);
  }

  private static RootCommand root() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    FakeTime time = new FakeTime(Instant.parse("2024-05-01T10:00:00Z"));
    RunContext context =
        new RunContext(
            time,
            time,
            false,
            (adapter, settings) -> {
              throw new AssertionError("no port is opened while reading a line");
            });
    return new RootCommand(Map.of(), sink, sink, context);
  }

  private static String[] args(String line) {
    return line.split(" ");
  }
}
