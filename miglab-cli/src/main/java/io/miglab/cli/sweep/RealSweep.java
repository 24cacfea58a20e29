package io.miglab.cli.sweep;

import io.miglab.cli.common.BadInputException;
import io.miglab.core.MigrationBackend;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.qemu.calibrate.GuestCalibration;
import io.miglab.qemu.migrate.QemuMigrationPlan;
import io.miglab.qemu.migrate.QemuRunOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a sweep over real QEMU needs beyond a simulated one: its inputs checked before the first guest boots (every
 * point's spec against the QEMU plan, both QEMUs of the largest guest against the memory this machine has, and a
 * bound on the number of migrations), and the simulator that stands beside the real points.
 */
public final class RealSweep {
    /** More real migrations than this (about 10 s each, more at low bandwidth) is a job for several sweeps. */
    public static final int MAX_MIGRATIONS = 200;
    /** Per QEMU beyond the guest's RAM (QEMU itself, TCG's translation cache), and for the JVM: 256 MiB. */
    static final long QEMU_OVERHEAD_BYTES = 256L * ByteSize.MIB;

    private RealSweep() { }

    /**
     * Refuses, before anything starts, a sweep the real backend cannot run: a point the guest cannot run (the
     * plan's own message), guests too big for this machine, or more than {@link #MAX_MIGRATIONS} migrations.
     */
    public static void check(List<MigrationSpec> specs, SweepRunner.Settings settings, OptionalLong availableBytes) {
        for (MigrationSpec spec : specs) {
            QemuMigrationPlan.of(spec, QemuRunOptions.defaults());
            if (settings.compare()) {
                QemuMigrationPlan.of(spec.withAlgorithm(SweepRunner.PRECOPY), QemuRunOptions.defaults());
                QemuMigrationPlan.of(spec.withAlgorithm(SweepRunner.STOP_AND_COPY), QemuRunOptions.defaults());
            }
        }
        if (availableBytes.isPresent()) {
            long largest = specs.stream().mapToLong(s -> s.memory().bytes()).max().orElse(0);
            long most = (availableBytes.getAsLong() - QEMU_OVERHEAD_BYTES * 3) / 2;
            if (largest > most) {
                throw new BadInputException("memory: at most " + Math.max(0, most / ByteSize.MIB) + " MiB for the "
                        + "qemu backend (a source and a destination QEMU must fit in the "
                        + availableBytes.getAsLong() / ByteSize.MIB + " MiB this machine has available) (got "
                        + ByteSize.format(largest) + ")");
            }
        }
        int migrations = SweepRunner.migrations(specs, settings);
        if (migrations > MAX_MIGRATIONS) {
            throw new BadInputException("repeat: at most " + MAX_MIGRATIONS + " real migrations per sweep (points x "
                    + "repeat x algorithms) (got " + specs.size() + " points x " + settings.repeat() + " x "
                    + migrations / specs.size() / settings.repeat() + " = " + migrations + ")");
        }
    }

    /** MemAvailable of /proc/meminfo; empty where there is none. */
    public static OptionalLong availableMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /**
     * The simulator drawn over real points: the page-level simulator on the spec the {@code qemu} hypervisor profile
     * makes of the same inputs, with the guest's measured footprint ({@link GuestCalibration#forSimulator}, as
     * {@code migrate --compare}).
     */
    public static Optional<MigrationBackend> simulator(AlgorithmRegistry registry) {
        PageLevelSimulator sim = new PageLevelSimulator(registry);
        return Optional.of(new MigrationBackend() {
            @Override
            public String name() {
                return sim.name();
            }

            @Override
            public MigrationResult migrate(MigrationSpec spec) {
                return sim.migrate(GuestCalibration.forSimulator(spec));
            }
        });
    }
}
