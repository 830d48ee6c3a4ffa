package io.github.modelartsjobs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.modelartsjobs.codec.JobJsonCodec;
import io.github.modelartsjobs.core.error.ErrorContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Measures the heap a decoded result keeps alive: the {@link
 * io.github.modelartsjobs.core.domain.TrainingJob} of the codec against the {@code JsonNode} tree
 * of {@code readTree}, for the same bytes.
 *
 * <p>Method: decode once and drop it (classes, caches and symbol tables are then loaded and are not
 * counted), force a full collection and read the used heap from the {@code MemoryMXBean}; then
 * decode {@code n} results and hold them in an array allocated beforehand, collect again and read
 * the used heap again. The difference divided by {@code n} is the retained size of one result. The
 * input bytes exist before the first reading, so they are not counted. Three rounds, median taken.
 * Run it in its own JVM with {@code -XX:+UseSerialGC}, whose full collection leaves exactly the
 * live objects: {@link RunAll} does.
 *
 * <p>Output: one line per measurement, {@code retained <body> <ours|floor> <bytes>}.
 */
public final class RetainedHeap {

  private static final int ROUNDS = 3;

  private RetainedHeap() {}

  /**
   * Prints the retained sizes for the small and the large body.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    JobJsonCodec codec = JobJsonCodec.create();
    ObjectMapper mapper = new ObjectMapper();
    ErrorContext context = ErrorContext.forVersion(10, 10);

    for (String body : new String[] {"small", "large"}) {
      byte[] bytes = Bodies.named(body);
      int n = "small".equals(body) ? 2_000 : 4;
      long ours = median(() -> retained(() -> codec.readVersionDetails(bytes, context), n));
      long floor = median(() -> retained(() -> readTree(mapper, bytes), n));
      System.out.println("retained " + body + " ours " + ours);
      System.out.println("retained " + body + " floor " + floor);
    }
  }

  /**
   * The bytes one result of the decoder retains, averaged over {@code n} results held at once.
   *
   * @param decoder makes a new result on each call
   * @param n how many results to hold
   * @return retained bytes per result
   */
  static long retained(Supplier<Object> decoder, int n) {
    Object[] held = new Object[n];
    Reference.reachabilityFence(decoder.get());

    long before = usedHeapAfterCollection();
    for (int i = 0; i < n; i++) {
      held[i] = decoder.get();
    }
    long after = usedHeapAfterCollection();

    Reference.reachabilityFence(held);
    return Math.round((after - before) / (double) n);
  }

  private static long median(Supplier<Long> measurement) {
    long[] values = new long[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      values[i] = measurement.get();
    }
    Arrays.sort(values);
    return values[ROUNDS / 2];
  }

  private static long usedHeapAfterCollection() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static Object readTree(ObjectMapper mapper, byte[] bytes) {
    try {
      return mapper.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
