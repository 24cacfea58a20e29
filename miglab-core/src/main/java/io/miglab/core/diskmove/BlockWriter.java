package io.miglab.core.diskmove;

import io.miglab.core.memory.PageBitmap;
import io.miglab.core.storage.DiskSpec;
import java.util.SplittableRandom;

/**
 * The guest's writes to its disk as the dirty-block bitmap sees them: uniform block writes over the written working
 * set. The page-level simulator draws them ({@link #sampled}); the closed form counts their expected number
 * ({@link #expected}).
 */
public interface BlockWriter {
    /** The guest writes for {@code seconds} more; the blocks it touches become dirty. */
    void advance(double seconds);

    /** Blocks dirty since the last {@link #clear}. */
    double dirtyBlocks();

    /** The dirty blocks were sent: the bitmap starts empty. */
    void clear();

    /** Seeded random block writes, each dirtying one block of the working set. */
    static BlockWriter sampled(DiskSpec disk, long seed) {
        int blocks = (int) Math.min(Integer.MAX_VALUE - 64, Math.max(1, disk.workingSetBlocks()));
        PageBitmap dirty = new PageBitmap(blocks);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        return new BlockWriter() {
            private double carry;
            private long count;

            @Override
            public void advance(double seconds) {
                if (disk.workingSetBlocks() == 0 || seconds <= 0) return;
                double writes = disk.blockWritesPerSecond() * seconds + carry;
                long whole = (long) Math.floor(writes);
                carry = writes - whole;
                for (long i = 0; i < whole && count < blocks; i++) {
                    int b = random.nextInt(blocks);
                    if (!dirty.get(b)) {
                        dirty.set(b);
                        count++;
                    }
                }
            }

            @Override
            public double dirtyBlocks() {
                return count;
            }

            @Override
            public void clear() {
                dirty.clearAll();
                count = 0;
            }
        };
    }

    /** Expected distinct blocks: W - (W - d) e^(-r t / W) after t seconds with d dirty already. */
    static BlockWriter expected(DiskSpec disk) {
        return new BlockWriter() {
            private double dirty;

            @Override
            public void advance(double seconds) {
                long w = disk.workingSetBlocks();
                if (w == 0 || seconds <= 0) return;
                dirty = w - (w - dirty) * Math.exp(-disk.blockWritesPerSecond() * seconds / w);
            }

            @Override
            public double dirtyBlocks() {
                return dirty;
            }

            @Override
            public void clear() {
                dirty = 0;
            }
        };
    }
}
