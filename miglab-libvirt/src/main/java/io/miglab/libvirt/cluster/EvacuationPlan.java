package io.miglab.libvirt.cluster;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.datacenter.DatacenterSimulation;
import io.miglab.datacenter.ProgressListener;
import io.miglab.datacenter.report.DatacenterReport;
import io.miglab.datacenter.report.MigrationRecord;
import io.miglab.datacenter.scenario.Scenario;
import io.miglab.datacenter.scenario.ScenarioReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The evacuation of one host as the datacenter simulator plans it: the scenario of an inventory with the host
 * taken down for maintenance at time 0, run with the standard policies (maintenance evacuation, the scenario's
 * placement) under a concurrency limit; the migrations in the order they start, each with its destination and its
 * predicted time and downtime.
 *
 * @param hostUri  the evacuated host's connection URI
 * @param staying  domains the simulator found no room for (they stay on the host)
 */
public record EvacuationPlan(String host, String hostUri, int concurrency, List<Step> steps, List<String> staying,
                             double predictedTotalSeconds) {
    /** One planned migration, {@code order} from 1. */
    public record Step(int order, String domain, String destination, String destinationUri, double startSeconds,
                       double predictedTimeMs, double predictedDowntimeMs) { }

    public EvacuationPlan {
        steps = List.copyOf(steps);
        staying = List.copyOf(staying);
    }

    public static EvacuationPlan of(String scenarioYaml, String host, int concurrency) {
        InvalidSpecException.require(concurrency >= 1 && concurrency <= 64, "concurrency", "1 to 64 migrations at once",
                concurrency);
        Map<String, String[]> hosts = InventoryScenario.hostMap(scenarioYaml);
        String simHost = null;
        for (Map.Entry<String, String[]> e : hosts.entrySet()) {
            if (e.getValue()[0].equals(host) || e.getKey().equals(host)) simHost = e.getKey();
        }
        if (simHost == null) {
            throw new InvalidSpecException("host", "a host of the scenario (" + String.join(", ",
                    hosts.values().stream().map(v -> v[0]).toList()) + ")", host);
        }
        String yaml = scenarioYaml.replaceAll("maxConcurrentPerHost: \\d+, maxConcurrent: \\d+",
                "maxConcurrentPerHost: " + concurrency + ", maxConcurrent: " + concurrency)
                + "maintenance:\n  - {at: 0s, hosts: [" + simHost + "]}\n";
        Scenario scenario;
        try {
            scenario = ScenarioReader.read(new StringReader(yaml), Path.of("."));
        } catch (IOException e) {
            throw new InvalidSpecException("scenario", "a scenario written by miglab cluster inventory",
                    e.getMessage());
        }
        DatacenterReport report = DatacenterSimulation.run(scenario, ProgressListener.NONE);
        List<MigrationRecord> moves = new ArrayList<>(report.migrations());
        moves.sort(Comparator.comparingDouble(MigrationRecord::startedAtSeconds));
        List<Step> steps = new ArrayList<>();
        double end = 0;
        for (MigrationRecord m : moves) {
            if (!m.source().equals(simHost)) continue;
            String[] to = hosts.get(m.destination());
            steps.add(new Step(steps.size() + 1, domainOf(m.vm()), to[0], to[1], m.startedAtSeconds(),
                    m.result().timing().totalTimeMs(), m.result().timing().downtimeMs()));
            end = Math.max(end, m.endedAtSeconds());
        }
        List<String> staying = new ArrayList<>();
        java.util.regex.Matcher vm = java.util.regex.Pattern.compile("name: (\\S+), count: 1,.*hosts: \\["
                + java.util.regex.Pattern.quote(simHost) + "\\]").matcher(scenarioYaml);
        while (vm.find()) {
            String d = vm.group(1);
            if (steps.stream().noneMatch(s -> s.domain().equals(d))) staying.add(d);
        }
        return new EvacuationPlan(hosts.get(simHost)[0], hosts.get(simHost)[1], concurrency, steps, staying, end);
    }

    /** The simulator names the one VM of group {@code g} {@code g-0}. */
    private static String domainOf(String vm) {
        return vm.endsWith("-0") ? vm.substring(0, vm.length() - 2) : vm;
    }
}
