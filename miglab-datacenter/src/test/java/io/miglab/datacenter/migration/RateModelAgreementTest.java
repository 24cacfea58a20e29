package io.miglab.datacenter.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.MigrationBackend;
import io.miglab.core.link.Link;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.PostCopyOptions;
import io.miglab.core.spec.ResumeFaults;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.NoWrites;
import io.miglab.core.write.SweepWrites;
import io.miglab.core.write.UniformWrites;
import io.miglab.core.write.WorkingSetWrites;
import io.miglab.core.write.WriteModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rate-based model against the page-level simulator on the same spec at constant bandwidth: total time and
 * bytes within 5 %. Guards the round arithmetic (what is sent, what is dirtied, when the policy stops) from
 * drifting away from the reference engine.
 */
class RateModelAgreementTest {
    static final int PAGE = 4096;
    static final ByteSize MEMORY = ByteSize.ofMiB(512);

    static Stream<Arguments> cases() {
        List<WriteModel> writes = List.of(new NoWrites(),
                new SweepWrites(ByteSize.ofMiB(64), PAGE, 8_000),
                new UniformWrites(3_000),
                new WorkingSetWrites(ByteSize.ofMiB(48), PAGE, 20_000, 200));
        List<String> algorithms = List.of("precopy", "stop-and-copy", "postcopy", "hybrid");
        List<Arguments> out = new ArrayList<>();
        for (WriteModel w : writes) {
            for (String a : algorithms) {
                out.add(Arguments.of(a, "qemu", w));
                if (a.equals("precopy")) out.add(Arguments.of(a, "xen", w));
            }
        }
        // a guest that does not converge under Xen's policy, one under QEMU's with auto-converge
        out.add(Arguments.of("precopy", "xen", new SweepWrites(ByteSize.ofMiB(256), PAGE, 40_000)));
        out.add(Arguments.of("precopy", "qemu+ac", new SweepWrites(ByteSize.ofMiB(256), PAGE, 30_000)));
        // QEMU without auto-converge times out and cancels; hybrid switches to post-copy after its 3 rounds
        out.add(Arguments.of("precopy", "qemu", new SweepWrites(ByteSize.ofMiB(256), PAGE, 40_000)));
        out.add(Arguments.of("hybrid", "qemu", new SweepWrites(ByteSize.ofMiB(256), PAGE, 40_000)));
        out.add(Arguments.of("hybrid", "qemu", new UniformWrites(30_000)));
        // a 1 GiB/s link capped at 100 MiB/s: the switch-over runs uncapped in both (QEMU lifts its cap then)
        out.add(Arguments.of("precopy", "qemu+cap", new SweepWrites(ByteSize.ofMiB(64), PAGE, 8_000)));
        out.add(Arguments.of("stop-and-copy", "qemu+cap", new NoWrites()));
        // multifd's 4 channels: both engines send at the cap and the packets charged to no period, and take the
        // threshold at a period with every channel's packet (Optimisations)
        out.add(Arguments.of("precopy", "qemu+mf+cap", new SweepWrites(ByteSize.ofMiB(64), PAGE, 8_000)));
        return out.stream();
    }

    static MigrationSpec spec(String algorithm, String policy, WriteModel writes) {
        MigrationSpec s = MigrationSpec.of(MEMORY, DataRate.ofMiBps(100))
                .withMemory(GuestMemory.of(MEMORY).withZeroPageShare(0.3))
                .withWriteModel(writes)
                .withLink(new Link(DataRate.ofMiBps(100), Duration.ofMillis(1), Optional.empty()))
                .withAlgorithm(algorithm)
                .withPostCopy(new PostCopyOptions(3, Optional.empty(), 0))
                .withSeed(7);
        if (policy.startsWith("xen")) s = s.withPolicy(TerminationPolicy.xen());
        else s = s.withPolicy(TerminationPolicy.qemu(Duration.ofMillis(300), Duration.ofSeconds(120)));
        if (policy.endsWith("+ac")) s = s.withAutoConverge(Optional.of(AutoConverge.qemuDefaults()));
        if (policy.endsWith("+cap")) {
            s = s.withLink(new Link(DataRate.ofMiBps(1024), Duration.ofMillis(1), Optional.of(DataRate.ofMiBps(100))));
        }
        if (policy.contains("+mf")) s = s.withOptimisations(s.optimisations().withMultifdChannels(4));
        return s;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void totalTimeAndBytesAgreeWithThePageLevelSimulator(String algorithm, String policy, WriteModel writes) {
        MigrationSpec spec = spec(algorithm, policy, writes);
        MigrationResult page = new PageLevelSimulator().migrate(spec);
        MigrationResult rate = new RateBasedBackend().migrate(spec);
        System.out.printf(Locale.ROOT, "AGREE %-13s %-7s %-40s time %9.1f / %9.1f ms (%+.2f%%) bytes %11d / %11d (%+.2f%%)"
                        + " rounds %d/%d %s/%s%n",
                algorithm, policy, writes.describe(), rate.timing().totalTimeMs(), page.timing().totalTimeMs(),
                100 * (rate.timing().totalTimeMs() / page.timing().totalTimeMs() - 1),
                rate.traffic().bytesTransferred(), page.traffic().bytesTransferred(),
                100 * ((double) rate.traffic().bytesTransferred() / page.traffic().bytesTransferred() - 1),
                rate.roundCount(), page.roundCount(), rate.outcome().stopReason(), page.outcome().stopReason());
        assertThat(rate.backend()).isEqualTo("datacenter");
        assertThat(rate.outcome().stopReason()).isEqualTo(page.outcome().stopReason());
        assertThat(rate.outcome().completed()).isEqualTo(page.outcome().completed());
        assertThat(rate.timing().totalTimeMs()).isCloseTo(page.timing().totalTimeMs(),
                within(0.05 * page.timing().totalTimeMs()));
        assertThat((double) rate.traffic().bytesTransferred())
                .isCloseTo((double) page.traffic().bytesTransferred(),
                        within(0.05 * page.traffic().bytesTransferred()));
        if (policy.endsWith("+cap")) {
            assertThat(rate.timing().downtimeMs()).isCloseTo(page.timing().downtimeMs(),
                    within(0.05 * page.timing().downtimeMs()));
        }
    }

    /** The guest's pause after a switch into post-copy is core's ResumeFaults in both engines. */
    @ParameterizedTest(name = "preempt {0}")
    @ValueSource(booleans = {false, true})
    void postCopyPauseAgreesWithThePageLevelSimulator(boolean preempt) {
        ResumeFaults faults = new ResumeFaults(10, Duration.ofMillis(5),
                ByteSize.ofMiB(1));
        MigrationSpec without = spec("postcopy", "qemu", new NoWrites())
                .withLink(new Link(DataRate.ofMiBps(100), Duration.ofMillis(1), Optional.empty(),
                        Optional.of(DataRate.ofMiBps(10))))
                .withPostCopy(PostCopyOptions.defaults().withPreempt(preempt));
        MigrationSpec with = without.withOverheads(without.overheads().withResumeFaults(faults));
        // every page pending, a push of about 40 s: ten faults, each 5 ms + 1 ms + a page (+ 10 ms for the MiB ahead)
        double expectedMs = faults.pauseSeconds(with, 1, 1e9) * 1000;
        for (MigrationBackend engine : new MigrationBackend[] {
                new PageLevelSimulator(), new RateBasedBackend()}) {
            double pause = engine.migrate(with).timing().downtimeMs() - engine.migrate(without).timing().downtimeMs();
            assertThat(pause).as(engine.getClass().getSimpleName()).isCloseTo(expectedMs, within(1e-6));
        }
    }

    /**
     * A hybrid after its rounds under the Linux layout: the first pass sent the kernel's block at the bottom of RAM
     * and the writer's array lies above it, so of the resume pages only the written share faults, in all three
     * engines (the page-level session counts the block on its bitmap, the others take ResumeFaults.readPendingShare).
     */
    @ParameterizedTest(name = "preempt {0}")
    @ValueSource(booleans = {false, true})
    void hybridPauseAfterItsRounds_isTheWrittenShareInEveryEngine(boolean preempt) {
        ResumeFaults faults = new ResumeFaults(10, Duration.ofMillis(5), ByteSize.ofMiB(1), 0.3);
        // a slow sweep: its writes on the destination go ahead of what it wrote, so it does not fault itself
        MigrationSpec without = spec("hybrid", "qemu", new SweepWrites(ByteSize.ofMiB(64), 4096, 50))
                .withMemory(GuestMemory.of(MEMORY).withZeroPageShare(0.3)
                        .withLayout(io.miglab.core.memory.MemoryLayout.LINUX))
                // the push of what the round leaves (about 180 pages at 1 MiB/s) outlasts the faults
                .withLink(new Link(DataRate.ofMiBps(100), Duration.ofMillis(1), Optional.empty(),
                        Optional.of(DataRate.ofMiBps(1))))
                .withPolicy(TerminationPolicy.qemu(Duration.ofMillis(1), Duration.ofSeconds(120)))
                .withPostCopy(new PostCopyOptions(1, Optional.empty(), 0).withPreempt(preempt));
        MigrationSpec with = without.withOverheads(without.overheads().withResumeFaults(faults));
        // without preempt 3 of the 10 pages fault (the kernel's block was sent), with preempt all 10
        double expectedMs = faults.pauseSeconds(with, 0, 1e9) * 1000;
        assertThat(expectedMs).isCloseTo((preempt ? 10 : 3) * faults.faultSeconds(with) * 1000, within(1e-9));
        for (MigrationBackend engine : new MigrationBackend[] {
                new PageLevelSimulator(), new RateBasedBackend(), new io.miglab.core.predict.ClosedFormPredictor()}) {
            MigrationResult w = engine.migrate(with), wo = engine.migrate(without);
            assertThat(w.outcome().stopReason()).isEqualTo(io.miglab.core.result.StopReason.SWITCHED_TO_POSTCOPY);
            assertThat(w.timing().downtimeMs() - wo.timing().downtimeMs()).as(engine.getClass().getSimpleName())
                    .isCloseTo(expectedMs, within(1e-6));
        }
    }
}
