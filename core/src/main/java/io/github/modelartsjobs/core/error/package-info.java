/**
 * The unchecked errors that a {@link io.github.modelartsjobs.core.port.JobDetailsPort} raises, one
 * per thing a caller may react to (not found, authentication, permission, throttling,
 * unavailability, an unreadable answer, a rejected request), each with an {@link
 * io.github.modelartsjobs.core.error.ErrorContext} of the call, and {@link
 * io.github.modelartsjobs.core.error.ServiceErrors}, the one mapping from the service's HTTP status
 * and error code to those errors that every adapter shares. No type of an HTTP or JSON library
 * appears here.
 */
package io.github.modelartsjobs.core.error;
