package io.github.modelartsjobs.http;

import feign.FeignException;
import feign.Request;
import feign.Response;
import io.github.modelartsjobs.core.error.ErrorContext;
import io.github.modelartsjobs.core.error.InvalidResponseException;
import io.github.modelartsjobs.core.error.ServiceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;

/**
 * Sends one request and reads its answer, turning every failure of the wire into either an {@link
 * AttemptFailure} (worth another attempt) or a typed error of the core (not worth one), so that no
 * Feign or {@code java.net} exception leaves the adapter.
 *
 * <ul>
 *   <li>connection refused, no route, a connect or read timeout, a connection reset, a stalled
 *       body, the call deadline passing while a body arrives: {@link AttemptFailure} carrying a
 *       {@link ServiceUnavailableException};
 *   <li>a failed TLS handshake (an untrusted certificate, say) or an unknown host: {@link
 *       ServiceUnavailableException} at once, since retrying cannot help;
 *   <li>a body larger than {@code max-body-bytes}: {@link InvalidResponseException}.
 * </ul>
 */
final class Transport {

  /** The most bytes of an error body read: enough for the service's JSON or an excerpt. */
  static final int ERROR_BODY_LIMIT = 64 * 1024;

  private static final int EXCERPT_LENGTH = 160;

  private static final long LONGEST_RETRY_AFTER_SECONDS = 999_999_999_999L;

  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  private static final Pattern HIDDEN_ELEMENT =
      Pattern.compile("(?is)<(script|style|head)[^>]*>.*?</\\1\\s*>");

  private final BodyReader reader;

  private final Duration connectTimeout;

  private final Duration readTimeout;

  private final int maxBodyBytes;

  private final Clock clock;

  Transport(
      BodyReader reader,
      Duration connectTimeout,
      Duration readTimeout,
      int maxBodyBytes,
      Clock clock) {
    this.reader = reader;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.maxBodyBytes = maxBodyBytes;
    this.clock = clock;
  }

  /**
   * The Feign options of one attempt: the read timeout cut to the time left before the deadline,
   * which {@link LazyDecodingClient} sets as the JDK request's timeout (the wait for the response
   * headers). The connect timeout and the redirects not followed are the JDK client's own settings,
   * given here too so that the options say what the attempt does.
   */
  Request.Options options(Deadline deadline) {
    return new Request.Options(connectTimeout, deadline.cap(readTimeout), false);
  }

  /**
   * Sends a request.
   *
   * @param call the Feign call, given the options of the attempt
   * @param deadline the call deadline
   * @param context the ids of the call
   * @param peer what is called, for messages: {@code the service} or {@code IAM}
   * @return the response, whose body the caller must read or close
   */
  Response send(
      Function<Request.Options, Response> call,
      Deadline deadline,
      ErrorContext context,
      String peer) {
    try {
      return call.apply(options(deadline));
    } catch (FeignException e) {
      throw transportFailure(e, context, peer);
    }
  }

  /**
   * Reads the body of a response, bounded by size and time.
   *
   * @param response the response
   * @param success true for a 2xx answer, whose body must be whole; false for an error answer, of
   *     which the first {@value #ERROR_BODY_LIMIT} bytes are enough
   * @param deadline the call deadline
   * @param context the ids, status and request id of the call
   * @return the body, empty when there is none
   */
  byte[] body(Response response, boolean success, Deadline deadline, ErrorContext context) {
    if (response.body() == null) {
      return new byte[0];
    }
    int limit = success ? maxBodyBytes : Math.min(maxBodyBytes, ERROR_BODY_LIMIT);
    try {
      InputStream in = response.body().asInputStream();
      return reader.read(in, contentLength(response), limit, !success, deadline, readTimeout);
    } catch (BodyReader.TooLargeException e) {
      throw new InvalidResponseException(
          "the body is larger than max-body-bytes (" + e.limit + " bytes)", context, null);
    } catch (BodyReader.TimedOutException e) {
      throw new AttemptFailure(
          new ServiceUnavailableException(e.getMessage(), context, null), null, e.getMessage());
    } catch (ZipException e) {
      throw new InvalidResponseException(
          "the body could not be decompressed (" + describe(e) + ")", context, null);
    } catch (IOException e) {
      String reason = "the connection failed while reading the body (" + describe(e) + ")";
      throw new AttemptFailure(
          new ServiceUnavailableException(reason, context, null), null, reason);
    }
  }

  private static long contentLength(Response response) {
    String value = header(response, "Content-Length");
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The first value of a response header, or null. Header names are matched in any case. */
  static String header(Response response, String name) {
    for (var entry : response.headers().entrySet()) {
      if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
        Collection<String> values = entry.getValue();
        if (values != null && !values.isEmpty()) {
          String value = values.iterator().next();
          return value == null || value.isBlank() ? null : value.strip();
        }
      }
    }
    return null;
  }

  /**
   * The wait a {@code Retry-After} header asks for: whole seconds, or an HTTP date measured from
   * the injected clock. A date in the past is zero; an unreadable value (a negative number, say) is
   * null. A number of more than 12 digits is read as 999999999999 seconds, so that a huge value is
   * still honoured up to the cap rather than ignored.
   */
  Duration retryAfter(Response response) {
    return parseRetryAfter(header(response, "Retry-After"), clock.instant());
  }

  static Duration parseRetryAfter(String value, Instant now) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.matches("\\d+")) {
      return Duration.ofSeconds(v.length() > 12 ? LONGEST_RETRY_AFTER_SECONDS : Long.parseLong(v));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * A short, single-line excerpt of a body that is not the service's JSON (an HTML page from a
   * proxy, say): tags removed, white space collapsed, at most {@value #EXCERPT_LENGTH} characters;
   * null for an empty body.
   */
  static String excerpt(byte[] body) {
    return excerpt(new String(body, StandardCharsets.UTF_8));
  }

  /** The excerpt of a body already decoded as text (see {@link #excerpt(byte[])}). */
  static String excerpt(String body) {
    String text = body;
    if (text.indexOf('<') >= 0) {
      text = TAG.matcher(HIDDEN_ELEMENT.matcher(text).replaceAll(" ")).replaceAll(" ");
    }
    text = text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    if (text.isEmpty()) {
      return null;
    }
    return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH - 3) + "...";
  }

  private static RuntimeException transportFailure(
      FeignException e, ErrorContext context, String peer) {
    Throwable cause = e.getCause();
    if (findCause(e, SSLException.class) != null) {
      return new ServiceUnavailableException(
          "the TLS handshake with " + peer + " failed (" + describe(cause) + ")", context, null);
    }
    if (findCause(e, UnknownHostException.class) != null) {
      return new ServiceUnavailableException(
          "the host of " + peer + " is unknown (" + describe(cause) + ")", context, null);
    }
    String reason;
    if (cause instanceof HttpConnectTimeoutException) {
      reason = "connecting to " + peer + " timed out";
    } else if (cause instanceof HttpTimeoutException) {
      reason = peer + " did not answer in time";
    } else if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
      reason = "could not connect to " + peer + " (" + describe(cause) + ")";
    } else if (cause instanceof IOException) {
      reason = "the connection to " + peer + " failed (" + describe(cause) + ")";
    } else {
      reason = "the request to " + peer + " failed (" + e.getClass().getSimpleName() + ")";
    }
    return new AttemptFailure(new ServiceUnavailableException(reason, context, null), null, reason);
  }

  private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }

  /**
   * The type and message of an I/O failure on one short line, such as {@code ConnectException:
   * Connection refused}. JDK messages of these exceptions carry no header or body.
   */
  static String describe(Throwable t) {
    if (t == null) {
      return "unknown cause";
    }
    String message = t.getMessage();
    String text =
        t.getClass().getSimpleName()
            + (message == null || message.isBlank() ? "" : ": " + message.strip());
    text = text.replaceAll("[\\s\\p{Cntrl}]+", " ");
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }
}
