package io.miglab.cli.trace;

import io.miglab.cli.BadInputException;
import io.miglab.core.write.DirtyTrace;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a dirty-page trace (format {@code miglab-dirty-trace v1}, described in docs/cli.md): a header line
 * {@code # miglab-dirty-trace v1 interval_ms=100 page_size=4096}, then one line per interval listing the pages
 * written in it as numbers and inclusive ranges ({@code 0-15 100 2048-4095}), {@code -} for an interval with no
 * writes. Blank lines and other {@code #} lines are skipped. Gzip-compressed files are recognised by their magic
 * bytes. Each interval becomes sorted, merged [from, to) pairs. Every error names the file and the line.
 */
public final class DirtyTraceReader {
    public static final String MAGIC = "miglab-dirty-trace";
    public static final String VERSION = "v1";

    /** A trace and the page size its page numbers refer to. */
    public record TraceFile(DirtyTrace trace, int pageSizeBytes) { }

    private DirtyTraceReader() { }

    public static TraceFile read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new BadInputException("trace: cannot read '" + file + "' (no such file)");
        } catch (IOException e) {
            throw new BadInputException("trace: cannot read '" + file + "' (" + e.getMessage() + ")", e);
        }
    }

    /** Reads from a stream; {@code name} is used in error messages. The stream may be gzip-compressed. */
    public static TraceFile read(InputStream raw, String name) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(ungzip(raw), StandardCharsets.UTF_8));
        TraceHeader header = null;
        List<int[]> intervals = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String t = line.strip();
            if (header == null) {
                if (t.isEmpty()) continue;
                header = TraceHeader.parse(t, name, number);
                continue;
            }
            if (t.isEmpty() || t.startsWith("#")) continue;
            intervals.add(parseInterval(t, name, number));
        }
        if (header == null) throw new BadInputException("trace " + name + ": empty file (expected a header line '"
                + TraceHeader.EXAMPLE + "')");
        if (intervals.isEmpty()) throw new BadInputException("trace " + name + ": no intervals after the header");
        return new TraceFile(new DirtyTrace(header.intervalMs() / 1000.0, intervals), header.pageSizeBytes());
    }

    private static int[] parseInterval(String line, String name, int number) {
        if (line.equals("-")) return new int[0];
        String[] tokens = line.split("[\\s,]+");
        long[] pairs = new long[tokens.length * 2];
        for (int i = 0; i < tokens.length; i++) {
            String tok = tokens[i];
            int dash = tok.indexOf('-', 1);
            long from = page(dash < 0 ? tok : tok.substring(0, dash), tok, name, number);
            long to = dash < 0 ? from : page(tok.substring(dash + 1), tok, name, number);
            if (to < from) throw lineError(name, number, "a range whose end is not below its start", tok);
            pairs[2 * i] = from;
            pairs[2 * i + 1] = to + 1;
        }
        return merge(pairs);
    }

    /** Sorts [from, to) pairs by start and merges those that overlap or touch. */
    static int[] merge(long[] pairs) {
        int n = pairs.length / 2;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compare(pairs[2 * a], pairs[2 * b]));
        int out = 0;
        long[] merged = new long[pairs.length];
        for (int k = 0; k < n; k++) {
            long from = pairs[2 * order[k]], to = pairs[2 * order[k] + 1];
            if (out > 0 && from <= merged[2 * out - 1]) {
                merged[2 * out - 1] = Math.max(merged[2 * out - 1], to);
            } else {
                merged[2 * out] = from;
                merged[2 * out + 1] = to;
                out++;
            }
        }
        int[] result = new int[2 * out];
        for (int i = 0; i < 2 * out; i++) result[i] = (int) merged[i];
        return result;
    }

    private static long page(String text, String token, String name, int number) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(Character::isDigit)) {
            throw lineError(name, number, "page numbers and inclusive ranges like 0-15 100 2048-4095, or - for none",
                    token);
        }
        long p = Long.parseLong(text);
        if (p >= Integer.MAX_VALUE - 1) throw lineError(name, number, "a page number below 2147483646", token);
        return p;
    }

    static BadInputException lineError(String name, int number, String allowed, String got) {
        return new BadInputException("trace " + name + " line " + number + ": " + allowed + " (got '" + got + "')");
    }

    private static InputStream ungzip(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int b1 = in.read(), b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in) : in;
    }
}
