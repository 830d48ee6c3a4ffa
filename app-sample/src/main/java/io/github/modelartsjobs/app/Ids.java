package io.github.modelartsjobs.app;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a job or version id from the command line: a whole number of at least 1. */
final class Ids implements ITypeConverter<Long> {

  @Override
  public Long convert(String value) {
    try {
      long id = Long.parseLong(value.strip());
      if (id >= 1) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new TypeConversionException(
        "must be a whole number of at least 1, but was '" + value + "'");
  }
}
