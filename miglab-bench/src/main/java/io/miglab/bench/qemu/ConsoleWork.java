package io.miglab.bench.qemu;

import io.miglab.bench.workload.GuestProgram;
import io.miglab.qemu.launch.QemuProcess;
import io.miglab.qemu.serial.GuestMessage;
import io.miglab.qemu.serial.SerialLine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
    public boolean reportedAfter(long nanos, boolean migrated) {
        List<SerialLine> lines = (migrated ? destination : source).serial().lines();
        for (int i = lines.size() - 1; i >= 0 && lines.get(i).hostNanos() >= nanos; i--) {
            if (isReport(lines.get(i))) return true;
        }
        return false;
    }

    @Override
    public Optional<ThroughputMeter.Window> within(long fromNanos, long toNanos) {
        return ThroughputMeter.within(source.serial().lines(), program, fromNanos, toNanos);
    }

    @Override
    public Optional<ThroughputMeter.Window> around(long fromNanos, long toNanos, boolean migrated) {
        List<SerialLine> lines = ThroughputMeter.merge(source.serial().lines(),
                migrated ? destination.serial().lines() : List.of());
        return ThroughputMeter.around(lines, program, fromNanos, toNanos);
    }

    private boolean isReport(SerialLine l) {
        GuestMessage m = l.message();
        return switch (program) {
            case IDLE -> m instanceof GuestMessage.Heartbeat;
            case MEMWRITER -> m instanceof GuestMessage.MemReport;
            case CPUBURN -> m instanceof GuestMessage.CpuReport;
            case HTTPD -> false;
        };
    }

    @Override
    public void close() { }
}
