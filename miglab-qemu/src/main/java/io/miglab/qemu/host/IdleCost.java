package io.miglab.qemu.host;

/**
 * What a running guest's QEMU costs the host when nothing migrates: CPU over a window and memory at its end.
 *
 * @param userMs       user CPU over the window
 * @param systemMs     system CPU over the window
 * @param windowMs     the window's length
 * @param peakRssBytes the process's peak resident memory (VmHWM) by the end
 * @param rssBytes     its resident memory at the end
 * @param threads      the most threads it had
 */
public record IdleCost(double userMs, double systemMs, double windowMs, long peakRssBytes, long rssBytes,
                       int threads) {
    /** Host CPU as a share of one core, in percent. */
    public double cpuPercentOfCore() {
        return windowMs > 0 ? 100 * (userMs + systemMs) / windowMs : 0;
    }
}
