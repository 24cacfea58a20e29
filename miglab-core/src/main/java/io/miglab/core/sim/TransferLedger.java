package io.miglab.core.sim;

/** Running totals of what went over the wire and what the guest lost, by phase. */
final class TransferLedger {
    long pages;
    long resent;
    long zeroPages;
    long faults;
    final long[] bytesByPhase = new long[Phase.values().length];
    /** Wall seconds the guest was meant to run during the migration (paused time excluded). */
    double guestRunSeconds;
    /** Of those, seconds of work lost to throttling and post-copy faults. */
    double guestLostSeconds;
    int maxThrottlePercent;

    long bytes() {
        long b = 0;
        for (long x : bytesByPhase) b += x;
        return b;
    }
}
