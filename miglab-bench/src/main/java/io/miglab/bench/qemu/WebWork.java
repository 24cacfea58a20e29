package io.miglab.bench.qemu;

import io.miglab.qemu.launch.QemuProcess;
import io.miglab.qemu.launch.UserNetwork;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The web workload's work: requests answered by the guest's httpd, counted by {@link HttpLoadGenerator} on the
 * host against the source's forwarded port and, from the switch-over on ({@link SwitchOverFollower}), the
 * destination's.
 */
final class WebWork implements GuestWork {
    /** After the window, how long the answers on the destination are counted for the rate after the migration. */
    static final Duration AFTER = Duration.ofSeconds(1);

    private final HttpLoadGenerator generator;
    private final UserNetwork source;
    private UserNetwork destination;
    private SwitchOverFollower follower;

    private WebWork(HttpLoadGenerator generator, UserNetwork source) {
        this.generator = generator;
        this.source = source;
    }

    static WebWork start(QemuProcess source, Duration maxDuration) {
        UserNetwork net = source.network().orElseThrow(() -> new IllegalStateException(source.name()
                + " runs httpd without a network"));
        return new WebWork(new HttpLoadGenerator(net.hostAddress(), HttpLoadGenerator.Limits.forDuration(maxDuration))
                .start(), net);
    }

    @Override
    public void follow(QemuProcess destination, Duration timeout) {
        this.destination = destination.network().orElseThrow();
        follower = new SwitchOverFollower(destination, generator, timeout);
    }

    @Override
    public ThroughputMeter.Series series(boolean migrated) {
        return ThroughputMeter.Series.answers(generator.answers());
    }

    /**
     * Counts the answers for {@link #AFTER} past the window, waits until the requests sent by then have ended, and
     * says what the client saw.
     */
    @Override
    public List<String> notes(ThroughputMeter.Windows windows, long migrationStartNanos)
            throws InterruptedException {
        ThroughputMeter.Window window = windows.migration();
        double baseline = windows.baselineRate();
        long afterEnd = window.endNanos() + AFTER.toNanos();
        long settled = afterEnd + generator.limits().requestTimeout().toNanos() + 100_000_000L;
        Thread.sleep(Math.max(0, (settled - System.nanoTime()) / 1_000_000));
        long[] a = generator.answers();
        long after = 0;
        long gap = 0;
        long prev = -1;
        for (long t : a) {
            if (t > window.endNanos() && t <= afterEnd) after++;
            if (t >= window.startNanos() && t <= window.endNanos()) {
                if (prev >= 0) gap = Math.max(gap, t - prev);
                prev = t;
            }
        }
        long failedIn = generator.failureStarts().stream()
                .filter(t -> t >= window.startNanos() && t <= window.endNanos()).count();
        long failedAfter = generator.failureStarts().stream()
                .filter(t -> t > window.endNanos() && t <= afterEnd).count();
        double lost = Math.max(0, windows.lost());
        ThroughputMeter.Series answered = series(true);
        long switched = generator.switchedAtNanos();
        String switchText = switched < 0 ? "never switched to the destination"
                : String.format(Locale.ROOT, "switched to 127.0.0.1:%d %.0f ms after the migration started (the "
                + "destination's first console line)", destination == null ? -1 : destination.hostPort(),
                (switched - migrationStartNanos) / 1e6);
        return List.of(String.format(Locale.ROOT, "web: host load generator, %d connections of GET / (HTTP/1.0, "
                        + "%d ms timeout) to 127.0.0.1:%d (the source's forward to port 80), %s",
                        generator.limits().connections(), generator.limits().requestTimeout().toMillis(),
                        source.hostPort(), switchText),
                String.format(Locale.ROOT, "web: %.0f requests answered in the %.0f ms window, %d failed, %d given up "
                        + "on the source at the switch; longest gap between answers %.0f ms; lost %.1f requests = "
                        + "%.0f ms of service at the baseline %.1f requests/s; after the window %.1f requests/s "
                        + "(over %d ms, %d failed)", window.work(), window.seconds() * 1000, failedIn,
                        generator.abandoned(), gap / 1e6, lost, baseline > 0 ? 1000 * lost / baseline : 0, baseline,
                        after / (AFTER.toMillis() / 1000.0), AFTER.toMillis(), failedAfter),
                String.format(Locale.ROOT, "web: answers per %d ms bin from the migrate command %s; in the baseline "
                        + "window before it %s", ThroughputMeter.BIN_NANOS / 1_000_000, answered.bins(window),
                        answered.bins(windows.baseline())));
    }

    @Override
    public void close() {
        try {
            if (follower != null) follower.close();
        } finally {
            generator.close();
        }
    }
}
