package io.miglab.cli.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A corpus of bad command lines for every command. Each case runs in a fresh temporary folder: {@code {dir}} in an
 * argument is that folder, and the case's files are written into it first. Every case is bad input: exit 2, one
 * line on stderr, nothing written.
 */
final class BadInputCorpus {
    /** One bad command line and the input files it needs. */
    record Case(String name, List<String> args, Map<String, String> files) {
        Case {
            args = List.copyOf(args);
            files = Map.copyOf(files);
        }

        @Override
        public String toString() {
            return name + ": " + String.join(" ", args);
        }
    }

    /** Bad values of the flags every migration command shares, each with the flags it needs to take effect. */
    static final List<List<String>> SPEC_FLAGS = List.of(
            List.of("--memory", "-5G"), List.of("--memory", "abc"), List.of("--memory", "1Gb"),
            List.of("--memory", "1GB"), List.of("--memory", "0"), List.of("--memory", "99999T"),
            List.of("--memory", ""), List.of("--memory", "1.5.5G"), List.of("--memory", "NaN"),
            List.of("--memory", "4096iB"), List.of("--memory", "1000"), List.of("--memory", "12 G B"),
            List.of("--page-size", "3000"), List.of("--page-size", "4M"), List.of("--page-size", "x"),
            List.of("--page-size", "256"),
            List.of("--zero-pages", "150%"), List.of("--zero-pages", "-0.1"), List.of("--zero-pages", "2"),
            List.of("--compressibility", "1"), List.of("--compressibility", "lots"),
            List.of("--memory-layout", "top"), List.of("--memory-layout", ""),
            List.of("--bandwidth", "0"), List.of("--bandwidth", "fast"), List.of("--bandwidth", "100Mb/s"),
            List.of("--bandwidth", "-1Gbit/s"), List.of("--bandwidth", "1e400"), List.of("--bandwidth", "0MiB/s"),
            List.of("--bandwidth", "10Gbps/s"), List.of("--bandwidth", "5iB/s"),
            List.of("--bandwidth-cap", "0"), List.of("--bandwidth-cap", "slow"),
            List.of("--latency", "-1ms"), List.of("--latency", "5"), List.of("--latency", "abc"),
            List.of("--latency", "1e30h"),
            List.of("--dirty-rate", "-1"), List.of("--dirty-rate", "x"), List.of("--dirty-rate", "5k"),
            List.of("--dirty-rate", "Infinity"), List.of("--dirty-rate", "1e999"),
            List.of("--write-model", "working-set", "--dirty-rate", "10", "--working-set", "2T"),
            List.of("--write-model", "sweep", "--dirty-rate", "10"),
            List.of("--write-model", "teleport"), List.of("--write-model", "trace:"),
            List.of("--write-model", "trace:{dir}/nope.trace"), List.of("--write-model", "none+uniform@5"),
            List.of("--write-model", "uniform@x"), List.of("--write-model", "none@5"),
            List.of("--write-model", "none", "--dirty-rate", "5"),
            List.of("--write-model", "uniform", "--dirty-rate", "10", "--working-set", "64M"),
            List.of("--cold-dirty-rate", "5", "--dirty-rate", "5"),
            List.of("--catch-up", "1s"), List.of("--paced", "--write-model", "none"),
            List.of("--algorithm", "teleport"), List.of("--algorithm", ""),
            List.of("--policy", "magic"), List.of("--policy", "xen", "--timeout", "5s"),
            List.of("--downtime-limit", "0"), List.of("--downtime-limit", "300"), List.of("--downtime-limit", "-1ms"),
            List.of("--downtime-limit", "0ms"), List.of("--timeout", "0s"), List.of("--timeout", "25"),
            List.of("--max-rounds", "5"),
            List.of("--policy", "custom", "--max-rounds", "0"), List.of("--policy", "custom", "--max-rounds", "x"),
            List.of("--policy", "custom", "--max-rounds", "100001"),
            List.of("--policy", "custom", "--min-dirty-pages", "0"),
            List.of("--policy", "custom", "--min-dirty-pages", "-1"),
            List.of("--policy", "custom", "--max-data", "0.5"), List.of("--policy", "custom", "--max-data", "y"),
            List.of("--on-limit", "explode"), List.of("--policy", "xen", "--mid-pass-check"),
            List.of("--throttle-max", "50"),
            List.of("--auto-converge", "--throttle-max", "100"), List.of("--auto-converge", "--throttle-max", "0"),
            List.of("--auto-converge", "--throttle-initial", "100"),
            List.of("--auto-converge", "--throttle-increment", "-3"),
            List.of("--auto-converge", "--throttle-trigger-threshold", "101"),
            List.of("--auto-converge", "--throttle-initial", "60", "--throttle-max", "50"),
            List.of("--xbzrle-cache", "4M"), List.of("--xbzrle", "--xbzrle-cache", "0"),
            List.of("--xbzrle", "--xbzrle-delta", "3"), List.of("--compress-throughput", "100M"),
            List.of("--compress", "--compress-throughput", "0"),
            List.of("--precopy-rounds", "3"), List.of("--algorithm", "hybrid", "--precopy-rounds", "0"),
            List.of("--switch-after", "1s"), List.of("--prepaging", "4"),
            List.of("--algorithm", "postcopy", "--prepaging", "99999999"),
            List.of("--preparation-time", "-1s"), List.of("--resume-time", "soon"),
            List.of("--device-state", "-1M"), List.of("--sync-cost", "7"),
            List.of("--seed", "x"), List.of("--seed", "1.5"), List.of("--seed", "99999999999999999999"),
            List.of("--hypervisor", "vbox"), List.of("--profiles", "{dir}/nope.yaml"),
            List.of("--json", "--csv"), List.of("--memroy", "1G"), List.of("--memory"), List.of("stray-argument"),
            List.of("--scenario", "{dir}/nope.yaml"), List.of("--scenario", "{dir}/s.txt"));

    /** Scenario files that are not scenarios (for --scenario); the file is always {dir}/s.yaml or {dir}/s.json. */
    static final Map<String, String> SCENARIOS = scenarios();

    private static Map<String, String> scenarios() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("s.yaml", "");
        m.put("s.json", "");
        m.put("s.json ", "{}");
        m.put("s.json  ", "{\"memory\":\"1G\"} xyz");
        m.put("s.json   ", "{\"memory\":\"1G\"} {\"memory\":\"2G\"}");
        m.put("s.yaml ", "memroy: 4G\n");
        m.put("s.yaml  ", "memory: [1, 2]\n");
        m.put("s.yaml   ", "memory: {a: 1}\n");
        m.put("s.yaml    ", "memory: 1G\n  bandwidth: [\n");
        m.put("s.yaml     ", "- memory\n- 1G\n");
        m.put("s.yaml      ", "dirty-rate: lots\n");
        m.put("s.yaml       ", "memory: ~\n");
        m.put("s.yaml        ", "memory: 1G\nmemory: 2G\n");
        m.put("s.yaml         ", "\u00ff\u00fe binary");
        m.put("s.json    ", "{\"memory\": 1.5e400}");
        m.put("s.yaml          ", "description: only words\n");
        m.put("s.json     ", "[1, 2, 3]");
        return m;
    }

    private BadInputCorpus() { }

    static List<Case> all() {
        List<Case> out = new ArrayList<>();
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("simulate", List.of("simulate"));
        commands.put("predict", List.of("predict"));
        commands.put("sweep", List.of("sweep", "--vary", "AXIS", "--no-plots", "--out", "{dir}/out"));
        commands.put("migrate", List.of("migrate", "--backend", "sim"));
        for (Map.Entry<String, List<String>> c : commands.entrySet()) {
            for (List<String> flags : SPEC_FLAGS) {
                List<String> args = new ArrayList<>();
                for (String a : c.getValue()) args.add(a.equals("AXIS") ? axisAvoiding(flags) : a);
                args.addAll(flags);
                out.add(new Case(c.getKey(), args, Map.of("s.txt", "memory: 1G\n")));
            }
            for (Map.Entry<String, String> s : SCENARIOS.entrySet()) {
                String file = s.getKey().trim();
                List<String> args = new ArrayList<>();
                for (String a : c.getValue()) args.add(a.equals("AXIS") ? "bandwidth=1Gbit/s,10Gbit/s" : a);
                args.addAll(List.of("--scenario", "{dir}/" + file));
                out.add(new Case(c.getKey() + " scenario", args, Map.of(file, s.getValue())));
            }
        }
        for (List<String> flags : List.of(List.of("--vary", "nonsense"), List.of("--vary", "memory="),
                List.of("--vary", "dirty-rate=0..10+0"), List.of("--vary", "dirty-rate=10..0+5"),
                List.of("--vary", "seed=1,2"), List.of("--vary", "memory=1G", "--vary", "memory=2G"),
                List.of("--vary", "memory=1G", "--vary", "bandwidth=1G", "--vary", "latency=1ms"),
                List.of("--vary", "memory=1GB,2GB"), List.of("--vary", "algorithm=precopy,teleport"),
                List.of("--vary", "memory=256M", "--plot-format", "gif"),
                List.of("--vary", "memory=256M", "--backend", "sim", "--repeat", "2"),
                List.of("--vary", "memory=256M", "--backend", "qemu", "--repeat", "21"), List.of("--out", "{dir}/out"))) {
            List<String> args = new ArrayList<>(List.of("sweep", "--no-plots"));
            if (!flags.contains("--out")) args.addAll(List.of("--out", "{dir}/out"));
            args.addAll(flags);
            out.add(new Case("sweep axis", args, Map.of()));
        }
        for (List<String> flags : List.of(List.of("--multifd-channels", "-1"), List.of("--multifd-channels", "x"),
                List.of("--multifd-channels", "256"), List.of("--backend", "xen"), List.of("--backend", "sim", "--compare"),
                List.of("--compare", "--json"), List.of("--backend", "sim", "--memory-check"),
                List.of("--backend", "qemu", "--uncalibrated"),
                List.of("--backend", "sim", "--memory", "64M"), List.of("--backend", "sim", "--write-model",
                        "uniform", "--dirty-rate", "5"))) {
            List<String> args = new ArrayList<>(List.of("migrate"));
            args.addAll(flags);
            out.add(new Case("migrate mode", args, Map.of()));
        }
        out.addAll(MoreCases.bench());
        out.addAll(MoreCases.report());
        out.addAll(MoreCases.datacenter());
        out.addAll(MoreCases.demo());
        return out;
    }

    /** A sweep axis that is not the flag under test (a flag is refused when the axis also sets it). */
    private static String axisAvoiding(List<String> flags) {
        return flags.contains("--bandwidth") ? "memory=256M,512M" : "bandwidth=1Gbit/s,10Gbit/s";
    }
}
