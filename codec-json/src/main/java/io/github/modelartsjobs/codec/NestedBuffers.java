package io.github.modelartsjobs.codec;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import java.lang.ref.SoftReference;

/**
 * The buffers for reading strings that hold JSON: one set per thread, apart from the set that the
 * body's parser holds meanwhile, so that the nested parser neither allocates fresh buffers nor
 * waits on a shared pool. Softly held, so that an idle thread's buffers can be collected.
 */
final class NestedBuffers extends RecyclerPool.ThreadLocalPoolBase<BufferRecycler> {

  private static final long serialVersionUID = 1L;

  private static final ThreadLocal<SoftReference<BufferRecycler>> RECYCLERS = new ThreadLocal<>();

  static final NestedBuffers POOL = new NestedBuffers();

  private NestedBuffers() {}

  @Override
  public BufferRecycler acquirePooled() {
    SoftReference<BufferRecycler> held = RECYCLERS.get();
    BufferRecycler recycler = held == null ? null : held.get();
    if (recycler == null) {
      recycler = new BufferRecycler();
      RECYCLERS.set(new SoftReference<>(recycler));
    }
    return recycler;
  }

  private Object readResolve() {
    return POOL;
  }
}
