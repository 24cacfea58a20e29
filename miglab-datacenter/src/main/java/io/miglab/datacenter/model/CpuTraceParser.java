package io.miglab.datacenter.model;

import io.miglab.core.error.InvalidSpecException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CPU trace CSV in one pass over its bytes: no String per row (VM names are looked up by their bytes in an
 * open-addressing table), numbers parsed in place ({@link #number}), values appended to growing primitive arrays
 * per VM. A bad row is an {@link InvalidSpecException} naming the column and the line.
 */
final class CpuTraceParser {
    private static final int BUFFER = 1 << 20;
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++, p *= 10) POW10[i] = p;
    }

    private final String source;
    private final List<String> names = new ArrayList<>();
    private final List<double[]> times = new ArrayList<>();
    private final List<double[]> shares = new ArrayList<>();
    private int[] counts = new int[16];
    private byte[][] keys = new byte[1024][];
    private int[] slots = new int[1024];
    private final List<byte[]> ordered = new ArrayList<>();
    private int last = -1;
    private byte[] buf = new byte[BUFFER];
    private int line;

    CpuTraceParser(String source) {
        this.source = source;
    }

    CpuTrace parse(InputStream in) throws IOException {
        int len = 0, pos = 0;
        boolean header = true, eof = false;
        while (true) {
            int nl = indexOf(buf, pos, len, (byte) '\n');
            if (nl < 0 && !eof) {
                len = compact(pos, len);
                pos = 0;
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) eof = true;
                else len += n;
                continue;
            }
            int end = nl < 0 ? len : nl;
            if (pos >= end && nl < 0) break;
            line++;
            int stop = end > pos && buf[end - 1] == '\r' ? end - 1 : end;
            if (header) {
                String h = new String(buf, pos, stop - pos, StandardCharsets.UTF_8);
                if (!h.trim().replace(" ", "").equals("time_s,vm,cpu_share")) {
                    throw new InvalidSpecException("cpu.trace", "a CSV whose first line is time_s,vm,cpu_share",
                            source + ": " + h);
                }
                header = false;
            } else {
                row(pos, stop);
            }
            if (nl < 0) break;
            pos = nl + 1;
        }
        if (header) {
            throw new InvalidSpecException("cpu.trace", "a CSV whose first line is time_s,vm,cpu_share",
                    source + ": null");
        }
        InvalidSpecException.require(!names.isEmpty(), "cpu.trace", "at least one row", source);
        return build();
    }

    private void row(int from, int to) {
        if (blank(from, to)) return;
        int c1 = indexOf(buf, from, to, (byte) ','), c2 = c1 < 0 ? -1 : indexOf(buf, c1 + 1, to, (byte) ',');
        if (c2 < 0 || indexOf(buf, c2 + 1, to, (byte) ',') >= 0) {
            throw new InvalidSpecException("cpu.trace", "3 columns time_s,vm,cpu_share", where(from, to));
        }
        double t = number(from, c1, "time_s", "a number of seconds", to, from);
        double share = number(c2 + 1, to, "cpu_share", "a share from 0 to 1", to, from);
        if (!(share >= 0 && share <= 1)) {
            throw new InvalidSpecException("cpu.trace.cpu_share", "a share from 0 to 1", where(from, to));
        }
        int a = trimStart(c1 + 1, c2), b = trimEnd(a, c2);
        int vm = vm(a, b);
        int n = counts[vm];
        double[] ts = times.get(vm);
        if (n > 0 && t <= ts[n - 1]) {
            throw new InvalidSpecException("cpu.trace.time_s", "increasing times per VM", where(from, to));
        }
        if (n == ts.length) {
            times.set(vm, ts = Arrays.copyOf(ts, n * 2));
            shares.set(vm, Arrays.copyOf(shares.get(vm), n * 2));
        }
        ts[n] = t;
        shares.get(vm)[n] = share;
        counts[vm] = n + 1;
    }

    /**
     * The number in bytes [from, to), trimmed. Plain decimals of up to 15 digits are mantissa / 10^k, exact because
     * both are exact doubles and one IEEE division rounds correctly, the same value as Double.parseDouble; anything
     * else (exponents, more digits) goes through Double.parseDouble.
     */
    private double number(int from, int to, String column, String allowed, int lineEnd, int lineStart) {
        int a = trimStart(from, to), b = trimEnd(a, to);
        int i = a;
        boolean negative = i < b && buf[i] == '-';
        if (negative || (i < b && buf[i] == '+')) i++;
        long mantissa = 0;
        int digits = 0, fraction = -1;
        for (; i < b; i++) {
            byte ch = buf[i];
            if (ch >= '0' && ch <= '9') {
                mantissa = mantissa * 10 + (ch - '0');
                if (mantissa != 0 || fraction >= 0) digits++;
                if (fraction >= 0) fraction++;
            } else if (ch == '.' && fraction < 0) {
                fraction = 0;
            } else {
                break;
            }
        }
        boolean plain = i == b && b > a + (negative ? 1 : 0) && digits <= 15 && fraction <= 22
                && !(fraction == 0 && i - a == 1);
        if (plain) {
            double v = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
            return negative ? -v : v;
        }
        try {
            return Double.parseDouble(new String(buf, a, b - a, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException e) {
            throw new InvalidSpecException("cpu.trace." + column, allowed, where(lineStart, lineEnd));
        }
    }

    /**
     * The index of the VM named by bytes [a, b), added on first sight. Rows usually come in the same VM order at
     * every time, so the VM after the previous row's is tried first.
     */
    private int vm(int a, int b) {
        int guess = last + 1 < names.size() ? last + 1 : 0;
        if (!names.isEmpty() && Arrays.equals(ordered.get(guess), 0, ordered.get(guess).length, buf, a, b)) {
            return last = guess;
        }
        return last = lookUp(a, b);
    }

    private int lookUp(int a, int b) {
        int h = 1;
        for (int i = a; i < b; i++) h = 31 * h + buf[i];
        int mask = keys.length - 1;
        for (int s = spread(h) & mask; ; s = (s + 1) & mask) {
            byte[] k = keys[s];
            if (k == null) {
                keys[s] = Arrays.copyOfRange(buf, a, b);
                ordered.add(keys[s]);
                slots[s] = names.size();
                names.add(new String(keys[s], StandardCharsets.UTF_8));
                times.add(new double[8]);
                shares.add(new double[8]);
                if (names.size() > counts.length) counts = Arrays.copyOf(counts, counts.length * 2);
                if (names.size() * 2 > keys.length) rehash();
                return names.size() - 1;
            }
            if (Arrays.equals(k, 0, k.length, buf, a, b)) return slots[s];
        }
    }

    private void rehash() {
        byte[][] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new byte[oldKeys.length * 2][];
        slots = new int[keys.length];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            byte[] k = oldKeys[j];
            if (k == null) continue;
            int h = 1;
            for (byte x : k) h = 31 * h + x;
            int s = spread(h) & mask;
            while (keys[s] != null) s = (s + 1) & mask;
            keys[s] = k;
            slots[s] = oldSlots[j];
        }
    }

    /** Murmur3's finaliser: names that differ in their last digit land far apart. */
    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    private CpuTrace build() {
        int n = names.size();
        double[][] t = new double[n][], s = new double[n][];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            double[] ti = Arrays.copyOf(times.get(i), counts[i]);
            // VMs listed at the same times (the usual case) share one array
            t[i] = i > 0 && Arrays.equals(ti, t[i - 1]) ? t[i - 1] : ti;
            s[i] = Arrays.copyOf(shares.get(i), counts[i]);
            index.put(names.get(i), i);
        }
        return new CpuTrace(source, names, index, t, s);
    }

    private int compact(int pos, int len) {
        int rest = len - pos;
        if (rest == buf.length) buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
        System.arraycopy(buf, pos, buf, 0, rest);
        return rest;
    }

    private String where(int from, int to) {
        return source + " line " + line + ": '" + new String(buf, from, to - from, StandardCharsets.UTF_8) + "'";
    }

    private boolean blank(int from, int to) {
        for (int i = from; i < to; i++) if (buf[i] > ' ') return false;
        return true;
    }

    private int trimStart(int a, int b) {
        while (a < b && buf[a] <= ' ') a++;
        return a;
    }

    private int trimEnd(int a, int b) {
        while (b > a && buf[b - 1] <= ' ') b--;
        return b;
    }

    private static int indexOf(byte[] b, int from, int to, byte x) {
        for (int i = from; i < to; i++) if (b[i] == x) return i;
        return -1;
    }
}
