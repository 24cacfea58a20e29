package io.miglab.datacenter.bench;

import io.miglab.datacenter.model.CpuTrace;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How fast a CPU trace CSV is read and how much heap it keeps (not a test). Reads the file five times and prints
 * each time (wall and this thread's CPU, which other processes on the machine do not inflate), the rows, the heap the last trace keeps after a GC and the peak heap of the run.
 * {@code java -Xmx512m -cp ... io.miglab.datacenter.bench.CpuTraceBenchmark trace.csv} (make one with
 * {@link CpuTraceGenerator}).
 */
public final class CpuTraceBenchmark {
    private CpuTraceBenchmark() { }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        CpuTrace trace = null;
        for (int i = 0; i < 5; i++) {
            trace = null;
            long t0 = System.nanoTime(), c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            try (InputStream in = Files.newInputStream(file)) {
                trace = CpuTrace.read(file.toString(), in);
            }
            System.out.printf(Locale.ROOT, "read %d         %.3f s wall, %.3f s CPU%n", i + 1,
                    (System.nanoTime() - t0) / 1e9,
                    (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1e9);
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long kept = rt.totalMemory() - rt.freeMemory();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        System.out.printf(Locale.ROOT, "file           %s, %,d bytes%n", file, Files.size(file));
        System.out.printf(Locale.ROOT, "rows           %,d of %,d VMs%n", trace.rows(), trace.vmNames().size());
        System.out.printf(Locale.ROOT, "heap after GC  %,.0f MiB (the trace and the JVM's own)%n", kept / 1048576.0);
        System.out.printf(Locale.ROOT, "peak heap      %,.0f MiB (max %,.0f MiB)%n", peak / 1048576.0,
                rt.maxMemory() / 1048576.0);
    }
}
