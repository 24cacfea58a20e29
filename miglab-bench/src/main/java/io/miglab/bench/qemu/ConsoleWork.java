package io.miglab.bench.qemu;

import io.miglab.bench.workload.GuestProgram;
import io.miglab.qemu.launch.QemuProcess;
import java.time.Duration;
import java.util.List;

/** Work counted from the guest's own report lines on the serial console (see {@link ThroughputMeter}). */
final class ConsoleWork implements GuestWork {
    private final GuestProgram program;
    private final QemuProcess source;
    private QemuProcess destination;

    ConsoleWork(GuestProgram program, QemuProcess source) {
        this.program = program;
        this.source = source;
    }

    @Override
    public void follow(QemuProcess destination, Duration timeout) {
        this.destination = destination;
    }

    @Override
    public ThroughputMeter.Series series(boolean migrated) {
        return ThroughputMeter.Series.console(ThroughputMeter.merge(source.serial().lines(),
                migrated ? destination.serial().lines() : List.of()), program);
    }

    @Override
    public void close() { }
}
