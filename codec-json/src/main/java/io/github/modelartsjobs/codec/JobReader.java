package io.github.modelartsjobs.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.ReaderBasedJsonParser;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import io.github.modelartsjobs.core.domain.ClassMetric;
import io.github.modelartsjobs.core.domain.CodeSpec;
import io.github.modelartsjobs.core.domain.DataInputs;
import io.github.modelartsjobs.core.domain.DataSource;
import io.github.modelartsjobs.core.domain.Engine;
import io.github.modelartsjobs.core.domain.EngineType;
import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.MetricSeries;
import io.github.modelartsjobs.core.domain.MetricValues;
import io.github.modelartsjobs.core.domain.ModelMetrics;
import io.github.modelartsjobs.core.domain.NasMount;
import io.github.modelartsjobs.core.domain.Outputs;
import io.github.modelartsjobs.core.domain.Parameter;
import io.github.modelartsjobs.core.domain.ResourceSpec;
import io.github.modelartsjobs.core.domain.SystemMetrics;
import io.github.modelartsjobs.core.domain.Timing;
import io.github.modelartsjobs.core.domain.TotalMetric;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.domain.Volume;
import io.github.modelartsjobs.core.error.ErrorContext;
import io.github.modelartsjobs.core.error.InvalidResponseException;
import io.github.modelartsjobs.core.error.ServiceErrors;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads one body with Jackson's streaming parser straight into the domain. One instance per body;
 * not thread-safe.
 *
 * <p>A documented key whose value cannot be read as documented (an object where a string belongs,
 * an item of {@code volumes} that is not an object) leaves its part of the domain absent and is
 * kept as sent among the other fields of its object, under its own name. To keep a structured value
 * as sent after part of it was read, the value is read a second time from its first byte.
 */
final class JobReader {

  /** Signals that a value does not have its documented shape; shared, without a stack trace. */
  private static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    private Unreadable() {
      super("unreadable", null, false, false);
    }
  }

  private static final Unreadable UNREADABLE = new Unreadable();

  /**
   * Reads a structured value that starts at the current token of the reader's parser: a method of
   * the reader referred to without its instance, so that no object is made for each read.
   */
  private interface Structured<T> {
    T read(JobReader reader, JsonToken first) throws IOException, Unreadable;
  }

  /**
   * What has been read of one JSON object: the documented keys seen, and the other fields (the
   * draft is their {@link JsonFields}, which saves an object per JSON object).
   */
  private static class Draft extends JsonFields {
    long seen;
  }

  private static final int MIN_SERIES_CAPACITY = 16;

  private final JsonFactory factory;
  private final JsonFactory nestedFactory;
  private final CodecLimits limits;
  private final KeyCache keys;
  private final ErrorContext context;
  private JsonParser parser;
  private byte[] bytes;
  private char[] chars;
  private int charsStart;
  private int charsEnd;
  private String inString;
  private int seriesCapacity = MIN_SERIES_CAPACITY;
  private final char[] scratch = new char[32];

  /**
   * A reader for one body.
   *
   * @param factory the factory of the body's parser
   * @param nestedFactory the factory for strings holding JSON, with buffers of its own, since the
   *     body's parser holds the buffers of the thread while the string is read
   * @param limits the limits, for messages and for strings holding JSON
   * @param keys the keys of strings holding JSON read before, shared by the codec's reads
   * @param context the call, for messages
   */
  JobReader(
      JsonFactory factory,
      JsonFactory nestedFactory,
      CodecLimits limits,
      KeyCache keys,
      ErrorContext context) {
    this.factory = factory;
    this.nestedFactory = nestedFactory;
    this.limits = limits;
    this.keys = keys;
    this.context = context;
  }

  // ---------------------------------------------------------------------------------------------
  // Entry points

  TrainingJob readVersionDetails(byte[] body) throws IOException {
    open(body);

    VersionDraft draft = readVersion(null);
    expectEnd();

    failIfServiceError(draft.isSuccess, draft.jobId == null, draft);
    return draft.build(null);
  }

  JobVersions readVersions(byte[] body) throws IOException {
    open(body);

    ListDraft list = readVersionList();
    expectEnd();

    failIfServiceError(list.isSuccess, list.jobId == null, list);
    if (list.jobIdProblem != null) {
      throw new InvalidResponseException(list.jobIdProblem, context, null);
    }
    if (list.jobId == null) {
      throw new InvalidResponseException("missing field job_id", context, null);
    }
    List<TrainingJob> versions = new ArrayList<>(list.versions.size());
    for (VersionDraft version : list.versions) {
      versions.add(version.build(list));
    }
    return new JobVersions(
        list.jobId,
        Optional.ofNullable(list.jobName),
        Optional.ofNullable(list.jobDescription),
        list.versionCount == null ? OptionalLong.empty() : OptionalLong.of(list.versionCount),
        versions,
        list.toMap());
  }

  /** Reads the error fields of a body, or returns null when it is not one whole JSON object. */
  ServiceErrorBody readErrorBody(byte[] body) throws IOException {
    this.bytes = body;
    parser = factory.createParser(body);
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    String code = null;
    String message = null;
    String shortMessage = null;
    String requestId = null;
    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
      String name = name();
      JsonToken value = parser.nextToken();
      String scalar =
          value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getText() : null;
      parser.skipChildren();
      switch (name) {
        case "error_code" -> code = scalar;
        case "error_message" -> message = scalar;
        case "error_msg" -> shortMessage = scalar;
        case "request_id" -> requestId = scalar;
        default -> {
          // not an error field
        }
      }
    }
    if (parser.nextToken() != null) {
      return null;
    }
    return new ServiceErrorBody(code, message != null ? message : shortMessage, requestId);
  }

  /** Closes the parser of the body, if one was opened. */
  void close() throws IOException {
    if (parser != null) {
      parser.close();
    }
  }

  /** Where the parser is, for a message: {@code at line 3, column 5 (byte 40)}, or "". */
  String position() {
    if (parser == null) {
      return "";
    }
    return at(parser.currentTokenLocation());
  }

  /** Where a location is, for a message, naming the string holding JSON being read, if any. */
  String at(JsonLocation location) {
    StringBuilder s = new StringBuilder();
    if (inString != null) {
      s.append(" in the JSON string of ").append(inString);
    }
    if (location != null && location.getLineNr() > 0) {
      s.append(" at line ")
          .append(location.getLineNr())
          .append(", column ")
          .append(location.getColumnNr());
      if (inString == null && location.getByteOffset() >= 0) {
        s.append(" (byte ").append(location.getByteOffset()).append(')');
      }
    }
    return s.toString();
  }

  private void open(byte[] body) throws IOException {
    this.bytes = body;
    parser = factory.createParser(body);
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new InvalidResponseException("the body is empty", context, null);
    }
    if (first != JsonToken.START_OBJECT) {
      throw invalid("the body must be a JSON object, but was " + describe(first));
    }
  }

  private void expectEnd() throws IOException {
    JsonToken after = parser.nextToken();
    if (after != null) {
      throw invalid("unexpected " + describe(after) + " after the JSON object");
    }
  }

  private void failIfServiceError(Boolean isSuccess, boolean noJobId, JsonFields other) {
    String code = other.get("error_code") instanceof String s && !s.isBlank() ? s : null;
    boolean failed =
        Boolean.FALSE.equals(isSuccess) || (isSuccess == null && noJobId && code != null);
    if (!failed) {
      return;
    }
    String message =
        other.get("error_message") instanceof String m
            ? m
            : other.get("error_msg") instanceof String m2 ? m2 : null;
    String requestId = other.get("request_id") instanceof String r ? r : null;
    throw ServiceErrors.fromService(
        new ServiceErrorBody(code, message, requestId).applyTo(context), null);
  }

  // ---------------------------------------------------------------------------------------------
  // The versions list

  private static final class ListDraft extends Draft {
    Boolean isSuccess;
    Long jobId;
    String jobIdProblem;
    String jobName;
    String jobDescription;
    Long versionCount;
    List<VersionDraft> versions = List.of();
  }

  private ListDraft readVersionList() throws IOException {
    ListDraft d = new ListDraft();
    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
      String name = name();
      JsonToken v = parser.nextToken();
      switch (name) {
        case "is_success" -> d.isSuccess = success(d, 0, name, v);
        case "job_id" -> {
          mark(d, 1, name);
          d.jobIdProblem = idProblem(name, v);
          d.jobId = parsedId;
        }
        case "job_name" -> d.jobName = text(d, 2, name, v);
        case "job_desc" -> d.jobDescription = text(d, 3, name, v);
        case "version_count" -> d.versionCount = whole(d, 4, name, v);
        case "versions" -> {
          mark(d, 5, name);
          d.versions = readVersionItems(v);
        }
        default -> addOther(d, name, readValue(v));
      }
    }
    return d;
  }

  private List<VersionDraft> readVersionItems(JsonToken first) throws IOException {
    if (first == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (first != JsonToken.START_ARRAY) {
      throw invalid("versions must be an array, but was " + describe(first));
    }
    List<VersionDraft> items = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      String path = "versions[" + items.size() + "]";
      if (t != JsonToken.START_OBJECT) {
        throw invalid(path + " must be an object, but was " + describe(t));
      }
      items.add(readVersion(path));
    }
    return items;
  }

  // ---------------------------------------------------------------------------------------------
  // One version

  private final class VersionDraft extends Draft {
    final String path;
    Boolean isSuccess;
    Long jobId;
    String jobIdProblem;
    Long versionId;
    String versionIdProblem;
    String jobName;
    String jobDescription;
    String versionName;
    Long previousVersionId;
    Integer engineType;
    String engineName;
    String engineVersion;
    Long engineId;
    Integer status;
    String appUrl;
    String bootFileUrl;
    Long createTime;
    Long startTime;
    Long duration;
    List<Parameter> parameters;
    Long specId;
    String specCode;
    Double cores;
    Double memory;
    Integer gpuCount;
    String gpuType;
    Integer workerCount;
    String dataUrl;
    String trainUrl;
    String logUrl;
    String datasetId;
    String datasetVersionId;
    String datasetName;
    String datasetVersionName;
    List<DataSource> dataSources;
    Long modelId;
    ModelMetrics modelMetrics;
    SystemMetrics systemMetrics;
    String userImageUrl;
    String userCommand;
    List<Volume> volumes;
    String poolId;
    String poolName;
    String resourceId;
    String nasMountPath;
    String nasShareAddress;
    String nasType;

    VersionDraft(String path) {
      this.path = path;
    }

    private String field(String name) {
      return path == null ? name : path + "." + name;
    }

    TrainingJob build(ListDraft list) {
      if (jobIdProblem != null) {
        throw new InvalidResponseException(jobIdProblem, context, null);
      }
      if (versionIdProblem != null) {
        throw new InvalidResponseException(versionIdProblem, context, null);
      }
      long job;
      if (list == null) {
        if (jobId == null) {
          throw new InvalidResponseException("missing field " + field("job_id"), context, null);
        }
        job = jobId;
      } else {
        if (jobId != null && !jobId.equals(list.jobId)) {
          throw new InvalidResponseException(
              field("job_id")
                  + " must be the job_id of the list, "
                  + list.jobId
                  + ", but was "
                  + jobId,
              context,
              null);
        }
        job = list.jobId;
        if (jobName == null && (seen & bit(2)) == 0) {
          jobName = list.jobName;
        }
        if (jobDescription == null && (seen & bit(3)) == 0) {
          jobDescription = list.jobDescription;
        }
      }
      if (versionId == null) {
        throw new InvalidResponseException("missing field " + field("version_id"), context, null);
      }

      return TrainingJob.builder(job, versionId)
          .jobName(Optional.ofNullable(jobName))
          .jobDescription(Optional.ofNullable(jobDescription))
          .versionName(Optional.ofNullable(versionName))
          .previousVersionId(optional(previousVersionId))
          .engine(engine())
          .status(status == null ? Optional.empty() : Optional.of(JobStatus.of(status)))
          .timing(timing())
          .resources(resources())
          .code(code())
          .data(data())
          .outputs(outputs())
          .parameters(Optional.ofNullable(parameters))
          .volumes(Optional.ofNullable(volumes))
          .nas(nas())
          .modelMetrics(Optional.ofNullable(modelMetrics))
          .systemMetrics(Optional.ofNullable(systemMetrics))
          .undocumentedFields(toMap())
          .build();
    }

    private Engine engine() {
      if (engineType == null && engineName == null && engineVersion == null && engineId == null) {
        return Engine.NONE;
      }
      return new Engine(
          engineType == null ? Optional.empty() : Optional.of(EngineType.of(engineType)),
          Optional.ofNullable(engineName),
          Optional.ofNullable(engineVersion),
          optional(engineId));
    }

    private Timing timing() {
      if (createTime == null && startTime == null && duration == null) {
        return Timing.NONE;
      }
      return new Timing(
          createTime == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(createTime)),
          startTime == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(startTime)),
          duration == null ? Optional.empty() : Optional.of(Duration.ofMillis(duration)));
    }

    private ResourceSpec resources() {
      if (specId == null
          && specCode == null
          && cores == null
          && memory == null
          && gpuCount == null
          && gpuType == null
          && workerCount == null
          && poolId == null
          && poolName == null
          && resourceId == null) {
        return ResourceSpec.NONE;
      }
      return new ResourceSpec(
          optional(specId),
          Optional.ofNullable(specCode),
          cores == null ? OptionalDouble.empty() : OptionalDouble.of(cores),
          memory == null ? OptionalDouble.empty() : OptionalDouble.of(memory),
          gpuCount == null ? OptionalInt.empty() : OptionalInt.of(gpuCount),
          Optional.ofNullable(gpuType),
          workerCount == null ? OptionalInt.empty() : OptionalInt.of(workerCount),
          Optional.ofNullable(poolId),
          Optional.ofNullable(poolName),
          Optional.ofNullable(resourceId));
    }

    private CodeSpec code() {
      if (appUrl == null && bootFileUrl == null && userImageUrl == null && userCommand == null) {
        return CodeSpec.NONE;
      }
      return new CodeSpec(
          Optional.ofNullable(appUrl),
          Optional.ofNullable(bootFileUrl),
          Optional.ofNullable(userImageUrl),
          Optional.ofNullable(userCommand));
    }

    private DataInputs data() {
      if (dataUrl == null
          && datasetId == null
          && datasetVersionId == null
          && datasetName == null
          && datasetVersionName == null
          && dataSources == null) {
        return DataInputs.NONE;
      }
      return new DataInputs(
          Optional.ofNullable(dataUrl),
          Optional.ofNullable(datasetId),
          Optional.ofNullable(datasetVersionId),
          Optional.ofNullable(datasetName),
          Optional.ofNullable(datasetVersionName),
          Optional.ofNullable(dataSources));
    }

    private Outputs outputs() {
      if (trainUrl == null && logUrl == null && modelId == null) {
        return Outputs.NONE;
      }
      return new Outputs(
          Optional.ofNullable(trainUrl), Optional.ofNullable(logUrl), optional(modelId));
    }

    private NasMount nas() {
      if (nasMountPath == null && nasShareAddress == null && nasType == null) {
        return NasMount.NONE;
      }
      return new NasMount(
          Optional.ofNullable(nasMountPath),
          Optional.ofNullable(nasShareAddress),
          Optional.ofNullable(nasType));
    }
  }

  /** Reads the keys of a version object; the current token is its start. */
  private VersionDraft readVersion(String path) throws IOException {
    VersionDraft d = new VersionDraft(path);
    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
      String name = name();
      JsonToken v = parser.nextToken();
      readVersionField(d, name, v);
    }
    return d;
  }

  private void readVersionField(VersionDraft d, String name, JsonToken v) throws IOException {
    switch (name) {
      case "is_success" -> d.isSuccess = success(d, 0, name, v);
      case "job_id" -> {
        mark(d, 1, name);
        d.jobIdProblem = idProblem(d.field(name), v);
        d.jobId = parsedId;
      }
      case "job_name" -> d.jobName = text(d, 2, name, v);
      case "job_desc" -> d.jobDescription = text(d, 3, name, v);
      case "version_id" -> {
        mark(d, 4, name);
        d.versionIdProblem = idProblem(d.field(name), v);
        d.versionId = parsedId;
      }
      case "version_name" -> d.versionName = text(d, 5, name, v);
      case "pre_version_id" -> d.previousVersionId = whole(d, 6, name, v);
      case "engine_type" -> d.engineType = small(d, 7, name, v);
      case "engine_name" -> d.engineName = text(d, 8, name, v);
      case "engine_version" -> d.engineVersion = text(d, 9, name, v);
      case "engine_id" -> d.engineId = whole(d, 10, name, v);
      case "status" -> d.status = small(d, 11, name, v);
      case "app_url" -> d.appUrl = text(d, 12, name, v);
      case "boot_file_url" -> d.bootFileUrl = text(d, 13, name, v);
      case "create_time" -> d.createTime = whole(d, 14, name, v);
      case "start_time" -> d.startTime = whole(d, 15, name, v);
      case "duration" -> d.duration = whole(d, 16, name, v);
      case "parameter" ->
          d.parameters = structured(d, 17, name, v, true, JobReader::readParameters);
      case "spec_id" -> d.specId = whole(d, 18, name, v);
      case "spec_code" -> d.specCode = text(d, 19, name, v);
      case "core" -> d.cores = decimal(d, 20, name, v);
      case "cpu" -> d.memory = decimal(d, 21, name, v);
      case "gpu_num" -> d.gpuCount = small(d, 22, name, v);
      case "gpu_type" -> d.gpuType = text(d, 23, name, v);
      case "worker_server_num" -> d.workerCount = small(d, 24, name, v);
      case "data_url" -> d.dataUrl = text(d, 25, name, v);
      case "train_url" -> d.trainUrl = text(d, 26, name, v);
      case "log_url" -> d.logUrl = text(d, 27, name, v);
      case "dataset_id" -> d.datasetId = text(d, 28, name, v);
      case "dataset_version_id" -> d.datasetVersionId = text(d, 29, name, v);
      case "dataset_name" -> d.datasetName = text(d, 30, name, v);
      case "dataset_version_name" -> d.datasetVersionName = text(d, 31, name, v);
      case "data_source" ->
          d.dataSources = structured(d, 32, name, v, true, JobReader::readSources);
      case "model_id" -> d.modelId = whole(d, 33, name, v);
      case "model_metric_list" ->
          d.modelMetrics = maybeInString(d, 34, name, v, JobReader::readModelMetrics);
      case "system_metric_list" ->
          d.systemMetrics = maybeInString(d, 35, name, v, JobReader::readSystemMetrics);
      case "user_image_url" -> d.userImageUrl = text(d, 36, name, v);
      case "user_command" -> d.userCommand = text(d, 37, name, v);
      case "volumes" -> d.volumes = structured(d, 38, name, v, true, JobReader::readVolumes);
      case "pool_id" -> d.poolId = text(d, 39, name, v);
      case "pool_name" -> d.poolName = text(d, 40, name, v);
      case "resource_id" -> d.resourceId = text(d, 41, name, v);
      case "nas_mount_path" -> d.nasMountPath = text(d, 42, name, v);
      case "nas_share_addr" -> d.nasShareAddress = text(d, 43, name, v);
      case "nas_type" -> d.nasType = text(d, 44, name, v);
      default -> addOther(d, name, readValue(v));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Parameters, data sources, volumes

  private List<Parameter> readParameters(JsonToken first) throws IOException, Unreadable {
    if (first != JsonToken.START_ARRAY) {
      throw UNREADABLE;
    }
    List<Parameter> items = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      if (t != JsonToken.START_OBJECT) {
        throw UNREADABLE;
      }
      Draft d = new Draft();
      String label = null;
      String value = null;
      for (t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
        String name = name();
        JsonToken v = parser.nextToken();
        switch (name) {
          case "label" -> label = text(d, 0, name, v);
          case "value" -> value = text(d, 1, name, v);
          default -> addOther(d, name, readValue(v));
        }
      }
      items.add(new Parameter(Optional.ofNullable(label), Optional.ofNullable(value), d.toMap()));
    }
    return items;
  }

  private List<DataSource> readSources(JsonToken first) throws IOException, Unreadable {
    if (first != JsonToken.START_ARRAY) {
      throw UNREADABLE;
    }
    List<DataSource> items = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      if (t != JsonToken.START_OBJECT) {
        throw UNREADABLE;
      }
      Draft d = new Draft();
      String type = null;
      String dataUrl = null;
      String datasetId = null;
      String datasetVersion = null;
      for (t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
        String name = name();
        JsonToken v = parser.nextToken();
        switch (name) {
          case "type" -> type = text(d, 0, name, v);
          case "data_url" -> dataUrl = text(d, 1, name, v);
          case "dataset_id" -> datasetId = text(d, 2, name, v);
          case "dataset_version" -> datasetVersion = text(d, 3, name, v);
          default -> addOther(d, name, readValue(v));
        }
      }
      items.add(
          new DataSource(
              Optional.ofNullable(type),
              Optional.ofNullable(dataUrl),
              Optional.ofNullable(datasetId),
              Optional.ofNullable(datasetVersion),
              d.toMap()));
    }
    return items;
  }

  private List<Volume> readVolumes(JsonToken first) throws IOException, Unreadable {
    if (first != JsonToken.START_ARRAY) {
      throw UNREADABLE;
    }
    List<Volume> items = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      if (t != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME) {
        throw UNREADABLE;
      }
      String kind = name();
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw UNREADABLE;
      }
      Draft d = new Draft();
      String id = null;
      String source = null;
      String destination = null;
      Boolean readOnly = null;
      for (t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
        String name = name();
        JsonToken v = parser.nextToken();
        switch (name) {
          case "id" -> id = text(d, 0, name, v);
          case "src_path" -> source = text(d, 1, name, v);
          case "dest_path" -> destination = text(d, 2, name, v);
          case "read_only" -> readOnly = flag(d, 3, name, v);
          default -> addOther(d, name, readValue(v));
        }
      }
      if (parser.nextToken() != JsonToken.END_OBJECT) {
        throw UNREADABLE;
      }
      items.add(
          new Volume(
              kind,
              Optional.ofNullable(id),
              Optional.ofNullable(source),
              Optional.ofNullable(destination),
              Optional.ofNullable(readOnly),
              d.toMap()));
    }
    return items;
  }

  // ---------------------------------------------------------------------------------------------
  // Model metrics

  private ModelMetrics readModelMetrics(JsonToken first) throws IOException, Unreadable {
    if (first != JsonToken.START_OBJECT) {
      throw UNREADABLE;
    }
    Draft d = new Draft();
    List<ClassMetric> classes = null;
    TotalMetric total = null;
    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
      String name = name();
      JsonToken v = parser.nextToken();
      switch (name) {
        case "metric" -> classes = structured(d, 0, name, v, false, JobReader::readClassMetrics);
        case "total_metric" -> total = structured(d, 1, name, v, true, JobReader::readTotalMetric);
        default -> addOther(d, name, readValue(v));
      }
    }
    return new ModelMetrics(
        classes == null ? List.of() : classes, Optional.ofNullable(total), d.toMap());
  }

  private List<ClassMetric> readClassMetrics(JsonToken first) throws IOException, Unreadable {
    if (first != JsonToken.START_ARRAY) {
      throw UNREADABLE;
    }
    List<ClassMetric> items = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      items.add(readClassMetric(t));
    }
    return items;
  }

  private static final class ClassDraft extends Draft {
    Long classId;
    String className;
    Draft meta;
  }

  private ClassMetric readClassMetric(JsonToken first) throws IOException, Unreadable {
    if (first != JsonToken.START_OBJECT) {
      throw UNREADABLE;
    }
    ClassDraft d = new ClassDraft();
    MetricValues values = null;
    Map<String, Object> reserved = null;
    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
      String name = name();
      JsonToken v = parser.nextToken();
      switch (name) {
        case "metric_values" ->
            values = structured(d, 0, name, v, false, JobReader::readMetricValues);
        case "reserved_data" ->
            reserved = structured(d, 1, name, v, false, JobReader::readObjectValue);
        case "metric_meta" ->
            structured(d, 2, name, v, false, (r, first2) -> r.readClassMeta(d, first2));
        default -> addOther(d, name, readValue(v));
      }
    }
    Draft meta = d.meta;
    return new ClassMetric(
        d.classId == null ? OptionalLong.empty() : OptionalLong.of(d.classId),
        Optional.ofNullable(d.className),
        values == null ? MetricValues.NONE : values,
        meta == null ? Map.of() : meta.toMap(),
        reserved == null ? Map.of() : reserved,
        d.toMap());
  }

  private Draft readClassMeta(ClassDraft owner, JsonToken first) throws IOException, Unreadable {
    if (first != JsonToken.START_OBJECT) {
      throw UNREADABLE;
    }
    Draft meta = new Draft();
    Long classId = null;
    String className = null;
    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
      String name = name();
      JsonToken v = parser.nextToken();
      switch (name) {
        case "class_id" -> classId = whole(meta, 0, name, v);
        case "class_name" -> className = text(meta, 1, name, v);
        default -> addOther(meta, name, readValue(v));
      }
    }
    owner.classId = classId;
    owner.className = className;
    owner.meta = meta;
    return meta;
  }

  private TotalMetric readTotalMetric(JsonToken first) throws IOException, Unreadable {
    if (first != JsonToken.START_OBJECT) {
      throw UNREADABLE;
    }
    Draft d = new Draft();
    MetricValues values = null;
    Map<String, Object> meta = null;
    Map<String, Object> reserved = null;
    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
      String name = name();
      JsonToken v = parser.nextToken();
      switch (name) {
        case "total_metric_values" ->
            values = structured(d, 0, name, v, false, JobReader::readMetricValues);
        case "total_metric_meta" ->
            meta = structured(d, 1, name, v, false, JobReader::readObjectValue);
        case "total_reserved_data" ->
            reserved = structured(d, 2, name, v, false, JobReader::readObjectValue);
        default -> addOther(d, name, readValue(v));
      }
    }
    return new TotalMetric(
        values == null ? MetricValues.NONE : values,
        meta == null ? Map.of() : meta,
        reserved == null ? Map.of() : reserved,
        d.toMap());
  }

  private MetricValues readMetricValues(JsonToken first) throws IOException, Unreadable {
    if (first != JsonToken.START_OBJECT) {
      throw UNREADABLE;
    }
    Map<String, Double> numbers = new LinkedHashMap<>();
    JsonFields others = new JsonFields();
    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
      String name = name();
      JsonToken v = parser.nextToken();
      if (numbers.containsKey(name) || others.contains(name)) {
        throw duplicate(name);
      }
      Double number = number(v);
      if (number != null) {
        numbers.put(name, number);
      } else {
        others.add(name, readValue(v));
      }
    }
    return new MetricValues(numbers, others.toMap());
  }

  // ---------------------------------------------------------------------------------------------
  // System metrics

  private SystemMetrics readSystemMetrics(JsonToken first) throws IOException, Unreadable {
    if (first != JsonToken.START_OBJECT) {
      throw UNREADABLE;
    }
    Draft d = new Draft();
    Long interval = null;
    Map<String, MetricSeries> series = new LinkedHashMap<>();
    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
      String name = name();
      JsonToken v = parser.nextToken();
      if (name.equals("interval")) {
        interval = whole(d, 0, name, v);
      } else if (series.containsKey(name)) {
        throw duplicate(name);
      } else if (v == JsonToken.START_ARRAY) {
        MetricSeries s = structured(d, -1, name, v, false, (r, first2) -> r.readSeries(name));
        if (s != null) {
          series.put(name, s);
        }
      } else {
        addOther(d, name, readValue(v));
      }
    }
    return new SystemMetrics(
        interval == null ? OptionalLong.empty() : OptionalLong.of(interval), series, d.toMap());
  }

  /** Reads the points of a series; the current token is the start of its array. */
  private MetricSeries readSeries(String name) throws IOException, Unreadable {
    double[] points = new double[seriesCapacity];
    int size = 0;
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      double point;
      if (t == JsonToken.VALUE_STRING) {
        point = numericText();
      } else if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
        point = numberToken();
      } else if (t == JsonToken.VALUE_NULL) {
        point = Double.NaN;
      } else {
        throw UNREADABLE;
      }
      if (size == points.length) {
        points = Arrays.copyOf(points, grow(size));
      }
      points[size++] = point;
    }
    seriesCapacity = Math.max(4, size);
    return MetricSeries.wrap(name, size == points.length ? points : Arrays.copyOf(points, size));
  }

  private static int grow(int size) {
    long next = size + (long) (size >> 1) + MIN_SERIES_CAPACITY;
    return (int) Math.min(next, Integer.MAX_VALUE - 16);
  }

  /** The value of a number token, read from its text without making a string. */
  private double numberToken() throws IOException {
    try {
      return Decimals.parse(
          parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    } catch (Decimals.NotANumber e) {
      return parser.getDoubleValue();
    }
  }

  private double numericText() throws IOException {
    int raw = rawText();
    try {
      return raw >= 0
          ? Decimals.parse(scratch, 0, raw)
          : Decimals.parse(
              parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    } catch (Decimals.NotANumber e) {
      return Double.NaN;
    }
  }

  /**
   * Copies the current string token into {@link #scratch} straight from the body's bytes, so that
   * the parser need not decode it, when it is short, ASCII and without escapes (as the points of a
   * series are); returns its length, or -1 when the parser must give the text. The parser's count
   * of bytes read puts the token's first byte after its opening quote; where it does not, the text
   * comes from the parser.
   */
  private int rawText() {
    if (bytes == null || !(parser instanceof UTF8StreamJsonParser)) {
      return -1;
    }
    long near = ((ParserBase) parser).getTokenCharacterOffset();
    if (near < 1 || near >= bytes.length || bytes[(int) near - 1] != '"') {
      return -1;
    }
    int start = (int) near;
    int stop = Math.min(bytes.length, start + Math.min(scratch.length, limits.maxStringLength()));
    for (int i = start; i < stop; i++) {
      byte b = bytes[i];
      if (b == '"') {
        return i - start;
      }
      if (b == '\\' || b < 0x20) {
        return -1;
      }
      scratch[i - start] = (char) b;
    }
    return -1;
  }

  // ---------------------------------------------------------------------------------------------
  // Strings holding JSON

  /**
   * Reads a value sent as an object or as a string holding JSON. A string that is not JSON of the
   * documented shape is kept as sent; limits and duplicate keys inside it still fail the read.
   */
  private <T> T maybeInString(Draft d, int bit, String name, JsonToken v, Structured<T> reader)
      throws IOException {
    if (v != JsonToken.VALUE_STRING) {
      return structured(d, bit, name, v, true, reader);
    }
    mark(d, bit, name);
    char[] json = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    int length = parser.getTextLength();
    try {
      return plainInString(json, offset, length, reader);
    } catch (IOException | Unreadable | RuntimeException e) {
      // not plain, or not of the documented shape: Jackson's parser reads it again below
    }
    JsonParser outerParser = parser;
    byte[] outerBytes = bytes;
    char[] outerChars = chars;
    int outerStart = charsStart;
    int outerEnd = charsEnd;
    String outerIn = inString;
    boolean kept = false;
    try (JsonParser inner = nestedFactory.createParser(json, offset, length)) {
      parser = inner;
      bytes = null;
      chars = json;
      charsStart = offset;
      charsEnd = offset + length;
      inString = name;
      JsonToken first = inner.nextToken();
      if (first == null) {
        throw UNREADABLE;
      }
      T value = reader.read(this, first);
      if (inner.nextToken() != null) {
        throw UNREADABLE;
      }
      return value;
    } catch (Unreadable | StreamReadException e) {
      kept = true;
    } catch (JsonProcessingException e) {
      throw new InvalidResponseException(
          JsonErrors.problem(e, limits) + at(e.getLocation()), context, null);
    } finally {
      parser = outerParser;
      bytes = outerBytes;
      chars = outerChars;
      charsStart = outerStart;
      charsEnd = outerEnd;
      inString = outerIn;
    }
    if (kept) {
      addOther(d, name, new String(json, offset, length));
    }
    return null;
  }

  /**
   * Reads a string holding plain JSON of the documented shape with a {@link PlainCharsParser}.
   * Whatever else the string holds (other JSON, not JSON, a duplicate key, a value to keep as sent)
   * fails here, without a side effect, so that the caller reads it again with Jackson's parser.
   */
  private <T> T plainInString(char[] json, int offset, int length, Structured<T> reader)
      throws IOException, Unreadable {
    JsonParser outerParser = parser;
    byte[] outerBytes = bytes;
    try {
      PlainCharsParser plain = new PlainCharsParser(json, offset, length, limits, keys);
      parser = plain;
      bytes = null;
      JsonToken first = plain.nextToken();
      if (first == null) {
        throw UNREADABLE;
      }
      T value = reader.read(this, first);
      if (plain.nextToken() != null) {
        throw UNREADABLE;
      }
      return value;
    } finally {
      parser = outerParser;
      bytes = outerBytes;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Values of one token, and the fallback to the value as sent

  /**
   * Reads a structured documented value; where it does not have its documented shape, skips it,
   * reads it again as sent and keeps it among the other fields.
   *
   * @param bit the documented key's bit, or -1 when the caller checks duplicates itself
   * @param nullIsAbsent whether null means absent (else it is kept as sent)
   */
  private <T> T structured(
      Draft d, int bit, String name, JsonToken first, boolean nullIsAbsent, Structured<T> reader)
      throws IOException {
    if (bit >= 0) {
      mark(d, bit, name);
    }
    if (first == JsonToken.VALUE_NULL && nullIsAbsent) {
      return null;
    }
    if (!first.isStructStart()) {
      try {
        return reader.read(this, first);
      } catch (Unreadable e) {
        addOther(d, name, readValue(first));
        return null;
      }
    }
    if (parser instanceof PlainCharsParser) {
      try {
        return reader.read(this, first);
      } catch (Unreadable e) {
        throw PlainCharsParser.GIVE_UP;
      }
    }
    long start = tokenOffset();
    int base = depth() - 1;
    try {
      return reader.read(this, first);
    } catch (Unreadable e) {
      while (depth() > base) {
        if (parser.nextToken() == null) {
          throw invalid("the body ends inside " + name);
        }
      }
      addOther(d, name, readAgainFrom(start, first == JsonToken.START_OBJECT ? '{' : '[', name));
      return null;
    }
  }

  private int depth() {
    return parser.getParsingContext().getNestingDepth();
  }

  /**
   * Where the current token starts, roughly: the parser's count of bytes or characters read, which
   * is within one unit of the token's first one. Reading it allocates nothing, unlike a location;
   * {@link #readAgainFrom} finds the exact start. -1 when the source cannot be read again.
   */
  private long tokenOffset() {
    boolean rereadable =
        bytes != null
            ? parser instanceof UTF8StreamJsonParser
            : chars != null && parser instanceof ReaderBasedJsonParser;
    return rereadable ? ((ParserBase) parser).getTokenCharacterOffset() : -1;
  }

  /** Reads again, as sent, the container that starts near an offset with the given character. */
  private Object readAgainFrom(long near, char open, String name) throws IOException {
    int limit = bytes != null ? bytes.length : charsEnd - charsStart;
    int start = -1;
    for (long k = Math.max(0, near - 2); near >= 0 && k <= near + 1 && k < limit; k++) {
      int at = (int) k;
      if (bytes != null ? bytes[at] == open : chars[charsStart + at] == open) {
        start = at;
        break;
      }
    }
    if (start < 0) {
      throw invalid(name + " does not have its documented shape");
    }
    JsonParser again =
        bytes != null
            ? nestedFactory.createParser(bytes, start, bytes.length - start)
            : nestedFactory.createParser(chars, charsStart + start, charsEnd - charsStart - start);
    JsonParser outer = parser;
    try (JsonParser p = again) {
      parser = p;
      return readValue(p.nextToken());
    } finally {
      parser = outer;
    }
  }

  private Boolean success(Draft d, int bit, String name, JsonToken v) throws IOException {
    mark(d, bit, name);
    if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
      return v == JsonToken.VALUE_TRUE;
    }
    if (v == JsonToken.VALUE_STRING) {
      String s = parser.getText();
      if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(s);
      }
    }
    if (v == JsonToken.VALUE_NULL) {
      return null;
    }
    throw invalid(name + " must be true or false, but was " + describe(v));
  }

  private String text(Draft d, int bit, String name, JsonToken v) throws IOException {
    mark(d, bit, name);
    if (v == JsonToken.VALUE_STRING
        || v == JsonToken.VALUE_NUMBER_INT
        || v == JsonToken.VALUE_NUMBER_FLOAT) {
      return parser.getText();
    }
    return keepUnlessNull(d, name, v);
  }

  private Long whole(Draft d, int bit, String name, JsonToken v) throws IOException {
    mark(d, bit, name);
    Long value = longValue(v);
    return value != null ? value : keepUnlessNull(d, name, v);
  }

  private Integer small(Draft d, int bit, String name, JsonToken v) throws IOException {
    mark(d, bit, name);
    Long value = longValue(v);
    if (value != null && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
      return value.intValue();
    }
    return keepUnlessNull(d, name, v);
  }

  private Double decimal(Draft d, int bit, String name, JsonToken v) throws IOException {
    mark(d, bit, name);
    Double value = number(v);
    return value != null ? value : keepUnlessNull(d, name, v);
  }

  private Boolean flag(Draft d, int bit, String name, JsonToken v) throws IOException {
    mark(d, bit, name);
    if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
      return v == JsonToken.VALUE_TRUE;
    }
    if (v == JsonToken.VALUE_STRING) {
      String s = parser.getText();
      if (s.equals("true") || s.equals("false")) {
        return Boolean.parseBoolean(s);
      }
    }
    return keepUnlessNull(d, name, v);
  }

  /** Keeps a value that is not null as sent, and returns null either way. */
  private <T> T keepUnlessNull(Draft d, String name, JsonToken v) throws IOException {
    if (v != JsonToken.VALUE_NULL) {
      addOther(d, name, readValue(v));
    }
    return null;
  }

  private Long parsedId;

  /**
   * Reads an id into {@link #parsedId} (null for a null id), or returns what is wrong with it;
   * returns null when it is fine. A wrong id is skipped whole.
   */
  private String idProblem(String name, JsonToken v) throws IOException {
    parsedId = null;
    if (v == JsonToken.VALUE_NULL) {
      return null;
    }
    Long id = longValue(v);
    if (id != null && id >= 1) {
      parsedId = id;
      return null;
    }
    String shown = id != null ? id.toString() : describe(v);
    String problem = name + " must be a whole number of at least 1, but was " + shown + position();
    parser.skipChildren();
    return problem;
  }

  /** A whole number sent as a number or as a string of digits, or null. */
  private Long longValue(JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NUMBER_INT) {
      return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? null
          : parser.getLongValue();
    }
    if (v == JsonToken.VALUE_STRING) {
      return digits(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }
    if (v == JsonToken.VALUE_NUMBER_FLOAT) {
      double value = parser.getDoubleValue();
      if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
        return (long) value;
      }
    }
    return null;
  }

  private static Long digits(char[] text, int offset, int length) {
    int end = offset + length;
    int i = offset;
    boolean negative = i < end && text[i] == '-';
    if (negative) {
      i++;
    }
    if (i == end || end - i > 19) {
      return null;
    }
    long value = 0;
    for (; i < end; i++) {
      char c = text[i];
      if (c < '0' || c > '9') {
        return null;
      }
      value = value * 10 + (c - '0');
      if (value < 0) {
        return null;
      }
    }
    return negative ? -value : value;
  }

  /** A number sent as a number or as a string holding one, or null. */
  private Double number(JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
      return numberToken();
    }
    if (v == JsonToken.VALUE_STRING) {
      try {
        return Decimals.parse(
            parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
      } catch (Decimals.NotANumber e) {
        return null;
      }
    }
    return null;
  }

  private Map<String, Object> readObjectValue(JsonToken first) throws IOException, Unreadable {
    if (first != JsonToken.START_OBJECT) {
      throw UNREADABLE;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) readValue(first);
    return map;
  }

  /** Reads any value as sent: a JSON-shaped tree of maps, lists and scalars. */
  private Object readValue(JsonToken t) throws IOException {
    if (t == null) {
      throw invalid("the body ends too early");
    }
    switch (t) {
      case START_OBJECT:
        {
          LinkedHashMap<String, Object> map = new LinkedHashMap<>();
          for (t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
            String name = name();
            Object value = readValue(parser.nextToken());
            int before = map.size();
            map.put(name, value);
            if (map.size() == before) {
              throw duplicate(name);
            }
          }
          return map;
        }
      case START_ARRAY:
        {
          List<Object> list = new ArrayList<>();
          for (t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            list.add(readValue(t));
          }
          return list;
        }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? (Object) parser.getBigIntegerValue()
            : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDecimalValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw invalid("unexpected " + describe(t));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Keys and messages

  private static OptionalLong optional(Long value) {
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private static long bit(int index) {
    return 1L << index;
  }

  private void mark(Draft d, int index, String name) {
    long b = bit(index);
    if ((d.seen & b) != 0) {
      throw duplicate(name);
    }
    d.seen |= b;
  }

  private void addOther(Draft d, String name, Object value) {
    if (!d.add(name, value)) {
      throw duplicate(name);
    }
  }

  private InvalidResponseException duplicate(String name) {
    return invalid("duplicate key " + JsonErrors.oneLine(name));
  }

  /**
   * The current field name. Jackson decodes bytes beyond U+10FFFF (not UTF-8) into lone surrogates,
   * which no writer can put back into a name that reads again; such a name is invalid.
   */
  private String name() throws IOException {
    String name = parser.currentName();
    if (keys.isValid(name)) {
      return name;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < name.length()
          && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw invalid("a key is not valid UTF-8 (a lone surrogate)");
      }
    }
    keys.validated(name);
    return name;
  }

  private InvalidResponseException invalid(String problem) {
    return new InvalidResponseException(problem + position(), context, null);
  }

  static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the body";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
    };
  }
}
