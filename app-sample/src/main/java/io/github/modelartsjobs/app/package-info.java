/**
 * The {@code modelarts-jobs} command line: {@link io.github.modelartsjobs.app.Main} is the entry
 * point; the picocli commands ({@code job-info}, {@code versions}, {@code wait}) read through a
 * port built by the adapter SPI from settings resolved flag first, then environment, then config
 * file; output is a table for a person or JSON written by the shared codec. Errors become one line
 * on stderr and an exit code. The only package of the project that writes to stdout and stderr, and
 * the only one with an SLF4J binding.
 */
package io.github.modelartsjobs.app;
