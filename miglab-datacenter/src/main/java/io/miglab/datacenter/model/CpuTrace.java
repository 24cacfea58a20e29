package io.miglab.datacenter.model;

import io.miglab.core.error.InvalidSpecException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CPU trace: per VM, the share of its vCPUs it used from each listed time on (a step function). Read from CSV
 * with the header {@code time_s,vm,cpu_share}; rows of one VM in increasing time; before its first row a VM
 * uses its first value.
 */
public final class CpuTrace {
    private final String source;
    private final Map<String, double[][]> steps;

    private CpuTrace(String source, Map<String, double[][]> steps) {
        this.source = source;
        this.steps = steps;
    }

    public String source() { return source; }

    public List<String> vmNames() { return List.copyOf(steps.keySet()); }

    public static CpuTrace read(String source, Reader in) throws IOException {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(in);
        String header = r.readLine();
        if (header == null || !header.trim().replace(" ", "").equals("time_s,vm,cpu_share")) {
            throw new InvalidSpecException("cpu.trace", "a CSV whose first line is time_s,vm,cpu_share",
                    source + ": " + header);
        }
        String line;
        int n = 1;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank()) continue;
            String[] f = line.split(",");
            String where = source + " line " + n;
            if (f.length != 3) throw new InvalidSpecException("cpu.trace", "3 columns time_s,vm,cpu_share", where);
            double t, share;
            try {
                t = Double.parseDouble(f[0].trim());
                share = Double.parseDouble(f[2].trim());
            } catch (NumberFormatException e) {
                throw new InvalidSpecException("cpu.trace", "numbers in time_s and cpu_share", where);
            }
            InvalidSpecException.require(share >= 0 && share <= 1, "cpu.trace.cpu_share", "a share from 0 to 1",
                    where + ": " + share);
            List<double[]> vm = rows.computeIfAbsent(f[1].trim(), k -> new ArrayList<>());
            if (!vm.isEmpty() && t <= vm.get(vm.size() - 1)[0]) {
                throw new InvalidSpecException("cpu.trace.time_s", "increasing times per VM", where + ": " + t);
            }
            vm.add(new double[] {t, share});
        }
        InvalidSpecException.require(!rows.isEmpty(), "cpu.trace", "at least one row", source);
        Map<String, double[][]> steps = new LinkedHashMap<>();
        rows.forEach((k, v) -> {
            double[][] a = new double[2][v.size()];
            for (int i = 0; i < v.size(); i++) {
                a[0][i] = v.get(i)[0];
                a[1][i] = v.get(i)[1];
            }
            steps.put(k, a);
        });
        return new CpuTrace(source, steps);
    }

    /** The step function of {@code vm}. */
    public CpuSeries series(String vm) {
        double[][] s = steps.get(vm);
        if (s == null) throw new IllegalArgumentException("no VM " + vm + " in trace " + source);
        return t -> {
            int i = Arrays.binarySearch(s[0], t);
            if (i < 0) i = -i - 2;
            return s[1][Math.max(0, i)];
        };
    }
}
