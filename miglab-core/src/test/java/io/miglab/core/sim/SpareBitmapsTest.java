package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.Specs;
import io.miglab.core.memory.PageBitmap;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.write.UniformWrites;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Migrations that reuse the bitmaps of those before them on their thread give the results of fresh bitmaps. */
class SpareBitmapsTest {
    private final PageLevelSimulator sim = new PageLevelSimulator();

    /** {@code work}'s value on a thread of its own, which has no spare bitmap; its failure fails the test. */
    private static <T> T onNewThread(Supplier<T> work) throws InterruptedException {
        AtomicReference<T> value = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                value.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        t.join();
        assertThat(failure.get()).isNull();
        return value.get();
    }

    // Guards against a reused bitmap carrying pages from the migration before (a sweep's next point starting with
    // the last point's dirty pages or sent marks): each result in a row equals the one of a fresh thread, with sizes
    // and algorithms changing in between so that bitmaps of other sizes are kept and passed over.
    @Test
    void migrationsInARow_giveTheResultsOfFreshBitmaps() throws InterruptedException {
        MigrationSpec random = Specs.idle("512M", "100MiB/s").withWriteModel(new UniformWrites(30_000));
        List<MigrationSpec> row = List.of(Specs.sweepAll("1G", "100MiB/s", 2441),
                Specs.sweepAll("1G", "100MiB/s", 20_000).withAlgorithm("postcopy"), random,
                Specs.sweepAll("1G", "100MiB/s", 2441), random.withAlgorithm("hybrid"),
                Specs.idle("1G", "1Gbit/s"), Specs.sweepAll("1G", "100MiB/s", 2441));
        List<MigrationResult> inARow = new ArrayList<>();
        for (MigrationSpec s : row) inARow.add(sim.migrate(s));
        for (int n = 0; n < row.size(); n++) {
            int i = n;
            assertThat(inARow.get(i)).as("migration " + i).isEqualTo(onNewThread(() -> sim.migrate(row.get(i))));
        }
    }

    // Guards the pool's contract: a kept bitmap comes back empty, and only for the size it has.
    @Test
    void aKeptBitmap_comesBackClearedAndOfTheSizeAsked() throws InterruptedException {
        onNewThread(() -> {
            PageBitmap used = SpareBitmaps.take(1000);
            used.setRange(3, 900);
            SpareBitmaps.giveBack(used);
            assertThat(SpareBitmaps.take(2000)).isNotSameAs(used);
            PageBitmap again = SpareBitmaps.take(1000);
            assertThat(again).isSameAs(used);
            assertThat(again.cardinality()).isZero();
            assertThat(again.nextSet(0)).isEqualTo(-1);
            return again;
        });
    }
}
