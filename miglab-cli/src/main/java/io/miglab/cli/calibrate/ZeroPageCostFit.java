package io.miglab.cli.calibrate;

import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.core.unit.DataRate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The source's CPU time per zero page ({@code --zero-page-cost}) that makes the calibration's idle runs last as long
 * in the simulator as they did in QEMU. QEMU checks every page of a first pass for zeros inside the rate-limit
 * periods (save_zero_page, migration/ram.c). Where the host's kernel serves reads of never-touched guest RAM from the
 * huge zero page, the check costs 0.1 to 0.25 us and hides in the periods' slack; elsewhere each read is a fault of
 * 1 to 7 us, and an idle 256 MiB guest took 30 to 40 % longer at 100 MiB/s (docs/qemu-vs-sim.md, "A slower host").
 * Per idle run, the least cost at which the simulator gives QEMU's total time (bisection: the simulator's time does
 * not fall as the cost grows), never below the qemu profile's; the median over the idle runs.
 */
final class ZeroPageCostFit {
    static final Duration FLOOR = HypervisorProfiles.QEMU_ZERO_PAGE_COST;
    static final Duration CEILING = Duration.ofNanos(20_000);
    private static final long RESOLUTION_NANOS = 10;

    /** An idle run of the grid: QEMU's max-bandwidth, the total time QEMU took and the zero pages it found. */
    record IdleRun(DataRate bandwidth, double qemuTotalMs, long zeroPages) { }

    private ZeroPageCostFit() { }

    /**
     * @param simulatedMs the simulator's total time for an idle run with a zero-page cost
     * @return the fitted cost; {@link #FLOOR} without idle runs
     */
    static Duration fit(List<IdleRun> runs, BiFunction<IdleRun, Duration, Double> simulatedMs) {
        List<Long> fitted = new ArrayList<>();
        for (IdleRun r : runs) {
            long lo = FLOOR.toNanos(), hi = CEILING.toNanos();
            if (simulatedMs.apply(r, FLOOR) >= r.qemuTotalMs()) {
                fitted.add(lo);
            } else if (simulatedMs.apply(r, CEILING) < r.qemuTotalMs()) {
                fitted.add(hi);
            } else {
                while (hi - lo > RESOLUTION_NANOS) {
                    long mid = (lo + hi) / 2;
                    if (simulatedMs.apply(r, Duration.ofNanos(mid)) < r.qemuTotalMs()) lo = mid;
                    else hi = mid;
                }
                fitted.add(hi);
            }
        }
        if (fitted.isEmpty()) return FLOOR;
        fitted.sort(null);
        int n = fitted.size();
        return Duration.ofNanos(n % 2 == 1 ? fitted.get(n / 2) : (fitted.get(n / 2 - 1) + fitted.get(n / 2)) / 2);
    }

    /** {@code cost} as the settings read it: microseconds with two decimals. */
    static String text(Duration cost) {
        return String.format(Locale.ROOT, "%.2fus", cost.toNanos() / 1000.0);
    }
}
