/**
 * The driven port through which job details are read, {@link
 * io.github.modelartsjobs.core.port.JobDetailsPort}, and the service-provider interface by which an
 * application finds an adapter by name and builds it from plain {@link
 * io.github.modelartsjobs.core.port.AdapterSettings}. Adapter modules implement these interfaces;
 * nothing here knows any adapter.
 */
package io.github.modelartsjobs.core.port;
