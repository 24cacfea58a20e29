package io.miglab.datacenter.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU trace reader as it was before the streaming one (a String split per row, a double[] per row), kept as the
 * reference the streaming reader must agree with. Returns, per VM, its times and shares.
 */
final class LineSplittingTraceReader {
    private LineSplittingTraceReader() { }

    static Map<String, double[][]> read(Reader in) throws IOException {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(in);
        r.readLine();
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank()) continue;
            String[] f = line.split(",");
            double t = Double.parseDouble(f[0].trim());
            double share = Double.parseDouble(f[2].trim());
            rows.computeIfAbsent(f[1].trim(), k -> new ArrayList<>()).add(new double[] {t, share});
        }
        Map<String, double[][]> steps = new LinkedHashMap<>();
        rows.forEach((k, v) -> {
            double[][] a = new double[2][v.size()];
            for (int i = 0; i < v.size(); i++) {
                a[0][i] = v.get(i)[0];
                a[1][i] = v.get(i)[1];
            }
            steps.put(k, a);
        });
        return steps;
    }
}
