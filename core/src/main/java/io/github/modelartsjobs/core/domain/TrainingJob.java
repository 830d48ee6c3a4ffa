package io.github.modelartsjobs.core.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The details of one training job version, as the ModelArts service reports them: the aggregate
 * that every port returns and every adapter builds.
 *
 * <p>Instances are immutable and built with {@link #builder(long, long)}. Every part the service
 * may leave out is an empty {@link Optional} (or a group whose parts are empty) rather than 0, ""
 * or an empty list: absent means the service did not say. Keys that no table documents are kept, as
 * sent, in {@link #undocumentedFields()}, so that nothing the service sends is lost.
 *
 * <p>Two jobs are equal when every part is equal.
 */
public final class TrainingJob {

  private final JobVersionRef ref;
  private final Optional<String> jobName;
  private final Optional<String> jobDescription;
  private final Optional<String> versionName;
  private final OptionalLong previousVersionId;
  private final Engine engine;
  private final Optional<JobStatus> status;
  private final Timing timing;
  private final ResourceSpec resources;
  private final CodeSpec code;
  private final DataInputs data;
  private final Outputs outputs;
  private final Optional<List<Parameter>> parameters;
  private final Optional<List<Volume>> volumes;
  private final NasMount nas;
  private final Optional<ModelMetrics> modelMetrics;
  private final Optional<SystemMetrics> systemMetrics;
  private final Map<String, Object> undocumentedFields;

  private TrainingJob(Builder b) {
    this.ref = b.ref;
    this.jobName = b.jobName;
    this.jobDescription = b.jobDescription;
    this.versionName = b.versionName;
    this.previousVersionId = b.previousVersionId;
    this.engine = b.engine;
    this.status = b.status;
    this.timing = b.timing;
    this.resources = b.resources;
    this.code = b.code;
    this.data = b.data;
    this.outputs = b.outputs;
    this.parameters = b.parameters.map(List::copyOf);
    this.volumes = b.volumes.map(List::copyOf);
    this.nas = b.nas;
    this.modelMetrics = b.modelMetrics;
    this.systemMetrics = b.systemMetrics;
    this.undocumentedFields = JsonValues.copyOfObject(b.undocumentedFields);
  }

  /**
   * A builder for the version with these ids; every other part starts absent.
   *
   * @param jobId the job id, at least 1
   * @param versionId the version id, at least 1
   * @return a new builder
   * @throws IllegalArgumentException if an id is less than 1
   */
  public static Builder builder(long jobId, long versionId) {
    return new Builder(JobVersionRef.of(jobId, versionId));
  }

  /**
   * A builder for the version with this identity; every other part starts absent.
   *
   * @param ref the identity
   * @return a new builder
   */
  public static Builder builder(JobVersionRef ref) {
    return new Builder(Objects.requireNonNull(ref, "ref"));
  }

  /** A builder holding every part of this job, to change some of them. */
  public Builder toBuilder() {
    return new Builder(ref)
        .jobName(jobName)
        .jobDescription(jobDescription)
        .versionName(versionName)
        .previousVersionId(previousVersionId)
        .engine(engine)
        .status(status)
        .timing(timing)
        .resources(resources)
        .code(code)
        .data(data)
        .outputs(outputs)
        .parameters(parameters)
        .volumes(volumes)
        .nas(nas)
        .modelMetrics(modelMetrics)
        .systemMetrics(systemMetrics)
        .undocumentedFields(undocumentedFields);
  }

  /** The job id and version id. */
  public JobVersionRef ref() {
    return ref;
  }

  /** The {@code job_id}. */
  public long jobId() {
    return ref.jobId();
  }

  /** The {@code version_id}. */
  public long versionId() {
    return ref.versionId();
  }

  /** The {@code job_name}. */
  public Optional<String> jobName() {
    return jobName;
  }

  /** The {@code job_desc}. */
  public Optional<String> jobDescription() {
    return jobDescription;
  }

  /** The {@code version_name}, such as {@code V0001}. */
  public Optional<String> versionName() {
    return versionName;
  }

  /** The {@code pre_version_id}; empty for the first version, where the service sends null. */
  public OptionalLong previousVersionId() {
    return previousVersionId;
  }

  /** The engine: type code, name, version and id. */
  public Engine engine() {
    return engine;
  }

  /** The {@code status}, possibly a code this library does not know. */
  public Optional<JobStatus> status() {
    return status;
  }

  /** Creation, start and run time. */
  public Timing timing() {
    return timing;
  }

  /** Flavor, cores, memory, GPUs, workers and pool. */
  public ResourceSpec resources() {
    return resources;
  }

  /** Code directory and boot file, or custom image and command. */
  public CodeSpec code() {
    return code;
  }

  /** The data read: path, dataset and sources. */
  public DataInputs data() {
    return data;
  }

  /** Output and log paths, and the model produced. */
  public Outputs outputs() {
    return outputs;
  }

  /** The running parameters ({@code parameter}), in the order sent. */
  public Optional<List<Parameter>> parameters() {
    return parameters;
  }

  /** The mounted volumes ({@code volumes}), in the order sent. */
  public Optional<List<Volume>> volumes() {
    return volumes;
  }

  /** The SFS (NAS) share from the {@code nas_*} fields. */
  public NasMount nas() {
    return nas;
  }

  /** The model's evaluation metrics ({@code model_metric_list}). */
  public Optional<ModelMetrics> modelMetrics() {
    return modelMetrics;
  }

  /** The resource usage series ({@code system_metric_list}). */
  public Optional<SystemMetrics> systemMetrics() {
    return systemMetrics;
  }

  /**
   * The keys of the version that no table documents ({@code flavor_info}, {@code billing}, ...),
   * with their values as sent: an unmodifiable, ordered map of JSON-shaped values (see {@link
   * JsonValues}). A key the service sent as {@code null} is present with a null value.
   */
  public Map<String, Object> undocumentedFields() {
    return undocumentedFields;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrainingJob that
        && ref.equals(that.ref)
        && jobName.equals(that.jobName)
        && jobDescription.equals(that.jobDescription)
        && versionName.equals(that.versionName)
        && previousVersionId.equals(that.previousVersionId)
        && engine.equals(that.engine)
        && status.equals(that.status)
        && timing.equals(that.timing)
        && resources.equals(that.resources)
        && code.equals(that.code)
        && data.equals(that.data)
        && outputs.equals(that.outputs)
        && parameters.equals(that.parameters)
        && volumes.equals(that.volumes)
        && nas.equals(that.nas)
        && modelMetrics.equals(that.modelMetrics)
        && systemMetrics.equals(that.systemMetrics)
        && undocumentedFields.equals(that.undocumentedFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ref, jobName, versionName, status, timing, engine);
  }

  /** A short summary such as {@code TrainingJob[job 10 version 10, JOBSTAT_COMPLETED(10)]}. */
  @Override
  public String toString() {
    return "TrainingJob["
        + ref
        + jobName.map(n -> " \"" + n + "\"").orElse("")
        + status.map(s -> ", " + s).orElse("")
        + "]";
  }

  /** Builds a {@link TrainingJob}; every setter rejects null, absent parts are empty. */
  public static final class Builder {

    private final JobVersionRef ref;
    private Optional<String> jobName = Optional.empty();
    private Optional<String> jobDescription = Optional.empty();
    private Optional<String> versionName = Optional.empty();
    private OptionalLong previousVersionId = OptionalLong.empty();
    private Engine engine = Engine.NONE;
    private Optional<JobStatus> status = Optional.empty();
    private Timing timing = Timing.NONE;
    private ResourceSpec resources = ResourceSpec.NONE;
    private CodeSpec code = CodeSpec.NONE;
    private DataInputs data = DataInputs.NONE;
    private Outputs outputs = Outputs.NONE;
    private Optional<List<Parameter>> parameters = Optional.empty();
    private Optional<List<Volume>> volumes = Optional.empty();
    private NasMount nas = NasMount.NONE;
    private Optional<ModelMetrics> modelMetrics = Optional.empty();
    private Optional<SystemMetrics> systemMetrics = Optional.empty();
    private Map<String, Object> undocumentedFields = Map.of();

    private Builder(JobVersionRef ref) {
      this.ref = ref;
    }

    /** Sets the job name. */
    public Builder jobName(Optional<String> jobName) {
      this.jobName = Objects.requireNonNull(jobName, "jobName");
      return this;
    }

    /** Sets the job description. */
    public Builder jobDescription(Optional<String> jobDescription) {
      this.jobDescription = Objects.requireNonNull(jobDescription, "jobDescription");
      return this;
    }

    /** Sets the version name. */
    public Builder versionName(Optional<String> versionName) {
      this.versionName = Objects.requireNonNull(versionName, "versionName");
      return this;
    }

    /** Sets the previous version id. */
    public Builder previousVersionId(OptionalLong previousVersionId) {
      this.previousVersionId = Objects.requireNonNull(previousVersionId, "previousVersionId");
      return this;
    }

    /** Sets the engine. */
    public Builder engine(Engine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    /** Sets the status. */
    public Builder status(Optional<JobStatus> status) {
      this.status = Objects.requireNonNull(status, "status");
      return this;
    }

    /** Sets the status. */
    public Builder status(JobStatus status) {
      return status(Optional.of(status));
    }

    /** Sets the timing. */
    public Builder timing(Timing timing) {
      this.timing = Objects.requireNonNull(timing, "timing");
      return this;
    }

    /** Sets the resources. */
    public Builder resources(ResourceSpec resources) {
      this.resources = Objects.requireNonNull(resources, "resources");
      return this;
    }

    /** Sets the code and image. */
    public Builder code(CodeSpec code) {
      this.code = Objects.requireNonNull(code, "code");
      return this;
    }

    /** Sets the data inputs. */
    public Builder data(DataInputs data) {
      this.data = Objects.requireNonNull(data, "data");
      return this;
    }

    /** Sets the outputs. */
    public Builder outputs(Outputs outputs) {
      this.outputs = Objects.requireNonNull(outputs, "outputs");
      return this;
    }

    /** Sets the running parameters. */
    public Builder parameters(Optional<List<Parameter>> parameters) {
      this.parameters = Objects.requireNonNull(parameters, "parameters");
      return this;
    }

    /** Sets the volumes. */
    public Builder volumes(Optional<List<Volume>> volumes) {
      this.volumes = Objects.requireNonNull(volumes, "volumes");
      return this;
    }

    /** Sets the SFS (NAS) mount. */
    public Builder nas(NasMount nas) {
      this.nas = Objects.requireNonNull(nas, "nas");
      return this;
    }

    /** Sets the model metrics. */
    public Builder modelMetrics(Optional<ModelMetrics> modelMetrics) {
      this.modelMetrics = Objects.requireNonNull(modelMetrics, "modelMetrics");
      return this;
    }

    /** Sets the system metrics. */
    public Builder systemMetrics(Optional<SystemMetrics> systemMetrics) {
      this.systemMetrics = Objects.requireNonNull(systemMetrics, "systemMetrics");
      return this;
    }

    /** Sets the undocumented fields (JSON-shaped values; copied deeply). */
    public Builder undocumentedFields(Map<String, Object> undocumentedFields) {
      this.undocumentedFields = Objects.requireNonNull(undocumentedFields, "undocumentedFields");
      return this;
    }

    /** The job, with deep copies of every collection. */
    public TrainingJob build() {
      return new TrainingJob(this);
    }
  }
}
