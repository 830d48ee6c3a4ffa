package io.github.modelartsjobs.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransportTest {

  private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

  @Test
  void retryAfterInSeconds() {
    assertThat(Transport.parseRetryAfter(" 120 ", NOW)).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void retryAfterAsAnHttpDateIsTheTimeUntilThen() {
    assertThat(Transport.parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", NOW))
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void retryAfterInThePastIsNoWait() {
    assertThat(Transport.parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", NOW))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void anUnreadableRetryAfterIsIgnored() {
    assertThat(Transport.parseRetryAfter("soon", NOW)).isNull();
    assertThat(Transport.parseRetryAfter("-5", NOW)).isNull();
    assertThat(Transport.parseRetryAfter(null, NOW)).isNull();
  }

  @Test
  void anHtmlExcerptHasNoTagsNoHeadAndOneLine() {
    String html =
        "<html>\n<head><title>503 Service Temporarily Unavailable</title>"
            + "<style>body{color:red}</style></head>\n<body>\n<h1>503 Service Temporarily"
            + " Unavailable</h1>\n<script>alert(1)</script><hr>openresty</body></html>";

    assertThat(Transport.excerpt(bytes(html)))
        .isEqualTo("503 Service Temporarily Unavailable openresty");
  }

  @Test
  void anEmptyOrBlankBodyHasNoExcerpt() {
    assertThat(Transport.excerpt(new byte[0])).isNull();
    assertThat(Transport.excerpt(bytes(" \r\n\t "))).isNull();
  }

  @Test
  void aLongBodyIsCut() {
    String excerpt = Transport.excerpt(bytes("x".repeat(1000)));

    assertThat(excerpt).hasSize(160).endsWith("...");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
