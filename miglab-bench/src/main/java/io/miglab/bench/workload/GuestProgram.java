package io.miglab.bench.workload;

/**
 * The program the miglab guest runs ({@code workload=} on its kernel command line, see miglab-qemu/guest/README.md),
 * and what its throughput is counted in.
 */
public enum GuestProgram {
    /** Only the 10 ms heartbeat runs; its beats per second are the idle guest's throughput. */
    IDLE("idle", "heartbeats/s", false),
    /** The array load test: one word per page, sequential and cyclic, paced by the guest clock. */
    MEMWRITER("memwriter", "pages/s", false),
    /** xorshift steps as fast as the vCPU allows. */
    CPUBURN("cpuburn", "ops/s", true),
    /** busybox httpd; requests/s counted by a load generator on the host. */
    HTTPD("httpd", "requests/s", true);

    private final String guestName;
    private final String throughputUnit;
    private final boolean cpuBound;

    GuestProgram(String guestName, String throughputUnit, boolean cpuBound) {
        this.guestName = guestName;
        this.throughputUnit = throughputUnit;
        this.cpuBound = cpuBound;
    }

    /** The value of {@code workload=} in the guest. */
    public String guestName() { return guestName; }

    public String throughputUnit() { return throughputUnit; }

    /** Uses all the CPU it gets (its throughput follows its CPU share); paced programs have slack. */
    public boolean cpuBound() { return cpuBound; }
}
