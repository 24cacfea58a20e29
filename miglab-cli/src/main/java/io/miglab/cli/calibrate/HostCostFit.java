package io.miglab.cli.calibrate;

import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.core.unit.DataRate;
import io.miglab.qemu.calibrate.CalibrationRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The host's costs per zero page that make the calibration's idle runs last as long in the simulator as they did in
 * QEMU. Where the host's kernel serves reads of never-touched guest RAM from the huge zero page, QEMU's handling of a
 * zero page costs 0.1 to 1 us and hides in the rate-limit periods' slack or the link's pace; elsewhere each touch of
 * such a page is a fault of 1 to 7 us, and an idle 256 MiB guest took 30 to 40 % longer at 100 MiB/s, an idle 1 GiB
 * guest's uncapped post-copy four times as long (docs/qemu-vs-sim.md, "A slower host"). Two costs, each fitted to
 * the runs it decides:
 * <ul>
 * <li>{@link #ZERO_PAGE}, the source's check of each zero page (save_zero_page, migration/ram.c), from the idle
 * pre-copy runs;</li>
 * <li>{@link #POSTCOPY_PLACEMENT}, the destination's placement of each (UFFDIO_ZEROPAGE, postcopy_place_page_zero in
 * migration/postcopy-ram.c), from an idle post-copy run left uncapped, where nothing else holds the push back. The
 * push goes no faster than the check either (MigrationSpec.postCopyZeroPageSeconds), so where the check fitted
 * before explains the run the placement stays at its floor.</li>
 * </ul>
 * Per run, the least cost at which the simulator gives QEMU's total time (bisection: the simulator's time does not
 * fall as the cost grows), never below the qemu profile's; the median over the runs.
 *
 * @param setting  the cost's setting, as the profile writes it
 * @param floor    the qemu profile's figure, the least the fit gives
 * @param runs     the grid's runs it is fitted to
 * @param runsText those runs, as the profile's comment and the summary say them
 * @param trial    settings beside the cost that simulate those runs (their algorithm, their post-copy cap)
 */
record HostCostFit(String setting, Duration floor, CalibrationRun.Kind runs, String runsText,
                   Map<String, String> trial) {
    static final HostCostFit ZERO_PAGE = new HostCostFit("zero-page-cost", HypervisorProfiles.QEMU_ZERO_PAGE_COST,
            CalibrationRun.Kind.IDLE, "idle runs'", Map.of());
    static final HostCostFit POSTCOPY_PLACEMENT = new HostCostFit("postcopy-page-cost",
            HypervisorProfiles.QEMU_POSTCOPY_PLACEMENT, CalibrationRun.Kind.POSTCOPY_IDLE, "idle post-copy run's",
            Map.of("algorithm", "postcopy", "postcopy-bandwidth-cap", "none"));
    /** Both, in the order they are fitted: the post-copy run is simulated with the zero-page cost fitted. */
    static final List<HostCostFit> ALL = List.of(ZERO_PAGE, POSTCOPY_PLACEMENT);
    static final Duration CEILING = Duration.ofNanos(20_000);
    private static final long RESOLUTION_NANOS = 10;

    /** An idle run of the grid: QEMU's max-bandwidth, the total time QEMU took and the zero pages it found. */
    record IdleRun(DataRate bandwidth, double qemuTotalMs, long zeroPages) { }

    /**
     * @param simulatedMs the simulator's total time for an idle run with a cost
     * @return the fitted cost; {@link #floor} without runs
     */
    Duration fit(List<IdleRun> runs, BiFunction<IdleRun, Duration, Double> simulatedMs) {
        List<Long> fitted = new ArrayList<>();
        for (IdleRun r : runs) {
            long lo = floor.toNanos(), hi = CEILING.toNanos();
            if (simulatedMs.apply(r, floor) >= r.qemuTotalMs()) {
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
        if (fitted.isEmpty()) return floor;
        fitted.sort(null);
        int n = fitted.size();
        return Duration.ofNanos(n % 2 == 1 ? fitted.get(n / 2) : (fitted.get(n / 2 - 1) + fitted.get(n / 2)) / 2);
    }

    /** {@code cost} as the settings read it: microseconds with two decimals. */
    static String text(Duration cost) {
        return String.format(Locale.ROOT, "%.2fus", cost.toNanos() / 1000.0);
    }
}
