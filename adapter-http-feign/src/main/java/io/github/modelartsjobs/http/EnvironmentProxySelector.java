package io.github.modelartsjobs.http;

import io.github.modelartsjobs.core.port.InvalidSettingsException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses the proxy for a request the way command-line tools do: the standard Java properties
 * ({@code https.proxyHost}, {@code https.proxyPort}, {@code http.nonProxyHosts}) when set, else the
 * {@code HTTPS_PROXY} and {@code NO_PROXY} environment variables (upper or lower case).
 *
 * <p>{@code NO_PROXY} is a comma-separated list of host names, domain suffixes ({@code
 * .example.com} or {@code example.com}, both matching sub-domains), IP literals, or {@code *} for
 * all; a port after a colon is ignored. Loopback hosts never go through a proxy.
 *
 * <p>Note: user info in {@code HTTPS_PROXY} (proxy credentials) is ignored, and never shown.
 */
final class EnvironmentProxySelector extends ProxySelector {

  private final InetSocketAddress proxy;

  private final List<String> noProxy;

  private EnvironmentProxySelector(InetSocketAddress proxy, List<String> noProxy) {
    this.proxy = proxy;
    this.noProxy = noProxy;
  }

  /**
   * The selector for the current Java properties and the given environment.
   *
   * @param environment reads environment variables
   * @return a selector; the JDK's default one when a Java proxy property is set or no {@code
   *     HTTPS_PROXY} is, which then decides from the Java properties alone
   * @throws InvalidSettingsException if {@code HTTPS_PROXY} is not a URL (the value is not shown)
   */
  static ProxySelector create(Function<String, String> environment) {
    String javaProxy = System.getProperty("https.proxyHost");
    Optional<String> envProxy = first(environment, HttpSettings.ENV_HTTPS_PROXY);
    ProxySelector system = ProxySelector.getDefault();
    if ((javaProxy != null && !javaProxy.isBlank()) || envProxy.isEmpty()) {
      return system != null ? system : ProxySelector.of(null);
    }
    List<String> noProxy = new ArrayList<>();
    first(environment, HttpSettings.ENV_NO_PROXY)
        .ifPresent(
            list -> {
              for (String entry : list.split(",")) {
                String e = entry.strip().toLowerCase(Locale.ROOT);
                int colon = e.lastIndexOf(':');
                if (colon > 0 && !e.endsWith("]") && e.indexOf(':') == colon) {
                  e = e.substring(0, colon);
                }
                if (!e.isEmpty()) {
                  noProxy.add(e.startsWith("*.") ? e.substring(1) : e);
                }
              }
            });
    return new EnvironmentProxySelector(parse(envProxy.get()), List.copyOf(noProxy));
  }

  private static Optional<String> first(Function<String, String> environment, String name) {
    return HttpSettings.env(environment, name)
        .or(() -> HttpSettings.env(environment, name.toLowerCase(Locale.ROOT)));
  }

  private static InetSocketAddress parse(String value) {
    String text = value.contains("://") ? value : "http://" + value;
    try {
      URI uri = new URI(text);
      if (uri.getHost() == null) {
        throw new URISyntaxException(text, "no host");
      }
      int port = uri.getPort();
      if (port < 0) {
        port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      }
      return InetSocketAddress.createUnresolved(uri.getHost(), port);
    } catch (URISyntaxException e) {
      throw new InvalidSettingsException(
          HttpSettings.ENV_HTTPS_PROXY
              + " must be a URL such as http://proxy.example.com:3128,"
              + " but was not (value not shown)");
    }
  }

  /** The proxy address, for tests and messages. */
  InetSocketAddress proxy() {
    return proxy;
  }

  @Override
  public List<Proxy> select(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (HttpConfig.isLoopback(host) || bypassed(host)) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(new Proxy(Proxy.Type.HTTP, proxy));
  }

  private boolean bypassed(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    for (String entry : noProxy) {
      if (entry.equals("*")) {
        return true;
      }
      String domain = entry.startsWith(".") ? entry.substring(1) : entry;
      String bareEntry =
          domain.startsWith("[") && domain.endsWith("]")
              ? domain.substring(1, domain.length() - 1)
              : domain;
      if (bare.equals(bareEntry) || bare.endsWith("." + domain)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // nothing to remember: the request fails and may be retried
  }

  @Override
  public String toString() {
    return "EnvironmentProxySelector{proxy="
        + proxy.getHostString()
        + ":"
        + proxy.getPort()
        + ", noProxy="
        + noProxy
        + "}";
  }
}
