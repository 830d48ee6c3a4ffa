package io.github.modelartsjobs.app;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a job or version id from the command line: a whole number of at least 1. */
final class Ids implements ITypeConverter<Long> {

  @Override
  public Long convert(String value) {
    long id = parse(value);
    if (id < 1) {
      throw new TypeConversionException(
          "must be a whole number of at least 1, but was '" + value + "'");
    }
    return id;
  }

  /**
   * Reads an id without picocli's types.
   *
   * @param value the text given
   * @return the id, or 0 when the text is not a whole number of at least 1
   */
  static long parse(String value) {
    try {
      long id = Long.parseLong(value.strip());
      return id >= 1 ? id : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
