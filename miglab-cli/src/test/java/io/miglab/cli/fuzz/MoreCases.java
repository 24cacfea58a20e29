package io.miglab.cli.fuzz;

import io.miglab.cli.fuzz.BadInputCorpus.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The corpus's cases for bench, report, datacenter and demo. */
final class MoreCases {
    private static final String SCENARIO = String.join("\n",
            "name: fz",
            "duration: 1h",
            "schedulingInterval: 300s",
            "policy: {name: consolidation, overThreshold: 0.8, underThreshold: 0.2}",
            "network: {rackUplink: 40Gbit/s, core: 100Gbit/s, latency: 0.2ms}",
            "racks: [{count: 1, hostsPerRack: 2, host: {cores: 8, memory: 32G, nic: 10Gbit/s}}]",
            "vms: [{name: a, count: 2, vcpus: 1, memory: [2G], writes: {model: uniform, pagesPerSecond: 100}}]",
            "");

    private MoreCases() { }

    static List<Case> bench() {
        List<List<String>> bad = List.of(
                List.of("--points", "0"), List.of("--points", "x"), List.of("--points", "100000"),
                List.of("--points", "-1"), List.of("--workloads", "nope"), List.of("--workloads", ""),
                List.of("--workloads", "idle,idle,mem-huge"), List.of("--host-load", "medium"),
                List.of("--host-load", "light,light"), List.of("--host-load", ""),
                List.of("--run-length", "25h"), List.of("--run-length", "0s"), List.of("--run-length", "5"),
                List.of("--run-length", "500ms"), List.of("--baseline-window", "0s"),
                List.of("--baseline-window", "forever"), List.of("--reference", "no-such-set"),
                List.of("--reference", "{dir}/bad.json"), List.of("--reference", "{dir}/list.json"),
                List.of("--reference", "{dir}/missing.json"), List.of("--seed", "x"), List.of("--backend", "xen"),
                List.of("--backend", ""), List.of("--name", ""), List.of("--hypervisor", "vbox"),
                List.of("--memory", "1GB"), List.of("--bandwidth", "100Mb/s"), List.of("--bogus"),
                List.of("--db", "jdbc:foo://x"), List.of("--db", "{dir}/folder"), List.of("--db", "{dir}/text.db"),
                List.of("--db", "{dir}/no/such/dir/r.db"), List.of("--out", "{dir}/taken"),
                List.of("--out", "{dir}/taken/sub"));
        List<Case> out = new ArrayList<>();
        for (List<String> flags : bad) {
            List<String> args = new ArrayList<>(List.of("bench", "--backend", "sim", "--no-progress"));
            if (!flags.contains("--db")) args.addAll(List.of("--db", "{dir}/r.db"));
            if (!flags.contains("--out")) args.addAll(List.of("--out", "{dir}/o"));
            args.addAll(flags);
            out.add(new Case("bench", args, Map.of("bad.json", "{\"nonsense\": true}", "list.json", "[1, 2]",
                    "text.db", "not a database", "taken", "x", "folder/.keep", "")));
        }
        return out;
    }

    static List<Case> report() {
        List<List<String>> bad = List.of(
                List.of("--db", "{dir}/missing.db"), List.of("--db", "{dir}/missing.db", "--list"),
                List.of("--db", "{dir}/text.db"), List.of("--db", "{dir}/text.db", "--list"),
                List.of("--db", "{dir}/folder"), List.of("--db", "jdbc:foo://x", "--list"),
                List.of("--db", "{dir}/missing.db", "--run", "1"), List.of("--db", "{dir}/text.db", "--run", "x"),
                List.of("--db", "{dir}/missing.db", "--run", "0"), List.of("--db", "{dir}/missing.db",
                        "--out", "{dir}/taken"), List.of("--db", "{dir}/missing.db", "--compare", "x"),
                List.of("--bogus"), List.of("--db", "{dir}/text.db", "--out", "{dir}/taken"));
        List<Case> out = new ArrayList<>();
        for (List<String> flags : bad) {
            List<String> args = new ArrayList<>(List.of("report"));
            args.addAll(flags);
            out.add(new Case("report", args, Map.of("text.db", "not a database", "taken", "x",
                    "folder/.keep", "")));
        }
        return out;
    }

    static List<Case> datacenter() {
        List<String[]> edits = List.of(
                new String[] {"duration: 1h", "duration: 90"}, new String[] {"duration: 1h", "duration: 5x"},
                new String[] {"duration: 1h", "duration: -1h"}, new String[] {"duration: 1h", "duration: 0s"},
                new String[] {"duration: 1h", "duration: [1h]"},
                new String[] {"schedulingInterval: 300s", "schedulingInterval: 2h"},
                new String[] {"schedulingInterval: 300s", "schedulingInterval: 0"},
                new String[] {"name: fz", "name: fz\nseed: abc"}, new String[] {"name: fz", "name: fz\nseed: 1.5"},
                new String[] {"name: fz", "name: fz\nnmae: y"}, new String[] {"name: fz", "name: ''"},
                new String[] {"name: fz", "name: fz\nprofile: vbox"},
                new String[] {"name: fz", "name: fz\ninitialPlacement: random-ish"},
                new String[] {"consolidation", "teleportation"},
                new String[] {"overThreshold: 0.8", "overThreshold: 1.5"},
                new String[] {"underThreshold: 0.2", "underThreshold: 0.9"},
                new String[] {"underThreshold: 0.2", "underThreshold: lots"},
                new String[] {"rackUplink: 40Gbit/s", "rackUplink: fast"},
                new String[] {"rackUplink: 40Gbit/s", "rackUplink: 40Gb/s"},
                new String[] {"latency: 0.2ms", "latency: 2"}, new String[] {"latency: 0.2ms", "latency: -1ms"},
                new String[] {"count: 1, hostsPerRack", "count: 0, hostsPerRack"},
                new String[] {"hostsPerRack: 2", "hostsPerRack: -2"}, new String[] {"cores: 8", "cores: 0"},
                new String[] {"cores: 8", "cores: eight"}, new String[] {"memory: 32G", "memory: 32Gb"},
                new String[] {"memory: 32G", "memory: -32G"}, new String[] {"nic: 10Gbit/s", "nic: 0"},
                new String[] {"nic: 10Gbit/s", "nicc: 10Gbit/s"}, new String[] {"count: 2, vcpus", "count: -2, vcpus"},
                new String[] {"vcpus: 1", "vcpus: 0"}, new String[] {"memory: [2G]", "memory: []"},
                new String[] {"memory: [2G]", "memory: [64G]"}, new String[] {"memory: [2G]", "memory: [2GB]"},
                new String[] {"model: uniform", "model: teleport"},
                new String[] {"pagesPerSecond: 100", "pagesPerSecond: -5"},
                new String[] {"pagesPerSecond: 100", "pagesPerSecond: many"},
                new String[] {"racks: [", "racks: []\nx: ["},
                new String[] {"name: fz", "- name: fz"}, new String[] {"vms: [", "vms: {"});
        List<Case> out = new ArrayList<>();
        for (String[] e : edits) {
            String text = SCENARIO.replace(e[0], e[1]);
            if (text.equals(SCENARIO)) throw new IllegalStateException("no such text in the scenario: " + e[0]);
            out.add(new Case("datacenter", List.of("datacenter", "--scenario", "{dir}/dc.yaml", "--no-progress",
                    "--out", "{dir}/out"), Map.of("dc.yaml", text)));
        }
        Map<String, String> valid = Map.of("dc.yaml", SCENARIO, "taken", "x");
        for (List<String> flags : List.of(List.of("--out", "{dir}/taken"), List.of("--out", "{dir}/taken/sub"),
                List.of("--seed", "x"), List.of("--bogus"))) {
            List<String> args = new ArrayList<>(List.of("datacenter", "--scenario", "{dir}/dc.yaml",
                    "--no-progress"));
            if (!flags.contains("--out")) args.addAll(List.of("--out", "{dir}/out"));
            args.addAll(flags);
            out.add(new Case("datacenter", args, valid));
        }
        for (String content : List.of("", "\u00ff\u00fe", "[1, 2]", "just text")) {
            out.add(new Case("datacenter file", List.of("datacenter", "--scenario", "{dir}/dc.yaml", "--no-progress",
                    "--out", "{dir}/out"), Map.of("dc.yaml", content)));
        }
        out.add(new Case("datacenter missing", List.of("datacenter", "--scenario", "{dir}/none.yaml",
                "--no-progress", "--out", "{dir}/out"), Map.of()));
        out.add(new Case("datacenter folder", List.of("datacenter", "--scenario", "{dir}/folder", "--no-progress",
                "--out", "{dir}/out"), Map.of("folder/.keep", "")));
        return out;
    }

    static List<Case> demo() {
        Map<String, String> files = Map.of("taken", "x");
        return List.of(
                new Case("demo", List.of("demo", "--out", "{dir}/taken"), files),
                new Case("demo", List.of("demo", "--out", "{dir}/taken/sub"), files),
                new Case("demo", List.of("demo", "--bogus"), files),
                new Case("demo", List.of("demo", "extra"), files),
                new Case("demo", List.of("demo", "--out"), files));
    }
}
