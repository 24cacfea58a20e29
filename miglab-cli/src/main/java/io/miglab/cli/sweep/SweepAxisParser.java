package io.miglab.cli.sweep;

import io.miglab.cli.common.BadInputException;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.error.InvalidSpecException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses {@code --vary NAME=VALUES}: a list ({@code bandwidth=10M,50M,100M}), an arithmetic range
 * ({@code dirty-rate=0..50000+5000}, end included) or a geometric one ({@code memory=256M..4G*2}). Values use the
 * parameter's own syntax (sizes, rates, durations, pages/s); {@code algorithm} takes a list of registered names.
 */
public final class SweepAxisParser {
    public static final int MAX_POINTS = 1000;
    private static final Pattern RANGE = Pattern.compile("^(.+?)\\.\\.(.+?)([*+])(.+)$");

    private SweepAxisParser() { }

    public static SweepAxis parse(String vary, AlgorithmRegistry registry) {
        int eq = vary.indexOf('=');
        SweepParameter p = eq < 0 ? null : SweepParameter.byKey(vary.substring(0, eq));
        if (p == null) {
            throw new BadInputException("vary: NAME=VALUES with NAME one of " + names() + " (got '" + vary + "')");
        }
        String values = vary.substring(eq + 1).trim();
        if (values.isEmpty()) throw new BadInputException("vary: values after '" + p.key + "=' (got nothing)");
        if (p == SweepParameter.ALGORITHM) return algorithms(values, registry);
        if (values.contains("..")) return range(p, values);
        List<SweepAxis.Value> list = new ArrayList<>();
        for (String item : values.split(",")) {
            String t = item.trim();
            double base = p.base(t);
            list.add(new SweepAxis.Value(t, p.display(base), t));
        }
        return new SweepAxis(p, list);
    }

    private static SweepAxis algorithms(String values, AlgorithmRegistry registry) {
        List<SweepAxis.Value> list = new ArrayList<>();
        for (String item : values.split(",")) {
            String name = item.trim();
            if (!registry.contains(name)) {
                throw new InvalidSpecException("algorithm", "one of " + String.join(", ", registry.names()),
                        "'" + name + "'");
            }
            list.add(new SweepAxis.Value(name, list.size(), name));
        }
        return new SweepAxis(SweepParameter.ALGORITHM, list);
    }

    private static SweepAxis range(SweepParameter p, String values) {
        Matcher m = RANGE.matcher(values);
        if (!m.matches()) {
            throw new BadInputException("vary: " + p.key + " range as FROM..TO+STEP or FROM..TO*FACTOR (got '"
                    + values + "')");
        }
        double from = p.base(m.group(1).trim()), to = p.base(m.group(2).trim());
        boolean geometric = m.group(3).equals("*");
        double step = geometric ? factor(p, m.group(4).trim()) : p.base(m.group(4).trim());
        if (to < from) throw new BadInputException("vary: " + p.key + " range whose end is not below its start (got '"
                + values + "')");
        if (geometric && from <= 0) {
            throw new BadInputException("vary: " + p.key + " geometric range starting above 0 (got '" + values + "')");
        }
        if (!geometric && !(step > 0)) {
            throw new BadInputException("vary: " + p.key + " range with a step > 0 (got '" + values + "')");
        }
        List<SweepAxis.Value> list = new ArrayList<>();
        double tolerance = 1e-9 * Math.max(Math.abs(to), 1);
        for (int i = 0; ; i++) {
            double v = geometric ? from * Math.pow(step, i) : from + i * step;
            if (v > to + tolerance) break;
            if (list.size() == MAX_POINTS) {
                throw new BadInputException("vary: " + p.key + " range of at most " + MAX_POINTS + " points (got '"
                        + values + "')");
            }
            list.add(new SweepAxis.Value(p.text(v), p.display(v), p.label(v)));
        }
        return new SweepAxis(p, list);
    }

    private static double factor(SweepParameter p, String text) {
        try {
            double f = Double.parseDouble(text);
            if (f > 1 && Double.isFinite(f)) return f;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadInputException("vary: " + p.key + " range factor, a number > 1 after '*' (got '" + text + "')");
    }

    private static String names() {
        return Arrays.stream(SweepParameter.values()).map(p -> p.key).collect(Collectors.joining(", "));
    }
}
