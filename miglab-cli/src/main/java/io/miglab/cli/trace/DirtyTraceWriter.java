package io.miglab.cli.trace;

import io.miglab.core.write.DirtyTrace;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** Writes a {@link DirtyTrace} in the format {@link DirtyTraceReader} reads; gzip-compressed if the name ends .gz. */
public final class DirtyTraceWriter {
    private DirtyTraceWriter() { }

    public static void write(DirtyTrace trace, int pageSizeBytes, Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
             Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            write(trace, pageSizeBytes, w);
        }
    }

    public static void write(DirtyTrace trace, int pageSizeBytes, Writer w) throws IOException {
        w.write(String.format(Locale.ROOT, "# %s %s interval_ms=%s page_size=%d%n", DirtyTraceReader.MAGIC,
                DirtyTraceReader.VERSION, formatMs(trace.intervalSeconds() * 1000), pageSizeBytes));
        for (int[] ranges : trace.intervals()) {
            if (ranges.length == 0) {
                w.write("-\n");
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < ranges.length; k += 2) {
                if (k > 0) line.append(' ');
                int from = ranges[k], last = ranges[k + 1] - 1;
                line.append(from);
                if (last > from) line.append('-').append(last);
            }
            w.write(line.append('\n').toString());
        }
    }

    private static String formatMs(double ms) {
        return ms == Math.rint(ms) ? Long.toString((long) ms) : Double.toString(ms);
    }
}
