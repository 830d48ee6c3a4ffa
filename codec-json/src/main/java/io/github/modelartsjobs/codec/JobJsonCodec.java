package io.github.modelartsjobs.codec;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ErrorContext;
import io.github.modelartsjobs.core.error.InvalidResponseException;
import io.github.modelartsjobs.core.error.ModelArtsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The one mapping between the JSON of the ModelArts v1 training-job API and the domain, shared by
 * every adapter so that a fixture and a live answer can never be read differently. Thread-safe and
 * reusable: create one and keep it.
 *
 * <p><b>Reading</b> is lenient where the service is inconsistent:
 *
 * <ul>
 *   <li>numbers sent as strings and strings sent as numbers ({@code core}, {@code cpu}, ids and
 *       codes, parameter values, metric values, series points);
 *   <li>{@code model_metric_list} and {@code system_metric_list} sent as an object or as a string
 *       holding JSON (read with a parser of its own);
 *   <li>{@code null} for any optional field means absent;
 *   <li>unknown keys are kept, as sent, in the undocumented fields of their object; unknown status
 *       and engine codes keep their number;
 *   <li>a documented key whose value cannot be read as documented (an object where a string
 *       belongs, a word where a number belongs, a volume without its kind) leaves its part of the
 *       domain absent and is kept, as sent, among the other fields of its object under its own
 *       name; a string holding JSON that is not JSON is kept as that string;
 *   <li>a series point that is null or a string that is not a number is {@link Double#NaN}.
 * </ul>
 *
 * <p>It is strict where leniency would lie. Each of these is an {@link InvalidResponseException}
 * whose message names the field, the limit, or the position (line, column and byte offset): a body
 * that is empty, not JSON, truncated, not an object, or followed by more content; a missing or
 * invalid {@code job_id} or {@code version_id} (at least 1); an {@code is_success} that is not a
 * boolean; a versions list whose {@code versions} is not an array of objects; a key that occurs
 * twice in one object (duplicates are detected in every object, including inside strings holding
 * JSON, rather than letting the last one win); a body over the {@link CodecLimits}.
 *
 * <p>A versions list is read in the order sent (the service sends the newest first). Its job id,
 * name and description are copied into each version that does not carry its own.
 *
 * <p>A body with {@code "is_success": false}, or without {@code is_success} and {@code job_id} but
 * with an {@code error_code} (a gateway error), is the typed error that {@link
 * io.github.modelartsjobs.core.error.ServiceErrors#fromService} gives for its code, whatever HTTP
 * status the {@code context} carries. No other exception leaves a read.
 *
 * <p><b>Writing</b> gives the service's field names with {@code "is_success": true}, documented
 * keys in the order of the API reference, absent parts left out, then the undocumented fields in
 * the order read; two-space indentation. Numbers are numbers ({@code core} and {@code cpu}
 * included); whole values are written without a fraction; series points that are NaN are null,
 * other non-finite numbers are the strings {@code "NaN"}, {@code "Infinity"} and {@code
 * "-Infinity"}, which read back. Metric lists are written as objects. Reading what was written
 * gives an equal job, with these exceptions: times finer than a millisecond are cut to it; the name
 * of an unknown status is not written (the service sends none); an undocumented number held as a
 * {@link Double} reads back as a {@link Long} or {@link java.math.BigDecimal}; an undocumented
 * field named like a documented key is not written while that key's part is present.
 */
public final class JobJsonCodec {

  private final CodecLimits limits;
  private final JsonFactory factory;
  private final JsonFactory nestedFactory;
  private final DefaultPrettyPrinter prettyPrinter;
  private final KeyCache keys = new KeyCache();

  private JobJsonCodec(CodecLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .maxStringLength(limits.maxStringLength())
            .maxDocumentLength(limits.maxBodyBytes())
            .build();
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(constraints)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    this.nestedFactory =
        JsonFactory.builder()
            .streamReadConstraints(constraints)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .recyclerPool(NestedBuffers.POOL)
            .build();
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    this.prettyPrinter =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
  }

  /** A codec with the default limits ({@link CodecLimits#defaults()}). */
  public static JobJsonCodec create() {
    return new JobJsonCodec(CodecLimits.defaults());
  }

  /**
   * A codec with these limits.
   *
   * @param limits the limits every read enforces
   * @return the codec
   */
  public static JobJsonCodec create(CodecLimits limits) {
    return new JobJsonCodec(limits);
  }

  /** The limits this codec enforces. */
  public CodecLimits limits() {
    return limits;
  }

  /**
   * Reads a version-details body.
   *
   * @param body the body as sent, UTF-8 (a byte order mark is skipped)
   * @param context the ids, HTTP status and request id of the call, for messages; may be {@link
   *     ErrorContext#EMPTY} (null counts as empty)
   * @return the version
   * @throws InvalidResponseException if the body cannot be read (see the class description)
   * @throws ModelArtsException the typed error, for a body that reports a failure
   */
  public TrainingJob readVersionDetails(byte[] body, ErrorContext context) {
    return read(body, context, JobReader::readVersionDetails);
  }

  /**
   * Reads a version-details body from a stream, to its end; the stream is not closed.
   *
   * @param body the body; reading more than {@link CodecLimits#maxBodyBytes()} fails
   * @param context the context of the call, for messages (null counts as empty)
   * @return the version
   * @throws InvalidResponseException if the body cannot be read, the stream included
   * @throws ModelArtsException the typed error, for a body that reports a failure
   */
  public TrainingJob readVersionDetails(InputStream body, ErrorContext context) {
    ErrorContext ctx = orEmpty(context);
    return readVersionDetails(readAll(body, ctx), ctx);
  }

  /**
   * Reads a versions-list body. The job id, name and description of the list are copied into each
   * version that does not carry its own.
   *
   * @param body the body as sent
   * @param context the context of the call, for messages (null counts as empty)
   * @return the versions, in the order sent (the service sends the newest first)
   * @throws InvalidResponseException if the body cannot be read, or a version carries another job
   *     id than the list
   * @throws ModelArtsException the typed error, for a body that reports a failure
   */
  public JobVersions readVersions(byte[] body, ErrorContext context) {
    return read(body, context, JobReader::readVersions);
  }

  /**
   * Reads a versions-list body from a stream, to its end; the stream is not closed.
   *
   * @param body the body; reading more than {@link CodecLimits#maxBodyBytes()} fails
   * @param context the context of the call, for messages (null counts as empty)
   * @return the versions, in the order sent
   * @throws InvalidResponseException if the body cannot be read, the stream included
   * @throws ModelArtsException the typed error, for a body that reports a failure
   */
  public JobVersions readVersions(InputStream body, ErrorContext context) {
    ErrorContext ctx = orEmpty(context);
    return readVersions(readAll(body, ctx), ctx);
  }

  /**
   * The error fields of a body that came with a failure: {@code error_code}, {@code error_message}
   * (or else {@code error_msg}) and {@code request_id}, each null when absent. Never throws.
   *
   * @param body the body, possibly null, empty, HTML or anything else
   * @return the fields when the body is one whole JSON object within the limits, else empty
   */
  public Optional<ServiceErrorBody> readErrorBody(byte[] body) {
    if (body == null || body.length == 0 || body.length > limits.maxBodyBytes()) {
      return Optional.empty();
    }
    JobReader reader = new JobReader(factory, nestedFactory, limits, keys, ErrorContext.EMPTY);
    try {
      return Optional.ofNullable(reader.readErrorBody(body));
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return Optional.empty();
    } finally {
      closeQuietly(reader);
    }
  }

  /**
   * Writes a version as a version-details body (see the class description).
   *
   * @param job the version
   * @return the body, UTF-8
   * @throws IllegalArgumentException if a time does not fit in epoch milliseconds
   */
  public byte[] writeVersionDetails(TrainingJob job) {
    Objects.requireNonNull(job, "job");
    ByteArrayBuilder out = new ByteArrayBuilder();
    try (JsonGenerator g = generator(out)) {
      new JobWriter(g).writeVersionDetails(job);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Writes a version as a version-details body to a stream, which is flushed but not closed.
   *
   * @param job the version
   * @param out where to write, UTF-8
   * @throws UncheckedIOException if the stream fails
   * @throws IllegalArgumentException if a time does not fit in epoch milliseconds
   */
  public void writeVersionDetails(TrainingJob job, OutputStream out) {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(out, "out");
    try (JsonGenerator g = generator(out)) {
      new JobWriter(g).writeVersionDetails(job);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes versions as a versions-list body. A version's job id is left out, and so are its job
   * name and description where they equal those of the list.
   *
   * @param versions the versions
   * @return the body, UTF-8
   * @throws IllegalArgumentException if a time does not fit in epoch milliseconds
   */
  public byte[] writeVersions(JobVersions versions) {
    Objects.requireNonNull(versions, "versions");
    ByteArrayBuilder out = new ByteArrayBuilder();
    try (JsonGenerator g = generator(out)) {
      new JobWriter(g).writeVersions(versions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private JsonGenerator generator(OutputStream out) throws IOException {
    JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.setPrettyPrinter(prettyPrinter.createInstance());
    return g;
  }

  /** What one kind of body is read into, by a reader made for that read alone. */
  @FunctionalInterface
  private interface BodyRead<T> {
    T read(JobReader reader, byte[] body) throws IOException;
  }

  private <T> T read(byte[] body, ErrorContext context, BodyRead<T> what) {
    ErrorContext ctx = orEmpty(context);
    JobReader reader = new JobReader(factory, nestedFactory, limits, keys, ctx);
    try {
      return what.read(reader, checkSize(body, ctx));
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw invalid(e, reader, ctx);
    } finally {
      closeQuietly(reader);
    }
  }

  private static ErrorContext orEmpty(ErrorContext context) {
    return context == null ? ErrorContext.EMPTY : context;
  }

  private byte[] checkSize(byte[] body, ErrorContext context) {
    Objects.requireNonNull(body, "body");
    if (body.length > limits.maxBodyBytes()) {
      throw tooLarge(body.length + " bytes", context);
    }
    return body;
  }

  private InvalidResponseException tooLarge(String size, ErrorContext context) {
    return new InvalidResponseException(
        "the body exceeds maxBodyBytes (" + limits.maxBodyBytes() + " bytes): it has " + size,
        context,
        null);
  }

  private byte[] readAll(InputStream body, ErrorContext context) {
    Objects.requireNonNull(body, "body");
    byte[] bytes;
    try {
      bytes = body.readNBytes((int) limits.maxBodyBytes() + 1);
    } catch (IOException e) {
      throw new InvalidResponseException(
          "the body could not be read: " + JsonErrors.oneLine(e.getMessage()), context, e);
    }
    if (bytes.length > limits.maxBodyBytes()) {
      throw tooLarge("more", context);
    }
    return bytes;
  }

  private RuntimeException invalid(Throwable e, JobReader reader, ErrorContext context) {
    if (e instanceof ModelArtsException typed) {
      return typed;
    }
    if (e instanceof JsonProcessingException json) {
      return new InvalidResponseException(
          JsonErrors.problem(json, limits) + reader.at(json.getLocation()), context, null);
    }
    String what = e instanceof IOException ? "" : " (" + e.getClass().getSimpleName() + ")";
    return new InvalidResponseException(
        "the body could not be read"
            + what
            + ": "
            + JsonErrors.oneLine(e.getMessage())
            + reader.position(),
        context,
        null);
  }

  private static void closeQuietly(JobReader reader) {
    try {
      reader.close();
    } catch (IOException | RuntimeException e) {
      // nothing was left to release
    }
  }
}
