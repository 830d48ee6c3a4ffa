package io.github.modelartsjobs.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shared sample bodies, read from the class path ({@code /samples/} of core's test jar). */
public final class Samples {

  /** The documented version-details example. */
  public static final String DOCS_VERSION_DETAIL = "docs-version-detail.json";

  /** A version-details body captured from a real account. */
  public static final String REALISTIC_VERSION_DETAIL = "realistic-version-detail.json";

  /** The documented versions-list example. */
  public static final String DOCS_VERSIONS_LIST = "docs-versions-list.json";

  /** The documented error example. */
  public static final String DOCS_ERROR = "docs-error.json";

  private Samples() {}

  /** The bytes of a sample. */
  public static byte[] bytes(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
      if (in == null) {
        throw new IllegalStateException("sample " + name + " must be on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a sample. */
  public static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }
}
