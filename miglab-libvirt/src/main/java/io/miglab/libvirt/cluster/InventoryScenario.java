package io.miglab.libvirt.cluster;

import io.miglab.core.unit.DataRate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@link Inventory} as a datacenter scenario (docs/datacenter.md's format): each host its own rack of one host
 * (the simulator names it {@code r<i>-h0}), each domain a VM group of one pinned to its host, writing uniformly at
 * its measured dirty rate (none when not measured). The real names and URIs ride along as comment lines
 * {@code # libvirt-host r0-h0 NAME URI} and {@code # libvirt-domain NAME PERSISTENT}, which {@link #hostMap} reads
 * back, so the scenario file is the one input of {@code cluster evacuate}.
 */
public final class InventoryScenario {
    private static final Pattern HOST_LINE = Pattern.compile("^# libvirt-host (\\S+) (\\S+) (\\S+)$",
            Pattern.MULTILINE);

    private InventoryScenario() {
    }

    /** The scenario's YAML; {@code nic} is each host's migration bandwidth. */
    public static String yaml(Inventory inv, DataRate nic, double zeroPageShare) {
        StringBuilder y = new StringBuilder();
        y.append("# A libvirt cluster read by miglab cluster inventory; evacuate a host with\n")
                .append("# miglab cluster evacuate HOST --cluster THIS_FILE --plan (or --execute).\n");
        for (int i = 0; i < inv.hosts().size(); i++) {
            Inventory.HostEntry h = inv.hosts().get(i);
            y.append("# libvirt-host r").append(i).append("-h0 ").append(h.name()).append(' ').append(h.uri())
                    .append('\n');
        }
        for (Inventory.DomainEntry d : inv.domains()) {
            y.append("# libvirt-domain ").append(d.name()).append(' ').append(d.persistent()).append('\n');
        }
        y.append("name: libvirt-inventory\nseed: 1\nduration: 2h\nschedulingInterval: 10s\nprofile: kvm\n")
                .append("policy: {name: none, placement: least-loaded, maxConcurrentPerHost: 1, maxConcurrent: 1}\n")
                .append("network: {rackUplink: ").append(rate(nic)).append(", core: ").append(rate(nic))
                .append(", latency: 0ms}\nracks:\n");
        for (Inventory.HostEntry h : inv.hosts()) {
            y.append(String.format(Locale.ROOT, "  - {count: 1, hostsPerRack: 1, host: {cores: %d, memory: %dM, "
                    + "nic: %s, idleWatts: 100, peakWatts: 250}}%n", h.cpus(), h.memoryBytes() >> 20, rate(nic)));
        }
        y.append("vms:\n");
        for (Inventory.DomainEntry d : inv.domains()) {
            int host = indexOf(inv, d.hostUri());
            String writes = d.dirtyPagesPerSecond().isPresent() && d.dirtyPagesPerSecond().getAsDouble() > 0
                    ? String.format(Locale.ROOT, "{model: uniform, pagesPerSecond: %.0f}",
                    d.dirtyPagesPerSecond().getAsDouble()) : "{model: none}";
            y.append(String.format(Locale.ROOT, "  - {name: %s, count: 1, vcpus: %d, memory: [%dM], "
                            + "zeroPageShare: %.2f, writes: %s, cpu: {pattern: constant, share: 0.1}, hosts: [r%d-h0]}%n",
                    d.name(), d.vcpus(), d.memoryBytes() >> 20, zeroPageShare, writes, host));
        }
        return y.toString();
    }

    /** The simulator's host name ({@code r0-h0}) to the real host's name and URI, from the comment lines. */
    public static Map<String, String[]> hostMap(String yaml) {
        Map<String, String[]> out = new LinkedHashMap<>();
        Matcher m = HOST_LINE.matcher(yaml);
        while (m.find()) out.put(m.group(1), new String[] {m.group(2), m.group(3)});
        return out;
    }

    /** Persistent domains by name, from the comment lines. */
    public static List<String> persistentDomains(String yaml) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("^# libvirt-domain (\\S+) true$", Pattern.MULTILINE).matcher(yaml);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static int indexOf(Inventory inv, String uri) {
        for (int i = 0; i < inv.hosts().size(); i++) if (inv.hosts().get(i).uri().equals(uri)) return i;
        throw new IllegalStateException("domain on an unknown host " + uri);
    }

    private static String rate(DataRate r) {
        return String.format(Locale.ROOT, "%.0fMiB/s", r.bytesPerSecond() / (1024 * 1024));
    }
}
