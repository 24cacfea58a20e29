package io.miglab.cli.trace;

import io.miglab.cli.common.BadInputException;
import io.miglab.core.write.DirtyTrace;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a dirty-page trace (format {@code miglab-dirty-trace v1}, described in docs/cli.md): a header line
 * {@code # miglab-dirty-trace v1 interval_ms=100 page_size=4096}, then one line per interval listing the pages
 * written in it as numbers and inclusive ranges ({@code 0-15 100 2048-4095}), {@code -} for an interval with no
 * writes. Blank lines and other {@code #} lines are skipped. Gzip-compressed files are recognised by their magic
 * bytes. Each interval becomes sorted, merged [from, to) pairs. The text is read as a stream within limits (a
 * header line of 4096 characters, lines of 256 Mi characters, 2 Gi characters in all, 1,000,000 intervals,
 * 8 Mi merged ranges in all), so any file ends in a trace or an error. Every error names the file and the line.
 */
public final class DirtyTraceReader {
    public static final String MAGIC = "miglab-dirty-trace";
    public static final String VERSION = "v1";

    /** A trace and the page size its page numbers refer to. */
    public record TraceFile(DirtyTrace trace, int pageSizeBytes) { }

    /** Characters in the header line. */
    static final int MAX_HEADER_CHARS = 4096;

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
        Reader reader = new BufferedReader(new InputStreamReader(ungzip(raw), StandardCharsets.UTF_8));
        int[] number = {0};
        String first = headerLine(reader, name, number);
        if (first == null) throw new BadInputException("trace " + name + ": empty file (expected a header line '"
                + TraceHeader.EXAMPLE + "')");
        TraceHeader header = TraceHeader.parse(first, name, number[0]);
        TraceLines lines = new TraceLines(reader, name, number[0]);
        List<int[]> intervals = new ArrayList<>();
        long ranges = 0;
        int[] interval;
        while ((interval = lines.next(TraceLines.MAX_RANGES - ranges)) != null) {
            if (intervals.size() == TraceLines.MAX_INTERVALS) {
                throw lineLimit(name, lines.line(), "at most " + TraceLines.MAX_INTERVALS + " intervals", "more");
            }
            intervals.add(interval);
            ranges += interval.length / 2;
        }
        if (intervals.isEmpty()) throw new BadInputException("trace " + name + ": no intervals after the header");
        return new TraceFile(new DirtyTrace(header.intervalMs() / 1000.0, intervals), header.pageSizeBytes());
    }

    /** The first non-blank line, stripped, read without letting an endless line fill the heap; null at the end. */
    private static String headerLine(Reader in, String name, int[] number) throws IOException {
        StringBuilder b = new StringBuilder();
        int c = 0;
        while (c >= 0) {
            number[0]++;
            b.setLength(0);
            while ((c = in.read()) >= 0 && c != '\n') {
                if (b.length() == MAX_HEADER_CHARS) {
                    throw lineLimit(name, number[0], "a header line like '" + TraceHeader.EXAMPLE + "'",
                            "a line of more than " + MAX_HEADER_CHARS + " characters starting '"
                                    + TraceLines.printable(b.substring(0, 16)) + "'");
                }
                b.append((char) c);
            }
            String t = b.toString().strip();
            if (!t.isEmpty()) return t;
        }
        return null;
    }

    static BadInputException lineError(String name, int number, String allowed, String got) {
        return new BadInputException("trace " + name + " line " + number + ": " + allowed + " (got '" + got + "')");
    }

    /** Like {@link #lineError} for what is not a token of the file: {@code got} is shown as it is, unquoted. */
    static BadInputException lineLimit(String name, int number, String allowed, String got) {
        return new BadInputException("trace " + name + " line " + number + ": " + allowed + " (got " + got + ")");
    }

    private static InputStream ungzip(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int b1 = in.read(), b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in) : in;
    }
}
