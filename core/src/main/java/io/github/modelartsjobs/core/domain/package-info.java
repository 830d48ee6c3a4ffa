/**
 * The domain model of training jobs: the immutable {@link
 * io.github.modelartsjobs.core.domain.TrainingJob} that every adapter builds and every caller
 * reads, its groups of fields, the status and engine codes of the ModelArts v1 API (which keep
 * codes this library does not know instead of failing on them), and the versions of a job. An
 * absent field is an empty {@code Optional}, never 0, "" or an empty list. Depends on the JDK
 * alone.
 */
package io.github.modelartsjobs.core.domain;
