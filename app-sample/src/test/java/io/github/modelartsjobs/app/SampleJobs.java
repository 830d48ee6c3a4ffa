package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.domain.ClassMetric;
import io.github.modelartsjobs.core.domain.CodeSpec;
import io.github.modelartsjobs.core.domain.DataInputs;
import io.github.modelartsjobs.core.domain.DataSource;
import io.github.modelartsjobs.core.domain.Engine;
import io.github.modelartsjobs.core.domain.EngineType;
import io.github.modelartsjobs.core.domain.JobStatus;
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
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Training jobs built with the core builder, shaped like the documented job 10 version 10. */
final class SampleJobs {

  private SampleJobs() {}

  /** Only the ids: every other part absent. */
  static TrainingJob bare(long jobId, long versionId) {
    return TrainingJob.builder(jobId, versionId).build();
  }

  /** Job 10 version 10 with the given status and nothing else but its name. */
  static TrainingJob withStatus(long jobId, long versionId, JobStatus status) {
    return TrainingJob.builder(jobId, versionId)
        .jobName(Optional.of("TestModelArtsJob"))
        .status(status)
        .build();
  }

  /** The documented job 10 version 10, every group filled. */
  static TrainingJob documented() {
    Map<String, Double> total = new LinkedHashMap<>();
    total.put("recall", 0.005833);
    total.put("id", 0.0);
    total.put("precision", 0.000178);
    total.put("accuracy", 0.000937);
    Map<String, Double> perClass = new LinkedHashMap<>();
    perClass.put("recall", 0.005833);
    perClass.put("precision", 0.000178);
    perClass.put("accuracy", 0.000937);
    Map<String, MetricSeries> series = new LinkedHashMap<>();
    series.put("cpuUsage", MetricSeries.of("cpuUsage", 0, 3.10, 5.76, 0, 0, 0, 0));
    series.put(
        "recvBytesRate", MetricSeries.of("recvBytesRate", 0, 5770405.50, 2980077.75, 0, 0, 0, 0));

    return TrainingJob.builder(10, 10)
        .jobName(Optional.of("TestModelArtsJob"))
        .jobDescription(Optional.of("TestModelArtsJob desc"))
        .versionName(Optional.of("jobVersion"))
        .previousVersionId(OptionalLong.of(5))
        .engine(
            new Engine(
                Optional.of(EngineType.TENSORFLOW),
                Optional.of("TensorFlow"),
                Optional.of("TF-1.4.0-python2.7"),
                OptionalLong.of(1)))
        .status(JobStatus.COMPLETED)
        .timing(
            new Timing(
                Optional.of(Instant.ofEpochMilli(1524189990635L)),
                Optional.of(Instant.ofEpochMilli(1563172362000L)),
                Optional.of(Duration.ofMillis(532003))))
        .resources(
            new ResourceSpec(
                OptionalLong.of(1),
                Optional.of("modelarts.vm.gpu.v100"),
                OptionalDouble.of(2),
                OptionalDouble.of(8),
                OptionalInt.of(2),
                Optional.of("P100"),
                OptionalInt.of(1),
                Optional.of("pool9928813f"),
                Optional.of("p100"),
                Optional.empty()))
        .code(
            new CodeSpec(
                Optional.of("/usr/app/"),
                Optional.of("/usr/app/boot.py"),
                Optional.empty(),
                Optional.empty()))
        .data(
            new DataInputs(
                Optional.of("/usr/data/"),
                Optional.of("38277e62-9e59-48f4-8d89-c8cf41622c24"),
                Optional.of("2ff0d6ba-c480-45ae-be41-09a8369bfc90"),
                Optional.of("dataset-test"),
                Optional.of("dataset-version-test"),
                Optional.of(
                    List.of(
                        new DataSource(
                            Optional.of("obs"),
                            Optional.of("/demo-bucket/mnist/data/"),
                            Optional.empty(),
                            Optional.empty(),
                            Map.of())))))
        .outputs(
            new Outputs(Optional.of("/usr/train/"), Optional.of("/usr/log/"), OptionalLong.of(1)))
        .parameters(Optional.of(List.of(Parameter.of("learning_rate", "0.01"))))
        .volumes(
            Optional.of(
                List.of(
                    new Volume(
                        Volume.NFS,
                        Optional.of("43b37236"),
                        Optional.of("192.168.8.150:/"),
                        Optional.of("/home/work/nas"),
                        Optional.of(false),
                        Map.of()))))
        .nas(
            new NasMount(
                Optional.of("/home/work/nas"), Optional.of("192.168.8.150:/"), Optional.of("nfs")))
        .modelMetrics(
            Optional.of(
                new ModelMetrics(
                    List.of(
                        new ClassMetric(
                            OptionalLong.of(0),
                            Optional.of("0"),
                            new MetricValues(perClass, Map.of()),
                            Map.of(),
                            Map.of(),
                            Map.of())),
                    Optional.of(
                        new TotalMetric(
                            new MetricValues(total, Map.of()), Map.of(), Map.of(), Map.of())),
                    Map.of())))
        .systemMetrics(Optional.of(new SystemMetrics(OptionalLong.of(1), series, Map.of())))
        .undocumentedFields(Map.of("flavor_info", Map.of("cpu", 8), "pool_type", "USER_DEFINED"))
        .build();
  }
}
