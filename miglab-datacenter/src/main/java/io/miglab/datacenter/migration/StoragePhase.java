package io.miglab.datacenter.migration;

import io.miglab.core.diskmove.StorageMove;
import io.miglab.core.result.GuestImpact;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Stage;
import io.miglab.core.result.Timeline;
import io.miglab.core.result.Timing;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.storage.DiskSpec;
import io.miglab.core.storage.StorageSpec;
import io.miglab.core.storage.StorageStrategy;
import io.miglab.datacenter.engine.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The disk phase of a rate-based migration, before memory and on the migration's own flow (so it shares the links
 * max-min fairly with every other flow). Block pre-copy: the allocated bytes, then the blocks written meanwhile
 * ({@link DiskSpec#expectedDirtyBlocks} over the round's wall time) round after round until they would go within
 * the downtime limit or after {@link StorageMove#MAX_ROUNDS} rounds, as {@link StorageMove} decides; the last dirty
 * set is sent in the storage stage too. Mirror: the allocated bytes, then the guest's writes of that copy time
 * (write rate x copy time) sent once. Writes during the memory migration are not counted. Shared: nothing.
 */
final class StoragePhase {
    private final Simulator sim;
    private final MigrationSpec spec;
    private final Timeline timeline;
    private final FlowTransfer stream;
    private final Consumer<Stage> stage;
    private double bytes;
    private double startSeconds = Double.NaN;
    private double seconds;

    StoragePhase(Simulator sim, MigrationSpec spec, Timeline timeline, FlowTransfer stream, Consumer<Stage> stage) {
        this.sim = sim;
        this.spec = spec;
        this.timeline = timeline;
        this.stream = stream;
        this.stage = stage;
    }

    /** Copies the disk when the strategy copies it, then runs {@code then}; at once when nothing moves. */
    void run(Runnable then) {
        if (spec.storage().isEmpty() || !spec.storage().get().copies()) {
            then.run();
            return;
        }
        StorageSpec s = spec.storage().get();
        stage.accept(Stage.STORAGE);
        startSeconds = sim.now();
        double allocated = s.disk().allocatedBytes();
        if (s.strategy() == StorageStrategy.MIRROR) {
            send(allocated, t -> send(s.disk().writeBytesPerSecond() * t, t2 -> done(then)));
        } else {
            round(s.disk(), allocated, 0, then);
        }
    }

    private void round(DiskSpec disk, double roundBytes, int round, Runnable then) {
        send(roundBytes, t -> {
            double dirty = disk.expectedDirtyBlocks(t) * disk.blockSize().bytes();
            double rate = t > 0 ? roundBytes / t : stream.rateOrPathCapacity();
            if (dirty <= 0) {
                done(then);
            } else if (dirty / rate <= downtimeLimitSeconds() || round + 1 >= StorageMove.MAX_ROUNDS) {
                send(dirty, t2 -> done(then));
            } else {
                round(disk, dirty, round + 1, then);
            }
        });
    }

    private void send(double b, java.util.function.DoubleConsumer after) {
        double begin = sim.now();
        bytes += b;
        timeline.stageLog().sent(b);
        stream.send(b, () -> after.accept(sim.now() - begin));
    }

    private void done(Runnable then) {
        seconds = sim.now() - startSeconds;
        then.run();
    }

    private double downtimeLimitSeconds() {
        return spec.policy().find(StopCondition.DowntimeBelow.class).map(d -> d.limit().toNanos() / 1e9)
                .orElse(TerminationPolicy.QEMU_DOWNTIME_LIMIT.toNanos() / 1e9);
    }

    /** The memory migration's result with the disk's bytes and time (unchanged when no disk moved). */
    MigrationResult apply(MigrationResult m) {
        if (Double.isNaN(startSeconds)) return m;
        Timing t = m.timing();
        GuestImpact g = m.guestImpact();
        List<String> notes = new ArrayList<>(m.assumptions());
        notes.add("rate-based storage: the disk on the migration's flow before memory ("
                + spec.storage().get().strategy() + "); disk writes during the memory migration not counted");
        return m.withFigures(new Timing(t.preparationTimeMs(), t.downtimeMs(), t.resumeTimeMs(), t.totalTimeMs(),
                        t.precopyTimeMs(), seconds * 1000).withAnnounce(t.announceRounds(), t.lastAnnounceMs()),
                m.traffic().withStorageBytes(Math.round(bytes)), g,
                m.stages(), notes);
    }
}
