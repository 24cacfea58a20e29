package io.miglab.core.write;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A large {@link SplitMix#mark} call drawn on two cores. Each draw is a function of its index alone (its state is
 * seed + k gamma) and marks OR together in any order, so the bitmap is the same bit for bit whoever draws which
 * draws. The draws go in chunks to whoever asks next: the caller, marking its own bitmap, and a common-pool worker
 * (daemon threads: nothing to stop), marking a bitmap of its own that is merged after the last chunk, so no word is
 * written by two threads. When no worker is free (other migrations keeping the pool busy, a loaded machine) the
 * caller draws every chunk itself and waits at most for the one chunk a late worker took.
 */
final class SharedMark implements Runnable {
    /**
     * Draws in one call from which they are shared. Timed on 2 cores at load 2.6 over 2^19 pages: 2^18 draws
     * 0.55 of one thread's time, 2^20 to 2^23 0.42 to 0.61, 2^15 to 2^17 (one or two chunks) 0.90 to 0.94.
     */
    static final int MIN_DRAWS = 1 << 18;
    /** Draws handed out at a time: about 0.15 ms of drawing, so a preempted worker holds the caller up little. */
    static final int CHUNK = 1 << 16;

    private final long state;
    private final int n;
    private final long high;
    private final int offset;
    private final AtomicInteger nextChunk = new AtomicInteger();
    private final AtomicBoolean entered = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    /** The worker's marks; null if it drew no chunk. */
    private long[] marks;

    /** The {@code n} draws after state {@code state}, as {@link SplitMix#draw} takes them; not started. */
    SharedMark(long state, int n, long high, int offset) {
        this.state = state;
        this.n = n;
        this.high = high;
        this.offset = offset;
    }

    /** Marks the draws into {@code bits}, a common-pool worker sharing them if one is free. */
    static void mark(long state, int n, long high, long[] bits, int offset) {
        SharedMark shared = new SharedMark(state, n, high, offset);
        try {
            ForkJoinPool.commonPool().execute(shared);
        } catch (RejectedExecutionException full) {
            // the caller draws every chunk
        }
        shared.drawInto(bits);
    }

    /** The worker's side: draws chunks into its own bitmap until none is left, unless the caller has finished. */
    @Override
    public void run() {
        if (entered.getAndSet(true)) return;
        try {
            long[] own = null;
            for (int c; (c = nextChunk.getAndIncrement()) < chunks(); ) {
                if (own == null) own = new long[lastWord() + 1];
                drawChunk(c, own);
            }
            marks = own;
        } finally {
            done.countDown();
        }
    }

    /** The caller's side: draws chunks into {@code bits} until none is left, then adds the worker's marks. */
    void drawInto(long[] bits) {
        for (int c; (c = nextChunk.getAndIncrement()) < chunks(); ) drawChunk(c, bits);
        if (!entered.getAndSet(true)) return;
        awaitDone();
        long[] own = marks;
        if (own != null) for (int w = offset >>> 6, last = lastWord(); w <= last; w++) bits[w] |= own[w];
    }

    private int chunks() {
        return (int) ((n + (long) CHUNK - 1) / CHUNK);
    }

    private void drawChunk(int chunk, long[] target) {
        int from = chunk * CHUNK;
        SplitMix.draw(state + from * SplitMix.GAMMA, Math.min(CHUNK, n - from), high, target, offset);
    }

    /** The last bitmap word a draw can mark: bit offset + bound - 1. */
    private int lastWord() {
        return (offset + (int) (high >>> 32)) >>> 6;
    }

    private void awaitDone() {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
