package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.port.AdapterSettings;
import io.github.modelartsjobs.core.port.InvalidSettingsException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

  static final String ADAPTER = "adapter";
  static final String FIXTURES_ROOT = "fixtures.root";
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

  private final Map<String, String> values;
  private final Map<String, String> origins;

  private CliSettings(Map<String, String> values, Map<String, String> origins) {
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
    Map<String, String> origins = new TreeMap<>();

    String configPath = blankToNull(configFlag);
    String configOrigin = "--config";
    if (configPath == null) {
      configPath = blankToNull(env.get(CONFIG_VARIABLE));
      configOrigin = CONFIG_VARIABLE;
    }
    if (configPath != null) {
      Path file = path(configPath, configOrigin);
      readFile(file, configOrigin)
          .forEach((k, v) -> put(values, origins, k, v, "config file " + file));
    }
    VARIABLES.forEach((key, variable) -> put(values, origins, key, env.get(variable), variable));
    flags.forEach((key, value) -> put(values, origins, key, value, "--" + flagName(key)));
    return new CliSettings(values, origins);
  }

  private static String flagName(String key) {
    return key.equals(FIXTURES_ROOT) ? "fixtures" : key;
  }

  private static void put(
      Map<String, String> values,
      Map<String, String> origins,
      String key,
      String value,
      String origin) {
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

  /**
   * The settings handed to the adapter: every key but {@code output} and {@code verbose}, with the
   * adapter named and, for the fixtures adapter, the bundled samples as the default root.
   */
  AdapterSettings adapterSettings() {
    Map<String, String> map = new TreeMap<>(values);
    map.remove(OUTPUT);
    map.remove(VERBOSE);
    map.put(ADAPTER, adapter());
    if (adapter().equals(DEFAULT_ADAPTER)) {
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
                  + origins.get(OUTPUT)
                  + ")",
              "see 'modelarts-jobs --help'",
              null);
    };
  }

  /**
   * Whether to log adapter debug lines and print stack traces.
   *
   * @throws InvalidSettingsException if the value is not a flag word such as true or false
   */
  boolean verbose() {
    return AdapterSettings.of(values).flag(VERBOSE).orElse(false);
  }

  /** The keys given and where each came from, values left out; for a debug line. */
  @Override
  public String toString() {
    return "settings from " + origins;
  }
}
