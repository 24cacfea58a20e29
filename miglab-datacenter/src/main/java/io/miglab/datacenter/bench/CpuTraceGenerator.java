package io.miglab.datacenter.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a synthetic per-VM CPU trace CSV ({@code time_s,vm,cpu_share}, rows time-major as a monitor would log
 * them): each VM has its own base load, a day's rhythm with its own phase, and noise, clamped to 0..1 and written
 * with 4 decimals. 8,000 VMs x 288 steps of 300 s is 2.3 million rows, about 46 MB: the size of the PlanetLab-style
 * traces CloudSim users replay. Not a test; used by scripts/bench-vs-cloudsimplus.sh and by tests with small sizes.
 * {@code java -cp ... io.miglab.datacenter.bench.CpuTraceGenerator OUT.csv [vms] [steps] [interval_s] [seed]}
 */
public final class CpuTraceGenerator {
    private CpuTraceGenerator() { }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: CpuTraceGenerator OUT.csv [vms=8000] [steps=288] [interval_s=300] [seed=1]");
            System.exit(2);
        }
        int vms = args.length > 1 ? Integer.parseInt(args[1]) : 8000;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 288;
        int interval = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        write(Path.of(args[0]), vms, steps, interval, seed);
    }

    /** Writes the trace of {@code vms} VMs over {@code steps} steps of {@code intervalSeconds}. */
    public static void write(Path out, int vms, int steps, int intervalSeconds, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        double[] base = new double[vms], amplitude = new double[vms], phase = new double[vms];
        for (int v = 0; v < vms; v++) {
            base[v] = 0.05 + 0.5 * r.nextDouble();
            amplitude[v] = 0.4 * r.nextDouble();
            phase[v] = r.nextDouble() * 2 * Math.PI;
        }
        double day = 2 * Math.PI / 86_400;
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            o.write("time_s,vm,cpu_share\n".getBytes(StandardCharsets.US_ASCII));
            StringBuilder row = new StringBuilder(32);
            for (int s = 0; s < steps; s++) {
                long t = (long) s * intervalSeconds;
                for (int v = 0; v < vms; v++) {
                    double x = base[v] + amplitude[v] * Math.sin(day * t + phase[v]) + 0.08 * (r.nextDouble() - 0.5);
                    int tenThousandths = (int) Math.round(Math.max(0, Math.min(1, x)) * 10_000);
                    row.setLength(0);
                    row.append(t).append(",vm-").append(v).append(',').append(tenThousandths / 10_000).append('.');
                    String frac = Integer.toString(tenThousandths % 10_000);
                    for (int k = frac.length(); k < 4; k++) row.append('0');
                    row.append(frac).append('\n');
                    for (int k = 0; k < row.length(); k++) o.write(row.charAt(k));
                }
            }
        }
    }
}
