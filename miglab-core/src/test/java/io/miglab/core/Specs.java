package io.miglab.core;

import io.miglab.core.memory.GuestMemory;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Overheads;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.SweepWrites;
import java.time.Duration;
import java.util.List;

/** Specs shared by the core tests. */
public final class Specs {
    public static final int PAGE = 4096;
    public static final double PAGE_WIRE = PAGE + 8;

    private Specs() { }

    /** A guest of {@code pages} pages of 4 KiB, nothing else said: no zero pages, the middle layout. */
    public static GuestMemory ofPages(int pages) {
        return GuestMemory.of(ByteSize.ofBytes((long) pages * PAGE));
    }

    public static MigrationSpec idle(String memory, String bandwidth) {
        return MigrationSpec.of(ByteSize.parse("memory", memory), DataRate.parse("bandwidth", bandwidth));
    }

    /** A sweep over all of memory: every write in a pass hits a page not yet dirty in it. */
    public static MigrationSpec sweepAll(String memory, String bandwidth, double pagesPerSecond) {
        MigrationSpec s = idle(memory, bandwidth);
        return s.withWriteModel(new SweepWrites(s.memory().size(), PAGE, pagesPerSecond));
    }

    /** Exactly {@code rounds} pre-copy rounds, then stop-and-copy. */
    public static TerminationPolicy fixedRounds(int rounds) {
        return new TerminationPolicy("fixed", List.of(new StopCondition.MaxRounds(rounds)),
                TerminationPolicy.LimitAction.STOP_AND_COPY);
    }

    public static Overheads noDeviceState() {
        return new Overheads(Duration.ZERO, Duration.ZERO, ByteSize.ofBytes(0), Duration.ZERO);
    }
}
