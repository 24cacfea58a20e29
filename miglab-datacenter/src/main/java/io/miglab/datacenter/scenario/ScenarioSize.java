package io.miglab.datacenter.scenario;

import io.miglab.core.error.InvalidSpecException;
import java.util.Locale;

/**
 * How big a scenario's run is, in heap bytes, estimated before it starts. Each limit of a scenario (hosts per rack,
 * racks, VMs, duration) may pass on its own while their product does not fit: 100,000 racks of 1,000 hosts, or a
 * duration of 100,000 days, used to end in an OutOfMemoryError after a minute. The estimate counts what a run
 * keeps: the hosts (with their links and per-host arrays), the VMs, one sample and one scheduled event per tick, the
 * per-host series while they are kept, and the migration records at most the policy may ask for (its budget per
 * tick, or every VM once per maintenance for evacuations alone).
 *
 * <p>The bytes per item are about twice what runs of each kind needed on this project's JVM (Java 17, compressed
 * pointers; the smallest -Xmx under which `miglab datacenter` finished, reports included): 1,000,000 hosts
 * 400-600 MiB, 1,000,000 VMs under 250 MiB, 2,000,000 ticks 1-1.3 GiB (the reports hold every sample), 4,000,000
 * per-host samples under 400 MiB; a migration record about 2 KiB (DayBenchmark: 107,920 of them, 258 MiB peak).
 */
public record ScenarioSize(long hosts, long vms, long ticks, boolean hostSeries, long migrationsPerTick,
                           long evacuations, long bytes) {
    static final long HOST_BYTES = 1_000;
    static final long VM_BYTES = 400;
    static final long TICK_BYTES = 1_000;
    static final long HOST_SAMPLE_BYTES = 150;
    static final long MIGRATION_BYTES = 3_000;
    /** What the JVM and miglab hold before a scenario runs. */
    static final long BASE_BYTES = 64L << 20;

    public static ScenarioSize of(Scenario s) {
        long hosts = s.hostCount(), vms = s.vmCount();
        long ticks = (long) Math.ceil(s.durationSeconds() / s.intervalSeconds());
        boolean series = hosts <= s.hostSeriesLimit();
        long perTick = s.policy().name().equals("none") ? 0 : Math.min(vms, s.policy().maxMigrationsPerInterval());
        long evacuations = sat(vms, s.maintenance().size());
        ScenarioSize z = new ScenarioSize(hosts, vms, ticks, series, perTick, evacuations, 0);
        return new ScenarioSize(hosts, vms, ticks, series, perTick, evacuations,
                add(add(BASE_BYTES, z.hostBytes()), add(z.vmBytes(), sat(ticks, z.tickBytes()))));
    }

    /** Up to how many migrations the run may record. */
    public long migrations() {
        return add(evacuations, sat(ticks, migrationsPerTick));
    }

    private long hostBytes() { return sat(hosts, HOST_BYTES); }

    private long vmBytes() { return add(sat(vms, VM_BYTES), sat(evacuations, MIGRATION_BYTES)); }

    /** Bytes one scheduling tick adds: its sample and event, the per-host samples, the policy's migrations. */
    private long tickBytes() {
        return add(add(TICK_BYTES, hostSeries ? sat(hosts, HOST_SAMPLE_BYTES) : 0),
                sat(migrationsPerTick, MIGRATION_BYTES));
    }

    /** The heap this JVM may still grow into. */
    public static long availableHeap() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    /**
     * Refuses a scenario whose estimate exceeds {@code heapBytes}, in one line: its size, and how many hosts or how
     * many scheduling ticks would fit with the rest as it is.
     */
    public void requireFits(long heapBytes) {
        if (bytes <= heapBytes) return;
        long ticksWithoutHosts = sat(ticks, add(TICK_BYTES, sat(migrationsPerTick, MIGRATION_BYTES)));
        long spareForHosts = heapBytes - BASE_BYTES - vmBytes() - ticksWithoutHosts;
        long perHost = add(HOST_BYTES, hostSeries ? sat(ticks, HOST_SAMPLE_BYTES) : 0);
        long fitHosts = Math.max(0, spareForHosts / perHost);
        long fitTicks = Math.max(0, (heapBytes - BASE_BYTES - hostBytes() - vmBytes()) / tickBytes());
        throw new InvalidSpecException("scenario", String.format(Locale.ROOT,
                "a run that fits the heap of %s (with the rest as it is: at most %,d hosts, or %,d scheduling ticks)",
                format(heapBytes), fitHosts, fitTicks),
                String.format(Locale.ROOT, "%,d hosts, %,d VMs, %,d ticks%s: about %s", hosts, vms, ticks,
                        migrations() > 0 ? String.format(Locale.ROOT, ", up to %,d migrations", migrations()) : "",
                        format(bytes)));
    }

    /** A size for messages: 4GiB, 1.5GiB, 300MiB. */
    public static String format(double bytes) {
        double gib = bytes / (1L << 30), mib = bytes / (1L << 20);
        if (gib >= 1) return gib == Math.rint(gib) ? (long) gib + "GiB" : String.format(Locale.ROOT, "%.1fGiB", gib);
        if (mib >= 1) return String.format(Locale.ROOT, "%.0fMiB", mib);
        return String.format(Locale.ROOT, "%.0fB", bytes);
    }

    private static long sat(long a, long b) {
        long r = a * b;
        return a != 0 && (r / a != b || r < 0) ? Long.MAX_VALUE : r;
    }

    private static long add(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
