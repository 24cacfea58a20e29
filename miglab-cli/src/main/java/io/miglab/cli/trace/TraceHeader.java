package io.miglab.cli.trace;

import io.miglab.core.write.DirtyTrace;
import java.util.Locale;

/** The first line of a dirty-page trace: {@code # miglab-dirty-trace v1 interval_ms=100 page_size=4096}. */
record TraceHeader(double intervalMs, int pageSizeBytes) {
    static final String EXAMPLE = "# miglab-dirty-trace v1 interval_ms=100 page_size=4096";

    static TraceHeader parse(String line, String name, int number) {
        String[] words = line.split("\\s+");
        if (words.length < 3 || !words[0].equals("#") || !words[1].equals(DirtyTraceReader.MAGIC)) {
            throw DirtyTraceReader.lineError(name, number, "a header line like '" + EXAMPLE + "'", line);
        }
        if (!words[2].equals(DirtyTraceReader.VERSION)) {
            throw DirtyTraceReader.lineError(name, number, "format version " + DirtyTraceReader.VERSION, words[2]);
        }
        Double interval = null;
        int pageSize = 4096;
        for (int i = 3; i < words.length; i++) {
            String[] kv = words[i].split("=", 2);
            String key = kv[0].toLowerCase(Locale.ROOT);
            String value = kv.length == 2 ? kv[1] : "";
            switch (key) {
                case "interval_ms" -> {
                    interval = number(value);
                    if (interval == null || !(interval >= DirtyTrace.MIN_INTERVAL_MS
                            && interval <= DirtyTrace.MAX_INTERVAL_MS)) {
                        throw DirtyTraceReader.lineError(name, number, "interval_ms: milliseconds from 0.001 to "
                                + (long) DirtyTrace.MAX_INTERVAL_MS, words[i]);
                    }
                }
                case "page_size" -> {
                    Double p = number(value);
                    if (p == null || p != Math.rint(p) || p < 512 || p > 2 * 1024 * 1024
                            || Integer.bitCount(p.intValue()) != 1) {
                        throw DirtyTraceReader.lineError(name, number,
                                "page_size: a power of two from 512 to 2097152 bytes", words[i]);
                    }
                    pageSize = p.intValue();
                }
                default -> throw DirtyTraceReader.lineError(name, number,
                        "header fields interval_ms=<ms> and page_size=<bytes>", words[i]);
            }
        }
        if (interval == null) {
            throw DirtyTraceReader.lineError(name, number, "a header with interval_ms=<ms>, like '" + EXAMPLE + "'",
                    line);
        }
        return new TraceHeader(interval, pageSize);
    }

    private static Double number(String text) {
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
