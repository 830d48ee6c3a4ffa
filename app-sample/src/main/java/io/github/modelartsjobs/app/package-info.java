/** A command line application for inspecting training jobs. */
package io.github.modelartsjobs.app;
