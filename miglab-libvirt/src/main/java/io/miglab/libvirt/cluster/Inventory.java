package io.miglab.libvirt.cluster;

import io.miglab.libvirt.LibvirtBackend;
import io.miglab.libvirt.nativeapi.LibvirtCalls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;

/**
 * What a set of libvirt hosts holds: each host's CPUs and memory, each running domain's memory and vCPUs, and,
 * when asked, its dirty rate measured by libvirt's dirty-rate calculation (QEMU's {@code calc-dirty-rate}).
 */
public record Inventory(List<HostEntry> hosts, List<DomainEntry> domains) {
    /** One host: the name its daemon reports, the URI it was reached by, CPUs and memory. */
    public record HostEntry(String name, String uri, int cpus, long memoryBytes) { }

    /** One running domain on {@code hostUri}. */
    public record DomainEntry(String name, String hostUri, long memoryBytes, int vcpus, boolean persistent,
                              OptionalDouble dirtyPagesPerSecond) { }

    public Inventory {
        hosts = List.copyOf(hosts);
        domains = List.copyOf(domains);
    }

    /**
     * Reads every URI; a host is named by {@code names} where given (non-null), else by the name its daemon
     * reports (made unique with -2, -3, ...). With {@code dirtyRateCalc} each domain's dirty rate is measured over
     * that time.
     */
    public static Inventory read(List<String> uris, List<String> names, Duration dirtyRateCalc) {
        List<HostEntry> hosts = new ArrayList<>();
        List<DomainEntry> domains = new ArrayList<>();
        for (int i = 0; i < uris.size(); i++) {
            String uri = uris.get(i);
            Connect c = LibvirtBackend.connect(uri, "connect");
            try {
                NodeInfo node = c.nodeInfo();
                String name = names.get(i) != null ? names.get(i) : unique(c.getHostName(), hosts);
                hosts.add(new HostEntry(name, uri, node.cpus, node.memory * 1024));
                List<Domain> running = new ArrayList<>();
                for (int id : c.listDomains()) running.add(c.domainLookupByID(id));
                if (!dirtyRateCalc.isZero()) {
                    for (Domain d : running) LibvirtCalls.startDirtyRateCalc(d, (int) dirtyRateCalc.toSeconds());
                    sleep(dirtyRateCalc.toMillis() + 500);
                }
                for (Domain d : running) {
                    DomainInfo info = d.getInfo();
                    domains.add(new DomainEntry(d.getName(), uri, info.memory * 1024, info.nrVirtCpu,
                            d.isPersistent() == 1, dirtyRateCalc.isZero() ? OptionalDouble.empty() : dirtyRate(d)));
                }
            } catch (LibvirtException e) {
                throw new IllegalStateException("libvirt at " + uri + ": " + e.getMessage(), e);
            } finally {
                try {
                    c.close();
                } catch (LibvirtException ignored) {
                    // closing anyway
                }
            }
        }
        return new Inventory(hosts, domains);
    }

    /** Pages of 4 KiB per second from libvirt's dirtyrate.megabytes_per_second (MiB/s), once measured. */
    private static OptionalDouble dirtyRate(Domain d) {
        for (int tries = 0; tries < 20; tries++) {
            Map<String, Object> s = LibvirtCalls.dirtyRateStats(d);
            Object status = s.get("dirtyrate.calc_status");
            Object mbps = s.get("dirtyrate.megabytes_per_second");
            if (status instanceof Number n && n.intValue() == 2 && mbps instanceof Number m) {
                return OptionalDouble.of(m.doubleValue() * 1024 * 1024 / 4096);
            }
            sleep(250);
        }
        return OptionalDouble.empty();
    }

    private static String unique(String name, List<HostEntry> taken) {
        String n = name;
        for (int k = 2; taken.stream().anyMatch(h -> h.name().equals(n)); k++) {
            String candidate = name + "-" + k;
            if (taken.stream().noneMatch(h -> h.name().equals(candidate))) return candidate;
        }
        return n;
    }

    public HostEntry host(String nameOrUri) {
        for (HostEntry h : hosts) if (h.name().equals(nameOrUri) || h.uri().equals(nameOrUri)) return h;
        return null;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
