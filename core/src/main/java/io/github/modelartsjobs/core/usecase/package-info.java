/**
 * What an application does with training jobs, in the manner of the ModelArts Python SDK: a {@link
 * io.github.modelartsjobs.core.usecase.Session} over a port, the three ways of getting a version's
 * details (by its ids through an {@link io.github.modelartsjobs.core.usecase.Estimator}, through a
 * {@link io.github.modelartsjobs.core.usecase.JobHandle}, or from an element of a job's versions
 * list), and {@link io.github.modelartsjobs.core.usecase.JobWaiter}, which polls a version until it
 * ends. Time is injected (a {@code Clock} and a {@link
 * io.github.modelartsjobs.core.usecase.Sleeper}) wherever this package waits.
 */
package io.github.modelartsjobs.core.usecase;
