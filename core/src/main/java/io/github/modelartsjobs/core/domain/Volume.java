package io.github.modelartsjobs.core.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of {@code volumes}: storage mounted into the training containers.
 *
 * <p>On the wire an item is an object with one key naming its kind, {@code nfs} or {@code
 * host_path}, whose value holds the fields. Other kinds are kept with their name.
 *
 * @param kind the key of the item, such as {@code nfs} or {@code host_path}
 * @param id the {@code id} (NFS volumes)
 * @param sourcePath the {@code src_path}
 * @param destinationPath the {@code dest_path} inside the container
 * @param readOnly the {@code read_only} flag
 * @param otherFields keys inside the kind's object that no table documents (JSON-shaped values)
 */
public record Volume(
    String kind,
    Optional<String> id,
    Optional<String> sourcePath,
    Optional<String> destinationPath,
    Optional<Boolean> readOnly,
    Map<String, Object> otherFields) {

  /** The kind of an NFS volume. */
  public static final String NFS = "nfs";

  /** The kind of a host-path volume. */
  public static final String HOST_PATH = "host_path";

  /** Checks that no component is null and freezes {@code otherFields}. */
  public Volume {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sourcePath, "sourcePath");
    Objects.requireNonNull(destinationPath, "destinationPath");
    Objects.requireNonNull(readOnly, "readOnly");
    otherFields = JsonValues.copyOfObject(otherFields);
  }
}
