package io.miglab.bench.report;

import io.miglab.report.format.Num;
import io.miglab.report.format.Quantity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stored configuration (JSON parsed to maps) as label / value rows a person reads: "bandwidth 119.2 MiB/s",
 * "downtime limit ..." instead of {@code bandwidthBytesPerSecond 1.25E8}. Known keys have labels; any other key
 * is put into words, with its unit taken from its name (...Ms, ...Bytes, ...BytesPerSecond, ...Share).
 */
final class ConfigRows {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("backend", "backend"), Map.entry("workloads", "workloads"),
            Map.entry("hostLoads", "host loads"), Map.entry("points", "migration points per workload"),
            Map.entry("runLengthMs", "workload run length"), Map.entry("baselineWindowMs", "baseline window"),
            Map.entry("reference", "reference"), Map.entry("seed", "seed"),
            Map.entry("memoryBytes", "guest memory"), Map.entry("pageSizeBytes", "page size"),
            Map.entry("idleZeroPageShare", "zero pages when idle"), Map.entry("algorithm", "algorithm"),
            Map.entry("policy", "termination policy"), Map.entry("policyConditions", "policy clauses"),
            Map.entry("onLimit", "at a limit"), Map.entry("bandwidthBytesPerSecond", "bandwidth"),
            Map.entry("bandwidthCapBytesPerSecond", "bandwidth cap"), Map.entry("roundTripMs", "round-trip latency"),
            Map.entry("autoConverge", "auto-converge"), Map.entry("optimisations", "optimisations"),
            Map.entry("postCopy", "post-copy"), Map.entry("overheads", "overheads"));

    private ConfigRows() { }

    /** The order a person reads a configuration in; keys not listed follow in the stored order. */
    private static final List<String> ORDER = List.of("backend", "reference", "workloads", "hostLoads", "points",
            "runLengthMs", "baselineWindowMs", "seed", "algorithm", "memoryBytes", "pageSizeBytes",
            "idleZeroPageShare", "bandwidthBytesPerSecond", "bandwidthCapBytesPerSecond", "roundTripMs", "policy",
            "policyConditions", "onLimit", "autoConverge", "optimisations", "postCopy", "overheads");

    /** The rows of {@code config}, skipping the keys in {@code skip}. */
    static List<String[]> of(Map<String, Object> config, List<String> skip) {
        List<String> keys = new ArrayList<>(config.keySet());
        keys.removeAll(skip);
        keys.sort(Comparator.comparingInt(k -> ORDER.contains(k) ? ORDER.indexOf(k) : ORDER.size()));
        List<String[]> rows = new ArrayList<>();
        for (String k : keys) rows.add(new String[] {label(k), value(k, config.get(k))});
        return rows;
    }

    static String label(String key) {
        String known = LABELS.get(key);
        if (known != null) return known;
        return RecordText.words(key.replaceAll("(BytesPerSecond|Bytes|Ms|Share)$", ""));
    }

    static String value(String key, Object v) {
        if (v == null) return "none";
        if (v instanceof List<?> l) {
            return l.isEmpty() ? "none" : String.join(", ", l.stream().map(x -> value("", x)).toList());
        }
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(label("" + k) + " " + value("" + k, x)));
            return String.join(", ", parts);
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (key.endsWith("BytesPerSecond")) return Quantity.rate(d);
            if (key.endsWith("Bytes")) return Quantity.bytes(d);
            if (key.endsWith("Ms")) return Quantity.millis(d);
            if (key.endsWith("Share")) return Quantity.share(d);
            return Num.sig(d, 6);
        }
        if (v instanceof Boolean b) return b ? "yes" : "no";
        String s = v.toString();
        if (s.equals(s.toUpperCase(Locale.ROOT)) && s.matches("[A-Z_]+")) {
            return s.toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        return RecordText.readable(s);
    }
}
