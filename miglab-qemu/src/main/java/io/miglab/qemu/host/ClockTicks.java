package io.miglab.qemu.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The kernel's clock tick ({@code USER_HZ}, what {@code /proc/PID/stat} counts CPU time in), from {@code getconf}. */
public final class ClockTicks {
    private static final long DEFAULT_PER_SECOND = 100; // USER_HZ on every Linux architecture miglab runs on
    private static volatile long perSecond;

    private ClockTicks() { }

    public static long perSecond() {
        if (perSecond == 0) perSecond = ask();
        return perSecond;
    }

    public static double toMs(long ticks) {
        return ticks * 1000.0 / perSecond();
    }

    private static long ask() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            try {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) return Long.parseLong(out);
            } finally {
                p.destroyForcibly();
            }
        } catch (IOException | NumberFormatException e) {
            return DEFAULT_PER_SECOND;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_PER_SECOND;
    }
}
