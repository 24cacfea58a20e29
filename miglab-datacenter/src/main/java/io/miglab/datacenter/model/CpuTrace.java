package io.miglab.datacenter.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A CPU trace: per VM, the share of its vCPUs it used from each listed time on (a step function). Read from CSV
 * with the header {@code time_s,vm,cpu_share}; rows of one VM in increasing time; before its first row a VM
 * uses its first value. Stored as two primitive arrays per VM (times and shares; VMs listed at the same times share
 * one times array), read by {@link CpuTraceParser} in one streaming pass over the bytes.
 */
public final class CpuTrace {
    private final String source;
    private final List<String> names;
    private final Map<String, Integer> index;
    private final double[][] times;
    private final double[][] shares;

    CpuTrace(String source, List<String> names, Map<String, Integer> index, double[][] times, double[][] shares) {
        this.source = source;
        this.names = List.copyOf(names);
        this.index = Map.copyOf(index);
        this.times = times;
        this.shares = shares;
    }

    public String source() { return source; }

    /** The VMs in the order of their first row. */
    public List<String> vmNames() { return names; }

    /** Rows read, over all VMs. */
    public long rows() {
        long n = 0;
        for (double[] s : shares) n += s.length;
        return n;
    }

    /** Reads a whole trace from {@code in} (not closed); {@code source} names it in error messages. */
    public static CpuTrace read(String source, InputStream in) throws IOException {
        return new CpuTraceParser(source).parse(in);
    }

    /** The step function of {@code vm}. */
    public CpuSeries series(String vm) {
        Integer i = index.get(vm);
        if (i == null) throw new IllegalArgumentException("no VM " + vm + " in trace " + source);
        return series(i);
    }

    /** The step function of the trace's VM number {@code vm} (in {@link #vmNames()} order). */
    public CpuSeries series(int vm) {
        double[] t = times[vm], s = shares[vm];
        return at -> {
            int i = Arrays.binarySearch(t, at);
            if (i < 0) i = -i - 2;
            return s[Math.max(0, i)];
        };
    }
}
