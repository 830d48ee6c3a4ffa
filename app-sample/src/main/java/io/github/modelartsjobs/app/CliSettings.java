package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.port.AdapterSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The settings of one run, each taken from the first place that gives it: a command line flag, then
 * the environment, then the properties file named by {@code --config} (or {@code
 * MODELARTS_CONFIG}).
 *
 * <p>Keys are the library's settings keys ({@code adapter}, {@code fixtures.root}, {@code
 * endpoint}, {@code region}, {@code project-id}, {@code access-key}, ...) plus the command line's
 * own {@code output} and {@code verbose}. Credentials come from the environment and the file only:
 * no flag sets them. A config file that cannot be read, or that holds a key the library does not
 * know, is a {@link UsageException}; values are never part of a message.
 */
final class CliSettings {

  /** The adapter used when nothing names one. */
  static final String DEFAULT_ADAPTER = "fixtures";

  /** The fixtures root used by the fixtures adapter when nothing names one: the bundled samples. */
  static final String DEFAULT_FIXTURES = "classpath:fixtures";

  /** The adapter over the live service. */
  static final String HTTP_ADAPTER = "http";

  static final String ADAPTER = "adapter";
  static final String FIXTURES_ROOT = "fixtures.root";
  static final String ENDPOINT = "endpoint";
  static final String REGION = "region";
  static final String PROJECT_ID = "project-id";
  static final String OUTPUT = "output";
  static final String VERBOSE = "verbose";

  /** The environment variable that names the config file when {@code --config} does not. */
  static final String CONFIG_VARIABLE = "MODELARTS_CONFIG";

  /** The environment variable read for each key, in the order the help lists them. */
  static final Map<String, String> VARIABLES = variables();

  /** Every key a config file may hold. */
  static final Set<String> FILE_KEYS =
      Set.copyOf(
          List.of(
              ADAPTER,
              FIXTURES_ROOT,
              "endpoint",
              "region",
              "project-id",
              "access-key",
              "secret-key",
              "auth-token",
              "iam-endpoint",
              "iam-user",
              "iam-password",
              "iam-domain",
              "connect-timeout",
              "read-timeout",
              "call-timeout",
              "retry-max-attempts",
              "retry-initial-backoff",
              "retry-max-backoff",
              "retry-after-cap",
              "breaker-failure-rate",
              "breaker-minimum-calls",
              "breaker-window",
              "breaker-open-duration",
              "max-body-bytes",
              "allow-insecure-http",
              "page-size",
              OUTPUT,
              VERBOSE));

  /** The keys that have a flag of the same name (but {@code fixtures.root}: {@code --fixtures}). */
  private static final Set<String> FLAG_KEYS =
      Set.of(ADAPTER, FIXTURES_ROOT, ENDPOINT, REGION, PROJECT_ID, OUTPUT, VERBOSE);

  /** The words {@code verbose} accepts, as the help lists them. */
  static final String FLAG_WORDS = "true/false, yes/no, 1/0 or on/off";

  private final Map<String, String> values;
  private final Map<String, Origin> origins;

  private CliSettings(Map<String, String> values, Map<String, Origin> origins) {
    this.values = values;
    this.origins = origins;
  }

  private static Map<String, String> variables() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(ADAPTER, "MODELARTS_ADAPTER");
    v.put(FIXTURES_ROOT, "MODELARTS_FIXTURES");
    v.put("endpoint", "MODELARTS_ENDPOINT");
    v.put("region", "MODELARTS_REGION");
    v.put("project-id", "HUAWEICLOUD_SDK_PROJECT_ID");
    v.put("access-key", "HUAWEICLOUD_SDK_AK");
    v.put("secret-key", "HUAWEICLOUD_SDK_SK");
    v.put("auth-token", "MODELARTS_AUTH_TOKEN");
    v.put("iam-user", "MODELARTS_IAM_USER");
    v.put("iam-password", "MODELARTS_IAM_PASSWORD");
    v.put("iam-domain", "MODELARTS_IAM_DOMAIN");
    v.put(OUTPUT, "MODELARTS_OUTPUT");
    v.put(VERBOSE, "MODELARTS_VERBOSE");
    return Collections.unmodifiableMap(v);
  }

  /**
   * Resolves the settings.
   *
   * @param flags the values given on the command line, by key; null values mean not given
   * @param configFlag the {@code --config} path, or null
   * @param env the environment
   * @return the settings
   * @throws UsageException if the config file cannot be read or holds an unknown key
   */
  static CliSettings resolve(
      Map<String, String> flags, String configFlag, Map<String, String> env) {
    Map<String, String> values = new TreeMap<>();
    Map<String, Origin> origins = new TreeMap<>();

    String configPath = blankToNull(configFlag);
    String configOrigin = "--config";
    if (configPath == null) {
      configPath = blankToNull(env.get(CONFIG_VARIABLE));
      configOrigin = CONFIG_VARIABLE;
    }
    if (configPath != null) {
      Path file = path(configPath, configOrigin);
      readFile(file, configOrigin)
          .forEach((k, v) -> put(values, origins, k, v, Origin.file(k, file)));
    }
    VARIABLES.forEach(
        (key, variable) -> put(values, origins, key, env.get(variable), Origin.env(variable)));
    flags.forEach((key, value) -> put(values, origins, key, value, Origin.flag(flagName(key))));
    return new CliSettings(values, origins);
  }

  private static String flagName(String key) {
    return "--" + (key.equals(FIXTURES_ROOT) ? "fixtures" : key);
  }

  private static void put(
      Map<String, String> values,
      Map<String, Origin> origins,
      String key,
      String value,
      Origin origin) {
    if (value != null && !value.isBlank()) {
      values.put(key, value.strip());
      origins.put(key, origin);
    }
  }

  private static Path path(String text, String origin) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new UsageException(
          "the config file given by " + origin + " is not a valid path: " + e.getReason(),
          "give the path of a properties file",
          e);
    }
  }

  private static Map<String, String> readFile(Path file, String origin) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw unreadable(file, "it does not exist", origin, e);
    } catch (AccessDeniedException e) {
      throw unreadable(file, "permission denied", origin, e);
    } catch (IOException | IllegalArgumentException e) {
      String reason = Files.isDirectory(file) ? "it is a directory" : "it is not a properties file";
      throw unreadable(file, reason, origin, e);
    }

    Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
    unknown.removeAll(FILE_KEYS);
    if (!unknown.isEmpty()) {
      throw new UsageException(
          "config file " + file + " has unknown keys " + unknown,
          "the keys are " + new TreeSet<>(FILE_KEYS),
          null);
    }
    Map<String, String> read = new TreeMap<>();
    properties.stringPropertyNames().forEach(k -> read.put(k, properties.getProperty(k)));
    return read;
  }

  private static UsageException unreadable(Path file, String reason, String origin, Exception e) {
    return new UsageException(
        "cannot read config file " + file + ": " + reason, "check the path given by " + origin, e);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /**
   * The name of the adapter: {@code fixtures} unless a flag, variable or the file names another.
   */
  String adapter() {
    return values.getOrDefault(ADAPTER, DEFAULT_ADAPTER);
  }

  /** Whether the run reads fixtures rather than the service. */
  boolean fixtures() {
    return adapter().equals(DEFAULT_ADAPTER);
  }

  /**
   * The settings handed to the adapter: every key but {@code output} and {@code verbose}, with the
   * adapter named and, for the fixtures adapter, the bundled samples as the default root.
   */
  AdapterSettings adapterSettings() {
    Map<String, String> map = new TreeMap<>(values);
    map.remove(OUTPUT);
    map.remove(VERBOSE);
    map.put(ADAPTER, adapter());
    if (fixtures()) {
      map.putIfAbsent(FIXTURES_ROOT, DEFAULT_FIXTURES);
    }
    return AdapterSettings.of(map);
  }

  /**
   * The output format: table unless a flag, variable or the file says json.
   *
   * @throws UsageException if the value is neither {@code table} nor {@code json}
   */
  OutputFormat output() {
    String text = values.get(OUTPUT);
    if (text == null) {
      return OutputFormat.TABLE;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "table" -> OutputFormat.TABLE;
      case "json" -> OutputFormat.JSON;
      default ->
          throw new UsageException(
              "output must be table or json, but was \""
                  + text
                  + "\" (from "
                  + source(OUTPUT)
                  + ")",
              "see 'modelarts-jobs --help'",
              null);
    };
  }

  /**
   * Whether to log adapter debug lines and print stack traces.
   *
   * @throws UsageException if the value is not one of the words {@link #FLAG_WORDS}
   */
  boolean verbose() {
    String text = values.get(VERBOSE);
    if (text == null) {
      return false;
    }
    Boolean flag = flagWord(text);
    if (flag == null) {
      throw new UsageException(
          "verbose must be "
              + FLAG_WORDS
              + ", but was \""
              + text
              + "\" (from "
              + source(VERBOSE)
              + ")",
          "see 'modelarts-jobs --help'",
          null);
    }
    return flag;
  }

  /**
   * Reads a flag word, in any case.
   *
   * @param text the word
   * @return true for true, yes, 1 or on; false for false, no, 0 or off; null for anything else
   */
  static Boolean flagWord(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on" -> Boolean.TRUE;
      case "false", "no", "0", "off" -> Boolean.FALSE;
      default -> null;
    };
  }

  /**
   * Where the value of a key came from, for messages: {@code --endpoint}, {@code
   * MODELARTS_ENDPOINT} or {@code endpoint in config file /path}. For a key that was not given, the
   * flag that would give it ({@code --fixtures} for {@code fixtures.root}), else its variable, else
   * the key.
   *
   * @param key a settings key
   * @return the description, never null
   */
  String source(String key) {
    Origin origin = origins.get(key);
    if (origin != null) {
      return origin.toString();
    }
    if (FLAG_KEYS.contains(key)) {
      return flagName(key);
    }
    return VARIABLES.getOrDefault(key, key);
  }

  /** Whether a value was given for the key, by a flag, a variable or the file. */
  boolean given(String key) {
    return values.containsKey(key);
  }

  /** The kinds of credentials given, in the order of {@link CredentialKind}; may be empty. */
  List<CredentialKind> credentialKinds() {
    List<CredentialKind> kinds = new ArrayList<>();
    for (CredentialKind kind : CredentialKind.values()) {
      if (kind.keys.stream().anyMatch(values::containsKey)) {
        kinds.add(kind);
      }
    }
    return kinds;
  }

  /**
   * Where the values of these keys come from, grouped, for a hint: {@code HUAWEICLOUD_SDK_AK and
   * HUAWEICLOUD_SDK_SK}, or {@code iam-user, iam-password and iam-domain in config file /path}. A
   * key not given is named by its variable.
   *
   * @param keys settings keys
   * @return the description
   */
  String sources(List<String> keys) {
    Grouped grouped = group(keys);
    List<String> groups = new ArrayList<>();
    if (!grouped.named().isEmpty()) {
      groups.add(Texts.and(grouped.named()));
    }
    grouped.byFile().forEach((file, k) -> groups.add(Texts.and(k) + " in config file " + file));
    return String.join(", and ", groups);
  }

  /**
   * Checks that the credentials given are of one kind, as the HTTP adapter requires; the message
   * says where each came from, and the hint what to remove.
   *
   * @throws UsageException if more than one kind was given
   */
  void requireOneCredentialKind() {
    List<CredentialKind> kinds = credentialKinds();
    if (kinds.size() < 2) {
      return;
    }
    List<String> described = new ArrayList<>();
    List<String> removals = new ArrayList<>();
    for (CredentialKind kind : kinds) {
      List<String> givenKeys = kind.keys.stream().filter(values::containsKey).toList();
      described.add(kind.label + " (" + givenFrom(givenKeys) + ")");
      removals.add(removal(givenKeys));
    }
    throw new UsageException(
        "credentials must be of one kind only, but were " + Texts.and(described),
        "keep one kind: " + String.join(", or ", removals),
        null);
  }

  private String givenFrom(List<String> keys) {
    Grouped grouped = group(keys);
    List<String> groups = new ArrayList<>();
    if (!grouped.named().isEmpty()) {
      groups.add(Texts.and(grouped.named()) + " from the environment");
    }
    grouped.byFile().forEach((file, k) -> groups.add(Texts.and(k) + " from config file " + file));
    return String.join("; ", groups);
  }

  private String removal(List<String> keys) {
    Grouped grouped = group(keys);
    List<String> steps = new ArrayList<>();
    if (!grouped.named().isEmpty()) {
      steps.add("unset " + Texts.and(grouped.named()));
    }
    grouped.byFile().forEach((file, k) -> steps.add("delete " + Texts.and(k) + " from " + file));
    return String.join(" and ", steps);
  }

  /** Keys split into those named by {@link #source} and those of each config file. */
  private Grouped group(List<String> keys) {
    List<String> named = new ArrayList<>();
    Map<Path, List<String>> byFile = new LinkedHashMap<>();
    for (String key : keys) {
      Origin origin = origins.get(key);
      if (origin != null && origin.file() != null) {
        byFile.computeIfAbsent(origin.file(), f -> new ArrayList<>()).add(key);
      } else {
        named.add(source(key));
      }
    }
    return new Grouped(named, byFile);
  }

  private record Grouped(List<String> named, Map<Path, List<String>> byFile) {}

  /** The keys given and where each came from, values left out; for a debug line. */
  @Override
  public String toString() {
    return "settings from " + origins;
  }

  /** The kinds of credentials the HTTP adapter takes, each with its settings keys. */
  enum CredentialKind {
    /** An access key and a secret key, which sign each request. */
    ACCESS_KEY("AK/SK", List.of("access-key", "secret-key")),
    /** A fixed IAM token. */
    TOKEN("a token", List.of("auth-token")),
    /** An IAM user whose token is obtained from IAM. */
    IAM_USER("an IAM user", List.of("iam-user", "iam-password", "iam-domain"));

    /** How a message names the kind. */
    final String label;

    /** The settings keys of the kind. */
    final List<String> keys;

    CredentialKind(String label, List<String> keys) {
      this.label = label;
      this.keys = keys;
    }
  }

  /**
   * Where a value came from: a flag, an environment variable, or a key of the config file.
   *
   * @param name the flag, the variable or the key
   * @param file the config file, or null when not from the file
   */
  private record Origin(String name, Path file) {

    static Origin flag(String flag) {
      return new Origin(flag, null);
    }

    static Origin env(String variable) {
      return new Origin(variable, null);
    }

    static Origin file(String key, Path file) {
      return new Origin(key, file);
    }

    /** {@code --endpoint}, {@code MODELARTS_ENDPOINT} or {@code endpoint in config file /path}. */
    @Override
    public String toString() {
      return file == null ? name : name + " in config file " + file;
    }
  }
}
