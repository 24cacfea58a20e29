package io.miglab.qemu.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.link.Link;
import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.SweepWrites;
import io.miglab.core.write.UniformWrites;
import io.miglab.qemu.launch.Workload;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The translation of a spec into what QEMU is told; no QEMU needed. */
class QemuMigrationPlanTest {
    private static final MigrationSpec BASE = MigrationSpec.of(ByteSize.ofMiB(256), DataRate.ofMiBps(100));

    // Guards against the guest running a different workload than the spec describes.
    @Test
    void aSweepBecomesTheMemwriterWithItsArrayAndRate() {
        MigrationSpec spec = BASE.withWriteModel(new SweepWrites(ByteSize.ofMiB(64), 4096, 5000));
        QemuMigrationPlan plan = QemuMigrationPlan.of(spec, QemuRunOptions.defaults());
        assertThat(plan.guest().workload()).isEqualTo(Workload.MEMWRITER);
        assertThat(plan.guest().workingSetMiB()).isEqualTo(64);
        assertThat(plan.guest().dirtyPagesPerSecond()).isEqualTo(5000);
        assertThat(plan.guest().kernelCommandLine()).contains("workload=memwriter ws_mb=64 dirty_pps=5000");
        assertThat(QemuMigrationPlan.of(BASE, QemuRunOptions.defaults()).guest().workload()).isEqualTo(Workload.IDLE);
    }

    // Guards against a cpuburn or httpd run whose plan (and so the result's guest line) says idle: the run option
    // must reach the guest's kernel command line, and the note must say the write model does not describe it.
    @Test
    void theGuestWorkloadOptionRunsCpuburnOrHttpdAndSaysSo() {
        for (Workload w : List.of(Workload.CPUBURN, Workload.HTTPD)) {
            QemuMigrationPlan plan = QemuMigrationPlan.of(BASE, QemuRunOptions.defaults().withGuestWorkload(w));
            assertThat(plan.guest().workload()).isEqualTo(w);
            assertThat(plan.guest().kernelCommandLine()).endsWith("workload=" + w.guestName());
            assertThat(plan.notes()).anyMatch(n -> n.startsWith("guest workload " + w.guestName() + " (run option)"));
        }
        assertThat(QemuMigrationPlan.of(BASE, QemuRunOptions.defaults().withGuestWorkload(null)).guest().workload())
                .isEqualTo(Workload.IDLE);
    }

    // Guards against a real run that seems to honour a memory layout: the real guest's kernel places its memory, so
    // a spec in the Linux layout is carried out as any other and the plan says the layout is not the spec's.
    @Test
    void aMemoryLayoutIsNotedAsTheRealGuestsOwn() {
        MigrationSpec linux = BASE.withMemory(BASE.memory().withLayout(MemoryLayout.LINUX));
        QemuMigrationPlan plan = QemuMigrationPlan.of(linux, QemuRunOptions.defaults());
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("memory layout linux of the spec is ignored"));
        assertThat(QemuMigrationPlan.of(BASE, QemuRunOptions.defaults()).notes())
                .noneMatch(n -> n.contains("memory layout"));
    }

    // Guards against a guest program that contradicts the spec's write model (cpuburn claimed to sweep an array,
    // memwriter without its array).
    @Test
    void aGuestWorkloadThatContradictsTheWriteModelIsRejectedNamingTheField() {
        MigrationSpec sweep = BASE.withWriteModel(new SweepWrites(ByteSize.ofMiB(64), 4096, 5000));
        assertThatThrownBy(() -> QemuMigrationPlan.of(sweep,
                QemuRunOptions.defaults().withGuestWorkload(Workload.CPUBURN)))
                .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("write-model: none when the guest "
                        + "runs cpuburn");
        assertThatThrownBy(() -> QemuMigrationPlan.of(BASE,
                QemuRunOptions.defaults().withGuestWorkload(Workload.MEMWRITER)))
                .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("write-model: sweep");
        assertThat(QemuMigrationPlan.of(sweep, QemuRunOptions.defaults().withGuestWorkload(Workload.MEMWRITER))
                .guest()).isEqualTo(QemuMigrationPlan.of(sweep, QemuRunOptions.defaults()).guest());
    }

    // Guards against silently running a write model the guest cannot produce.
    @Test
    void writeModelsTheGuestCannotRunAreRejectedByName() {
        MigrationSpec spec = BASE.withWriteModel(new UniformWrites(1000));
        assertThatThrownBy(() -> QemuMigrationPlan.of(spec, QemuRunOptions.defaults()))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("write-model:").hasMessageContaining("sweep");
        MigrationSpec tooBig = BASE.withWriteModel(new SweepWrites(ByteSize.ofMiB(200), 4096, 10));
        assertThatThrownBy(() -> QemuMigrationPlan.of(tooBig, QemuRunOptions.defaults()))
                .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("working-set:");
    }

    // Guards against capping at the link instead of the lower hypervisor cap, or a limit in the wrong unit.
    @Test
    void bandwidthIsTheEffectiveRateInBytesPerSecondAndTheDowntimeLimitInMs() {
        MigrationSpec spec = BASE.withLink(new Link(DataRate.ofGbitps(10), Duration.ZERO,
                Optional.of(DataRate.ofMiBps(50)))).withPolicy(TerminationPolicy.qemu(Duration.ofMillis(120),
                Duration.ofSeconds(7)));
        QemuMigrationPlan plan = QemuMigrationPlan.of(spec, QemuRunOptions.defaults());
        assertThat(plan.sourceParameters()).containsEntry("max-bandwidth", 50L * 1024 * 1024)
                .containsEntry("downtime-limit", 120L).doesNotContainKey("max-postcopy-bandwidth");
        assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(plan.onLimit()).isEqualTo(TerminationPolicy.LimitAction.CANCEL);
    }

    // Guards against a capability left on from a previous migration of the same source, or set on one side only.
    @Test
    void capabilitiesAreAllSetExplicitlyAndPostcopyOnBothSides() {
        MigrationSpec spec = BASE.withAlgorithm("hybrid")
                .withAutoConverge(Optional.of(AutoConverge.qemuDefaults()))
                .withOptimisations(new Optimisations(true, Optional.of(Optimisations.Xbzrle.qemuDefaults()),
                        Optional.empty()));
        QemuMigrationPlan plan = QemuMigrationPlan.of(spec, QemuRunOptions.defaults().withMultifd(4));
        assertThat(plan.algorithm()).isInstanceOf(io.miglab.core.algorithm.Hybrid.class);
        assertThat(plan.sourceCapabilities()).containsEntry("postcopy-ram", true).containsEntry("auto-converge", true)
                .containsEntry("xbzrle", true).containsEntry("multifd", true).containsEntry("events", true);
        assertThat(plan.destinationCapabilities()).containsEntry("postcopy-ram", true).containsEntry("multifd", true);
        assertThat(plan.sourceParameters()).containsEntry("cpu-throttle-initial", 20)
                .containsEntry("cpu-throttle-increment", 10).containsEntry("max-cpu-throttle", 99)
                .containsEntry("throttle-trigger-threshold", 50).containsEntry("xbzrle-cache-size", 64L << 20)
                .containsEntry("multifd-channels", 4).containsEntry("max-postcopy-bandwidth", 100L << 20);
        assertThat(plan.destinationParameters()).containsEntry("multifd-channels", 4);

        QemuMigrationPlan plain = QemuMigrationPlan.of(BASE, QemuRunOptions.defaults());
        assertThat(plain.sourceCapabilities()).containsEntry("postcopy-ram", false)
                .containsEntry("auto-converge", false).containsEntry("xbzrle", false).containsEntry("multifd", false);
    }

    // Guards against Xen-style policies being run with QEMU's defaults instead of their own limits.
    @Test
    void xenPolicyBecomesAPageThresholdAndMiglabEnforcedLimits() {
        QemuMigrationPlan plan = QemuMigrationPlan.of(BASE.withPolicy(TerminationPolicy.xen()),
                QemuRunOptions.defaults());
        // 50 pages x 4 KiB at 100 MiB/s = 1.95 ms, rounded up
        assertThat(plan.sourceParameters()).containsEntry("downtime-limit", 2L);
        assertThat(plan.maxRounds()).hasValue(30);
        assertThat(plan.maxDataBytes()).hasValue(3.0 * 256 * 1024 * 1024);
        assertThat(plan.onLimit()).isEqualTo(TerminationPolicy.LimitAction.STOP_AND_COPY);
        assertThat(plan.timeout()).isEqualTo(QemuMigrationPlan.SAFETY_TIMEOUT);
        assertThat(plan.notes()).anyMatch(n -> n.contains("fewer than 50 dirty pages"));

        TerminationPolicy onlyRounds = new TerminationPolicy("rounds", List.of(new StopCondition.MaxRounds(3)),
                TerminationPolicy.LimitAction.CANCEL);
        assertThat(QemuMigrationPlan.of(BASE.withPolicy(onlyRounds), QemuRunOptions.defaults()).sourceParameters())
                .containsEntry("downtime-limit", 1L);
    }

    // Guards against a spec setting (zero-page elision off) that QEMU would otherwise ignore.
    @Test
    void zeroPageElisionOffTurnsQemusDetectionOff() {
        QemuMigrationPlan plan = QemuMigrationPlan.of(BASE.withOptimisations(Optimisations.none()),
                QemuRunOptions.defaults());
        assertThat(plan.sourceParameters()).containsEntry("zero-page-detection", "none");
    }
}
