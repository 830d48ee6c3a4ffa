/**
 * The one mapping between the JSON of the ModelArts v1 training-job API and the domain of {@code
 * io.github.modelartsjobs.core}, shared by every adapter.
 *
 * <p>{@link io.github.modelartsjobs.codec.JobJsonCodec} reads version-details bodies, versions-list
 * bodies and error bodies with Jackson's streaming parser straight into the domain, and writes a
 * job back as the service would send it. {@link io.github.modelartsjobs.codec.CodecLimits} bounds
 * what a read may cost. No Jackson type appears in the public API, and every failure is one of the
 * core's errors.
 */
package io.github.modelartsjobs.codec;
