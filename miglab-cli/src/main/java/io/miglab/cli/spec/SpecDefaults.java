package io.miglab.cli.spec;

import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.write.PacedWrites;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The default of every migration input, as text in the input's own syntax. The flags' help texts are built from
 * these values (the ones core defines are taken from core, and reach the help through {@code DynamicHelp}), so
 * help and behaviour cannot drift apart. Inputs absent from {@link #VALUES} have no default:
 * they are off, or chosen from other inputs (see docs/cli.md).
 */
public final class SpecDefaults {
    public static final String MEMORY = "1G";
    public static final String PAGE_SIZE = "4K";
    /** 1 Gbit/s Ethernet, the usual testbed link; QEMU's own cap (max-bandwidth, 128MiB/s) is a separate flag. */
    public static final String BANDWIDTH = "1Gbit/s";
    public static final String LATENCY = "0ms";
    public static final String ZERO_PAGES = "0";
    public static final String COMPRESSIBILITY = "0";
    public static final String ALGORITHM = "precopy";
    public static final String POLICY = "qemu";
    /** QEMU's downtime-limit default (migration/options.c: 300 ms), as core defines it. */
    public static final String DOWNTIME_LIMIT = text(TerminationPolicy.QEMU_DOWNTIME_LIMIT);
    /** When the qemu and custom policies give up; core's choice (QEMU itself has no limit). */
    public static final String TIMEOUT = text(TerminationPolicy.DEFAULT_TIMEOUT);
    /** QEMU's cpu-throttle-initial, cpu-throttle-increment, max-cpu-throttle, throttle-trigger-threshold. */
    public static final String THROTTLE_INITIAL = "20";
    public static final String THROTTLE_INCREMENT = "10";
    public static final String THROTTLE_MAX = "99";
    public static final String THROTTLE_TRIGGER_THRESHOLD = "50";
    /** QEMU's xbzrle-cache-size default. */
    public static final String XBZRLE_CACHE = "64M";
    public static final String XBZRLE_DELTA = "0.01";
    /** About one zlib level-1 compression thread; an assumption of miglab's, see docs/cli.md. */
    public static final String COMPRESS_THROUGHPUT = "100MiB/s";
    public static final String ZERO_PAGE_ELISION = "true";
    public static final String PRECOPY_ROUNDS = "1";
    public static final String PREPAGING = "0";
    public static final String PREPARATION_TIME = "0ms";
    public static final String RESUME_TIME = "0ms";
    public static final String DEVICE_STATE = "256K";
    public static final String SYNC_COST = "0ms";
    public static final String SEED = "1";

    /** Every key a scenario file may hold, in the order the help lists the flags. */
    public static final List<String> KEYS = List.of(
            "hypervisor", "profiles",
            "memory", "page-size", "zero-pages", "compressibility",
            "bandwidth", "bandwidth-cap", "latency",
            "write-model", "dirty-rate", "working-set", "cold-dirty-rate", "paced", "catch-up",
            "algorithm", "policy", "downtime-limit", "max-rounds", "max-data", "min-dirty-pages", "timeout",
            "on-limit", "mid-pass-check",
            "auto-converge", "throttle-initial", "throttle-increment", "throttle-max", "throttle-trigger-threshold",
            "xbzrle", "xbzrle-cache", "xbzrle-delta", "compress", "compress-throughput", "zero-page-elision",
            "precopy-rounds", "switch-after", "prepaging",
            "preparation-time", "resume-time", "device-state", "sync-cost", "seed");

    public static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("memory", MEMORY), Map.entry("page-size", PAGE_SIZE), Map.entry("zero-pages", ZERO_PAGES),
            Map.entry("compressibility", COMPRESSIBILITY), Map.entry("bandwidth", BANDWIDTH),
            Map.entry("latency", LATENCY), Map.entry("algorithm", ALGORITHM), Map.entry("policy", POLICY),
            Map.entry("downtime-limit", DOWNTIME_LIMIT), Map.entry("timeout", TIMEOUT),
            Map.entry("mid-pass-check", "false"), Map.entry("paced", "false"),
            Map.entry("catch-up", text(PacedWrites.DEFAULT_CATCH_UP)),
            Map.entry("auto-converge", "false"),
            Map.entry("throttle-initial", THROTTLE_INITIAL), Map.entry("throttle-increment", THROTTLE_INCREMENT),
            Map.entry("throttle-max", THROTTLE_MAX),
            Map.entry("throttle-trigger-threshold", THROTTLE_TRIGGER_THRESHOLD),
            Map.entry("xbzrle", "false"), Map.entry("xbzrle-cache", XBZRLE_CACHE),
            Map.entry("xbzrle-delta", XBZRLE_DELTA), Map.entry("compress", "false"),
            Map.entry("compress-throughput", COMPRESS_THROUGHPUT), Map.entry("zero-page-elision", ZERO_PAGE_ELISION),
            Map.entry("precopy-rounds", PRECOPY_ROUNDS), Map.entry("prepaging", PREPAGING),
            Map.entry("preparation-time", PREPARATION_TIME), Map.entry("resume-time", RESUME_TIME),
            Map.entry("device-state", DEVICE_STATE), Map.entry("sync-cost", SYNC_COST), Map.entry("seed", SEED));

    private SpecDefaults() { }

    /** A duration in the flags' syntax, in the largest unit that keeps it whole: 300ms, 60s, 1h. */
    public static String text(Duration d) {
        long ms = d.toMillis();
        if (d.toNanos() % 1_000_000 != 0) return d.toNanos() / 1000.0 + "us";
        if (ms % 3_600_000 == 0 && ms > 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0 && ms > 0) return ms / 1000 + "s";
        return ms + "ms";
    }
}
