package io.github.modelartsjobs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.modelartsjobs.core.port.InvalidSettingsException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxySelectionTest {

  private static final Proxy PROXY =
      new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.example.com", 3128));

  private static ProxySelector selector(Map<String, String> env) {
    return EnvironmentProxySelector.create(env::get);
  }

  @Test
  void httpsProxyFromTheEnvironmentCarriesRequests() {
    ProxySelector selector = selector(Map.of("HTTPS_PROXY", "http://proxy.example.com:3128"));

    assertThat(selector.select(URI.create("https://modelarts.cn-north-4.myhuaweicloud.com/v1")))
        .containsExactly(PROXY);
  }

  @Test
  void theLowerCaseNamesAreReadToo() {
    ProxySelector selector =
        selector(Map.of("https_proxy", "proxy.example.com:3128", "no_proxy", "internal"));

    assertThat(selector.select(URI.create("https://modelarts.example.com"))).containsExactly(PROXY);
    assertThat(selector.select(URI.create("https://internal"))).containsExactly(Proxy.NO_PROXY);
  }

  @ParameterizedTest
  @CsvSource({
    "https://modelarts.internal.example.com,DIRECT",
    "https://internal.example.com,DIRECT",
    "https://other.example.com,PROXY",
    "https://10.1.2.3,DIRECT",
    "https://iam.corp.test:8443,DIRECT",
    "https://127.0.0.1:8443,DIRECT",
    "https://localhost,DIRECT",
    "https://notinternal.example.com,PROXY"
  })
  void noProxyNamesHostsDomainsAndAddressesThatGoDirect(String uri, String expected) {
    ProxySelector selector =
        selector(
            Map.of(
                "HTTPS_PROXY", "http://proxy.example.com:3128",
                "NO_PROXY", " .internal.example.com, 10.1.2.3,*.corp.test:443"));

    List<Proxy> proxies = selector.select(URI.create(uri));

    assertThat(proxies).containsExactly(expected.equals("DIRECT") ? Proxy.NO_PROXY : PROXY);
  }

  @Test
  void aStarInNoProxyMeansNoProxyAtAll() {
    ProxySelector selector =
        selector(Map.of("HTTPS_PROXY", "http://proxy.example.com:3128", "NO_PROXY", "*"));

    assertThat(selector.select(URI.create("https://modelarts.example.com")))
        .containsExactly(Proxy.NO_PROXY);
  }

  @Test
  void withoutHttpsProxyTheJavaPropertiesDecide() {
    ProxySelector selector = selector(Map.of());

    assertThat(selector).isSameAs(ProxySelector.getDefault());
  }

  @Test
  void proxyCredentialsAreNeitherUsedNorShown() {
    EnvironmentProxySelector selector =
        (EnvironmentProxySelector)
            selector(Map.of("HTTPS_PROXY", "http://bob:proxy-secret@proxy.example.com:3128"));

    assertThat(selector.proxy()).isEqualTo(PROXY.address());
    assertThat(selector.toString()).doesNotContain("proxy-secret").doesNotContain("bob");
  }

  @Test
  void anUnreadableProxyIsRejectedWithoutShowingIt() {
    assertThatThrownBy(() -> selector(Map.of("HTTPS_PROXY", "http://bob:s3cret@[bad")))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "HTTPS_PROXY must be a URL such as http://proxy.example.com:3128, but was not (value"
                + " not shown)");
  }
}
