package io.github.modelartsjobs.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each setting comes from: flag, then environment, then the config file. */
class SettingsPrecedenceTest {

  @TempDir Path dir;

  private Path config(String text) throws IOException {
    Path file = dir.resolve("modelarts.properties");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private CliRun cli() {
    return new CliRun(new InMemoryPort().answer(10, 10, SampleJobs.documented()));
  }

  @Test
  void flagBeatsEnvironmentWhichBeatsTheConfigFile() throws IOException {
    Path file =
        config(
            "adapter=http\nendpoint=http://127.0.0.1:1\n"
                + "region=file-region\nproject-id=file-project\n");
    CliRun cli =
        cli().env("MODELARTS_ENDPOINT", "http://127.0.0.1:2").env("MODELARTS_REGION", "env-region");

    CliRun.Result result =
        cli.run(
            "job-info",
            "--config",
            file.toString(),
            "--endpoint",
            "http://127.0.0.1:3",
            "--job-id",
            "10",
            "--version-id",
            "10");

    assertThat(result.code()).isZero();
    assertThat(cli.lastAdapter).isEqualTo("http");
    assertThat(cli.lastSettings.asMap())
        .containsEntry("endpoint", "http://127.0.0.1:3")
        .containsEntry("region", "env-region")
        .containsEntry("project-id", "file-project");
  }

  @Test
  void everyGlobalOptionHasItsVariable() {
    CliRun cli =
        cli()
            .env("MODELARTS_ADAPTER", "http")
            .env("MODELARTS_FIXTURES", "/fixtures")
            .env("MODELARTS_ENDPOINT", "http://127.0.0.1:4")
            .env("MODELARTS_REGION", "cn-north-4")
            .env("HUAWEICLOUD_SDK_PROJECT_ID", "0123456789abcdef0123456789abcdef");

    CliRun.Result result = cli.run("job-info", "--job-id", "10", "--version-id", "10");

    assertThat(result.code()).isZero();
    assertThat(cli.lastAdapter).isEqualTo("http");
    assertThat(cli.lastSettings.asMap())
        .containsEntry("fixtures.root", "/fixtures")
        .containsEntry("endpoint", "http://127.0.0.1:4")
        .containsEntry("region", "cn-north-4")
        .containsEntry("project-id", "0123456789abcdef0123456789abcdef")
        .doesNotContainKeys("output", "verbose");
  }

  @Test
  void credentialsComeFromTheEnvironmentBeforeTheConfigFile() throws IOException {
    Path file = config("access-key=file-ak\nsecret-key=file-sk\nauth-token=file-token\n");
    CliRun cli = cli().env("HUAWEICLOUD_SDK_AK", "env-ak");

    cli.run("--config", file.toString(), "job-info", "--job-id", "10", "--version-id", "10");

    assertThat(cli.lastSettings.asMap())
        .containsEntry("access-key", "env-ak")
        .containsEntry("secret-key", "file-sk")
        .containsEntry("auth-token", "file-token");
  }

  @Test
  void tokenAndIamSettingsHaveVariablesToo() {
    CliRun cli =
        cli()
            .env("MODELARTS_AUTH_TOKEN", "t")
            .env("HUAWEICLOUD_SDK_SK", "s")
            .env("MODELARTS_IAM_USER", "u")
            .env("MODELARTS_IAM_PASSWORD", "p")
            .env("MODELARTS_IAM_DOMAIN", "d");

    cli.run("job-info", "--job-id", "10", "--version-id", "10");

    assertThat(cli.lastSettings.asMap())
        .containsEntry("auth-token", "t")
        .containsEntry("secret-key", "s")
        .containsEntry("iam-user", "u")
        .containsEntry("iam-password", "p")
        .containsEntry("iam-domain", "d");
  }

  @Test
  void configFileMayHoldTuningKeysAndTheOutputFormat() throws IOException {
    Path file = config("read-timeout=5s\nretry-max-attempts=1\noutput=table\nverbose=false\n");
    CliRun cli = cli();

    CliRun.Result result =
        cli.run("--config", file.toString(), "job-info", "--job-id", "10", "--version-id", "10");

    assertThat(result.code()).isZero();
    assertThat(cli.lastSettings.asMap())
        .containsEntry("read-timeout", "5s")
        .containsEntry("retry-max-attempts", "1");
  }

  @Test
  void configFileNamedByTheEnvironmentWhenNoFlagNamesOne() throws IOException {
    Path file = config("region=file-region\n");
    CliRun cli = cli().env("MODELARTS_CONFIG", file.toString());

    cli.run("job-info", "--job-id", "10", "--version-id", "10");

    assertThat(cli.lastSettings.get("region")).contains("file-region");
  }

  @Test
  void outputFromTheConfigFileLosesToTheFlag() throws IOException {
    Path file = config("output=xml\n");

    CliRun.Result result =
        cli()
            .run(
                "--config",
                file.toString(),
                "--output",
                "table",
                "job-info",
                "--job-id",
                "10",
                "--version-id",
                "10");

    assertThat(result.code()).isZero();
  }

  @Test
  void missingConfigFileIsAUsageError() {
    Path missing = dir.resolve("missing.properties");

    CliRun.Result result = cli().run("--config", missing.toString(), "versions", "--job-id", "10");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: cannot read config file "
                + missing
                + ": it does not exist; check the path given by --config\n");
  }

  @Test
  void configFileThatIsADirectoryIsAUsageError() {
    CliRun.Result result = cli().run("--config", dir.toString(), "versions", "--job-id", "10");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("error: cannot read config file " + dir + ": it is a directory;");
  }

  @Test
  void unknownKeyInTheConfigFileIsAUsageErrorWithoutItsValue() throws IOException {
    Path file = config("acess-key=s3cr3t\n");

    CliRun.Result result = cli().run("--config", file.toString(), "versions", "--job-id", "10");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("error: config file " + file + " has unknown keys [acess-key]; the keys are [")
        .contains("access-key")
        .doesNotContain("s3cr3t");
  }

  @Test
  void malformedConfigFileIsAUsageError() throws IOException {
    Path file = config("region=\\uZZZZ\n");

    CliRun.Result result = cli().run("--config", file.toString(), "versions", "--job-id", "10");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("error: cannot read config file " + file + ": it is not a properties file;");
  }

  @Test
  void credentialsOfTwoKindsAreRefusedNamingWhereEachCameFromAndWhatToRemove() throws IOException {
    Path file = config("auth-token=file-token\n");
    CliRun cli =
        cli()
            .env("HUAWEICLOUD_SDK_AK", "env-ak")
            .env("HUAWEICLOUD_SDK_SK", "env-sk")
            .env("MODELARTS_ENDPOINT", "http://127.0.0.1:9")
            .env("HUAWEICLOUD_SDK_PROJECT_ID", "0123456789abcdef0123456789abcdef");

    CliRun.Result result =
        cli.run(
            "--adapter",
            "http",
            "--config",
            file.toString(),
            "job-info",
            "--job-id",
            "10",
            "--version-id",
            "10");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: credentials must be of one kind only, but were AK/SK (HUAWEICLOUD_SDK_AK"
                + " and HUAWEICLOUD_SDK_SK from the environment) and a token (auth-token from"
                + " config file "
                + file
                + "); keep one kind: unset HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or delete"
                + " auth-token from "
                + file
                + "\n");
    assertThat(cli.lastSettings).isNull();
  }

  @Test
  void credentialsOfOneKindSplitBetweenEnvironmentAndFileNameBoth() throws IOException {
    Path file = config("secret-key=file-sk\niam-user=u\niam-password=p\niam-domain=d\n");
    CliRun cli = cli().env("HUAWEICLOUD_SDK_AK", "env-ak");

    CliRun.Result result =
        cli.run("--adapter", "http", "--config", file.toString(), "versions", "--job-id", "10");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "error: credentials must be of one kind only, but were AK/SK (HUAWEICLOUD_SDK_AK"
                + " from the environment; secret-key from config file "
                + file
                + ") and an IAM user (iam-user, iam-password and iam-domain from config file "
                + file
                + "); keep one kind: unset HUAWEICLOUD_SDK_AK and delete secret-key from "
                + file
                + ", or delete iam-user, iam-password and iam-domain from "
                + file
                + "\n")
        .doesNotContain("env-ak", "file-sk");
  }

  @Test
  void credentialsOfTwoKindsDoNotStopTheFixturesAdapter() throws IOException {
    Path file = config("auth-token=file-token\n");
    CliRun cli = cli().env("HUAWEICLOUD_SDK_AK", "env-ak").env("HUAWEICLOUD_SDK_SK", "env-sk");

    CliRun.Result result =
        cli.run("--config", file.toString(), "job-info", "--job-id", "10", "--version-id", "10");

    assertThat(result.code()).isZero();
  }

  @Test
  void badValueInTheConfigFileIsNamedWithItsKeyAndFile() throws IOException {
    Path file = config("verbose=maybe\n");

    CliRun.Result result = cli().run("--config", file.toString(), "versions", "--job-id", "10");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: verbose must be true/false, yes/no, 1/0 or on/off, but was \"maybe\" (from"
                + " verbose in config file "
                + file
                + "); see 'modelarts-jobs --help'\n");
  }

  @Test
  void iamUserFailureHintNamesTheConfigKeysWhenTheFileGaveThem() throws IOException {
    Path file = config("iam-user=u\niam-password=p\niam-domain=d\n");
    io.github.modelartsjobs.core.error.AuthenticationException refused =
        new io.github.modelartsjobs.core.error.AuthenticationException(
            io.github.modelartsjobs.core.error.ErrorContext.forVersion(10, 10).withHttpStatus(401),
            null);
    CliRun cli = new CliRun(new InMemoryPort().answer(10, 10, refused));

    CliRun.Result result =
        cli.run(
            "--adapter",
            "http",
            "--config",
            file.toString(),
            "job-info",
            "--job-id",
            "10",
            "--version-id",
            "10");

    assertThat(result.code()).isEqualTo(4);
    assertThat(result.err())
        .endsWith("; check iam-user, iam-password and iam-domain in config file " + file + "\n");
  }
}
