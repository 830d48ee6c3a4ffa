/** Benchmarks for the codec and the HTTP adapter. */
package io.github.modelartsjobs.bench;
