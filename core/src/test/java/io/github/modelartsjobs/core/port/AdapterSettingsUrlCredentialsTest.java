package io.github.modelartsjobs.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credentials written into a URL in a setting that is not secret itself never show. */
class AdapterSettingsUrlCredentialsTest {

  @Test
  void userInfoAndSecretQueryParametersAreMaskedAndTheRestIsKept() {
    String shown =
        AdapterSettings.withoutUrlCredentials(
            "https://ak1:sk1@host.example.com:8443/v1/x?page=2&token=t0k3n&X-Signature=abc#f");

    assertThat(shown)
        .isEqualTo("https://****@host.example.com:8443/v1/x?page=2&token=****&X-Signature=****#f");
  }

  @Test
  void urlsWithoutCredentialsAndPlainTextAreUnchanged() {
    assertThat(AdapterSettings.withoutUrlCredentials("https://modelarts.cn-north-4.example.com"))
        .isEqualTo("https://modelarts.cn-north-4.example.com");
    assertThat(AdapterSettings.withoutUrlCredentials("90s")).isEqualTo("90s");
    assertThat(AdapterSettings.withoutUrlCredentials(null)).isNull();
  }

  @Test
  void settingsShowNoCredentialWrittenIntoAnEndpoint() {
    AdapterSettings settings =
        AdapterSettings.of(
            Map.of("endpoint", "http://ak1:secret1@host", "read-timeout", "http://u:pw1@x"));

    assertThat(settings.toString()).doesNotContain("secret1").contains("endpoint=http://****@host");
    assertThatThrownBy(() -> settings.duration("read-timeout"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageNotContaining("pw1")
        .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain("pw1"));
  }
}
