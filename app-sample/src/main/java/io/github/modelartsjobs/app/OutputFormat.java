package io.github.modelartsjobs.app;

/** How a command writes what it read: a table for a person, or JSON for a program. */
enum OutputFormat {
  /** Sections and aligned columns, times in UTC, durations in human units. */
  TABLE,
  /** The service's field names, one object per version; an array for {@code versions}. */
  JSON
}
