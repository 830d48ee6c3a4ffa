package io.github.modelartsjobs.core.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The compute a training job version runs on: flavor, cores, memory, GPUs, workers and pool.
 *
 * @param specId the {@code spec_id} of the flavor
 * @param specCode the {@code spec_code}, such as {@code modelarts.vm.gpu.v100}
 * @param cores the {@code core} count of the flavor (sent as a number or a numeric string)
 * @param memoryGb the {@code cpu} field: the memory of the flavor in GB (number or string)
 * @param gpuCount the {@code gpu_num}
 * @param gpuType the {@code gpu_type}, such as {@code P100}; the service sends "" for CPU flavors
 * @param workerCount the {@code worker_server_num}
 * @param poolId the {@code pool_id} of a dedicated pool
 * @param poolName the {@code pool_name}
 * @param resourceId the {@code resource_id} that billing uses
 */
public record ResourceSpec(
    OptionalLong specId,
    Optional<String> specCode,
    OptionalDouble cores,
    OptionalDouble memoryGb,
    OptionalInt gpuCount,
    Optional<String> gpuType,
    OptionalInt workerCount,
    Optional<String> poolId,
    Optional<String> poolName,
    Optional<String> resourceId) {

  /** Resources about which the service said nothing. */
  public static final ResourceSpec NONE =
      new ResourceSpec(
          OptionalLong.empty(),
          Optional.empty(),
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          OptionalInt.empty(),
          Optional.empty(),
          OptionalInt.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  /** Checks that no component is null. */
  public ResourceSpec {
    Objects.requireNonNull(specId, "specId");
    Objects.requireNonNull(specCode, "specCode");
    Objects.requireNonNull(cores, "cores");
    Objects.requireNonNull(memoryGb, "memoryGb");
    Objects.requireNonNull(gpuCount, "gpuCount");
    Objects.requireNonNull(gpuType, "gpuType");
    Objects.requireNonNull(workerCount, "workerCount");
    Objects.requireNonNull(poolId, "poolId");
    Objects.requireNonNull(poolName, "poolName");
    Objects.requireNonNull(resourceId, "resourceId");
  }
}
