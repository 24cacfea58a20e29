package io.miglab.cli.trace;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * The body of a dirty-page trace read as a stream of characters, one interval line at a time, without ever holding
 * a whole line: each line's page ranges go into a buffer that is sorted and merged whenever it fills, so memory
 * follows the ranges kept, not the text. Every limit is checked as the text arrives (a file like /dev/zero, or an
 * endless line, ends in an error naming the line instead of exhausting the heap).
 */
final class TraceLines {
    /** Characters in the whole (decompressed) text. */
    static final long MAX_CHARS = 2L << 30;
    /** Characters in one line. */
    static final long MAX_LINE_CHARS = 256L << 20;
    /** Characters in one token (a page number is at most 10 digits, a range two of them). */
    static final int MAX_TOKEN_CHARS = 32;
    /** Merged page ranges kept over the whole trace (8 B each). */
    static final long MAX_RANGES = 8L << 20;
    /** Interval lines in the whole trace. */
    static final int MAX_INTERVALS = 1_000_000;
    /** Buffered ranges of one line before they are merged. */
    private static final int COMPACT_AT = 1 << 20;

    private final Reader in;
    private final String name;
    private int line;
    private long chars;
    private long lineChars;
    private final StringBuilder token = new StringBuilder();
    private long[] pairs = new long[64];
    private int count;

    TraceLines(Reader in, String name, int linesRead) {
        this.in = in;
        this.name = name;
        this.line = linesRead;
    }

    int line() { return line; }

    /**
     * The next interval, as sorted merged [from, to) pairs, at most {@code maxRanges} of them; null at the end of the
     * text. Blank lines and {@code #} lines are skipped; {@code -} is an interval with no writes.
     */
    int[] next(long maxRanges) throws IOException {
        while (true) {
            line++;
            lineChars = 0;
            count = 0;
            int tokens = 0, dashes = 0;
            boolean comment = false, any = false;
            int c;
            while ((c = read()) >= 0 && c != '\n') {
                if (comment) continue;
                if (isSeparator(c)) {
                    if (token.length() > 0) {
                        if (endToken(maxRanges)) dashes++;
                        tokens++;
                    }
                    continue;
                }
                if (c == '#' && !any) {
                    comment = true;
                    continue;
                }
                any = true;
                if (token.length() == MAX_TOKEN_CHARS) throw lineError(FORMAT, token + "...");
                token.append((char) c);
            }
            if (token.length() > 0) {
                if (endToken(maxRanges)) dashes++;
                tokens++;
            }
            if (dashes > 0 && tokens == 1) return new int[0];
            if (dashes > 0) throw lineError(FORMAT, "-");
            if (tokens > 0) return merged(maxRanges);
            if (c < 0) return null;
        }
    }

    static final String FORMAT = "page numbers and inclusive ranges like 0-15 100 2048-4095, or - for none";

    /** Ends the current token; true if it was a lone {@code -}. */
    private boolean endToken(long maxRanges) {
        String tok = token.toString();
        token.setLength(0);
        if (tok.equals("-")) return true;
        int dash = tok.indexOf('-', 1);
        long from = page(dash < 0 ? tok : tok.substring(0, dash), tok);
        long to = dash < 0 ? from : page(tok.substring(dash + 1), tok);
        if (to < from) throw lineError("a range whose end is not below its start", tok);
        if (count == pairs.length) {
            if (count >= COMPACT_AT) compact(maxRanges);
            if (count > pairs.length / 2) pairs = Arrays.copyOf(pairs, pairs.length * 2);
        }
        pairs[count++] = from << 32 | (to + 1);
        return false;
    }

    private long page(String text, String tok) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw lineError(FORMAT, tok);
        }
        long p = Long.parseLong(text);
        if (p >= Integer.MAX_VALUE - 1) throw lineError("a page number below 2147483646", tok);
        return p;
    }

    /** Sorts and merges the buffer in place. */
    private void compact(long maxRanges) {
        Arrays.sort(pairs, 0, count);
        int out = 0;
        for (int i = 0; i < count; i++) {
            long from = pairs[i] >>> 32, to = pairs[i] & 0xFFFF_FFFFL;
            if (out > 0 && from <= (pairs[out - 1] & 0xFFFF_FFFFL)) {
                long prev = pairs[out - 1];
                pairs[out - 1] = (prev & ~0xFFFF_FFFFL) | Math.max(prev & 0xFFFF_FFFFL, to);
            } else {
                pairs[out++] = from << 32 | to;
            }
        }
        count = out;
        if (count > maxRanges) {
            throw DirtyTraceReader.lineLimit(name, line, "at most " + MAX_RANGES + " page ranges in the whole trace",
                    "more");
        }
    }

    private int[] merged(long maxRanges) {
        compact(maxRanges);
        int[] r = new int[2 * count];
        for (int i = 0; i < count; i++) {
            r[2 * i] = (int) (pairs[i] >>> 32);
            r[2 * i + 1] = (int) (pairs[i] & 0xFFFF_FFFFL);
        }
        return r;
    }

    private int read() throws IOException {
        int c = in.read();
        if (c < 0) return c;
        if (++chars > MAX_CHARS) {
            throw DirtyTraceReader.lineLimit(name, line, "a trace of at most " + MAX_CHARS + " characters", "more");
        }
        if (++lineChars > MAX_LINE_CHARS) {
            throw DirtyTraceReader.lineLimit(name, line, "lines of at most " + MAX_LINE_CHARS + " characters",
                    "a longer one");
        }
        return c;
    }

    private static boolean isSeparator(int c) {
        return c == ',' || Character.isWhitespace(c);
    }

    private io.miglab.cli.common.BadInputException lineError(String allowed, String got) {
        return DirtyTraceReader.lineError(name, line, allowed, printable(got));
    }

    /** The text with control characters shown as escapes (a binary file's NULs would not print). */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch < 0x20 || ch == 0x7f) b.append(String.format("\\u%04x", (int) ch));
            else b.append(ch);
        }
        return b.toString();
    }
}
