package io.miglab.qemu.net;

import io.miglab.core.unit.DataRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two test hosts on this machine: network namespaces {@code miglab-<pid>-<n>-a} and {@code -b}, joined by a veth
 * pair ({@value #ADDRESS_A} and {@value #ADDRESS_B}), with a {@link TbfShape token bucket} on A's side, so that
 * everything A sends to B (a migration stream) shares one rate-limited link. Random packet loss is an nftables
 * table in B ({@code numgen random}, per packet that reaches B's input; TCP retransmits it).
 *
 * <p>Closing removes the namespaces, which takes the veth pair, the qdisc and the nftables table with them. A
 * shutdown hook closes every link still open (normal exit, Ctrl-C, SIGTERM); a {@link NamespaceWatchdog} removes
 * them when the JVM dies without its hooks (SIGKILL); and {@link #create} first removes the namespaces of owners
 * that no longer run (whatever a watchdog could not), as the libvirt local hosts sweep theirs.
 * Every command is an argument list, never a shell string.
 */
public final class NetnsLink implements AutoCloseable {
    public static final String PREFIX = "miglab-";
    public static final String ADDRESS_A = "10.213.0.1";
    public static final String ADDRESS_B = "10.213.0.2";
    static final String DEVICE_A = "mlveth-a";
    static final String DEVICE_B = "mlveth-b";
    private static final String LOSS_TABLE = "miglab_loss";
    private static final Pattern OWNED = Pattern.compile("^" + PREFIX + "(\\d+)-(\\d+)-[ab]$");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Set<NetnsLink> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(OPEN).forEach(NetnsLink::close),
                "miglab-netns-cleanup"));
    }

    private final String namespaceA;
    private final String namespaceB;
    private final List<NamespaceRelay> relays = new ArrayList<>();
    private volatile TbfShape shape;
    private volatile boolean closed;

    private NetnsLink(String a, String b, TbfShape shape) {
        this.namespaceA = a;
        this.namespaceB = b;
        this.shape = shape;
    }

    /** Makes both namespaces, the veth pair with its addresses, and the rate limit. Fails whole or not at all. */
    public static NetnsLink create(DataRate rate) {
        sweepLeftovers();
        String base = PREFIX + ProcessHandle.current().pid() + "-" + SEQUENCE.getAndIncrement();
        NetnsLink link = new NetnsLink(base + "-a", base + "-b", TbfShape.forRate(rate));
        OPEN.add(link);
        try {
            link.build();
            return link;
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    private void build() {
        NamespaceWatchdog.guard(namespaceA);
        NamespaceWatchdog.guard(namespaceB);
        HostCommand.run(List.of("ip", "netns", "add", namespaceA));
        HostCommand.run(List.of("ip", "netns", "add", namespaceB));
        HostCommand.run(List.of("ip", "link", "add", DEVICE_A, "netns", namespaceA, "type", "veth", "peer", "name",
                DEVICE_B, "netns", namespaceB));
        configure(namespaceA, DEVICE_A, ADDRESS_A);
        configure(namespaceB, DEVICE_B, ADDRESS_B);
        List<String> tc = new ArrayList<>(List.of("tc", "-n", namespaceA, "qdisc", "add", "dev", DEVICE_A, "root",
                "tbf"));
        tc.addAll(shape.tcWords());
        HostCommand.run(tc);
    }

    private static void configure(String ns, String device, String address) {
        HostCommand.run(List.of("ip", "-n", ns, "addr", "add", address + "/30", "dev", device));
        HostCommand.run(List.of("ip", "-n", ns, "link", "set", device, "up"));
        HostCommand.run(List.of("ip", "-n", ns, "link", "set", "lo", "up"));
    }

    public String namespaceA() {
        return namespaceA;
    }

    public String namespaceB() {
        return namespaceB;
    }

    public TbfShape shape() {
        return shape;
    }

    /** Changes the link's rate in place ({@code tc qdisc change}); flows keep their connections. */
    public void changeRate(DataRate rate) {
        TbfShape next = TbfShape.forRate(rate);
        List<String> tc = new ArrayList<>(List.of("tc", "-n", namespaceA, "qdisc", "change", "dev", DEVICE_A,
                "root", "tbf"));
        tc.addAll(next.tcWords());
        HostCommand.run(tc);
        shape = next;
    }

    /**
     * Drops this many per mille of the TCP packets arriving in B, at random (nftables {@code numgen random mod
     * 1000 < N drop} in a table of B's own); 0 removes the table.
     */
    public void dropPerMille(int perMille) {
        if (perMille < 0 || perMille > 1000) {
            throw new IllegalArgumentException("loss: 0 to 1000 per mille, got " + perMille);
        }
        HostCommand.attempt(HostCommand.inNamespace(namespaceB,
                List.of("nft", "delete", "table", "inet", LOSS_TABLE)));
        if (perMille == 0) return;
        HostCommand.runIn(namespaceB, List.of("nft", "add", "table", "inet", LOSS_TABLE));
        HostCommand.runIn(namespaceB, List.of("nft", "add", "chain", "inet", LOSS_TABLE, "input", "{", "type",
                "filter", "hook", "input", "priority", "0", ";", "policy", "accept", ";", "}"));
        HostCommand.runIn(namespaceB, List.of("nft", "add", "rule", "inet", LOSS_TABLE, "input", "meta", "l4proto",
                "tcp", "numgen", "random", "mod", "1000", "<", Integer.toString(perMille), "counter", "drop"));
    }

    /** Bytes A's veth end has sent (its {@code tx_bytes}: migration streams with their TCP/IP headers). */
    public long bytesSentByA() {
        return Long.parseLong(HostCommand.runIn(namespaceA, List.of("cat", "/sys/class/net/" + DEVICE_A
                + "/statistics/tx_bytes")).strip());
    }

    /** The loss table of B as nft lists it (its rule with the packet counter), empty without one. */
    public String lossRules() {
        return HostCommand.attempt(HostCommand.inNamespace(namespaceB, List.of("nft", "list", "table", "inet",
                LOSS_TABLE))).output();
    }

    /**
     * A relay in A on A's loopback that delays both directions by half of {@code roundTripMs} and forwards to
     * {@code ADDRESS_B:port}, holding what a path of the link's rate and that round trip holds (at least 1 MiB);
     * closed with the link if not before.
     */
    public NamespaceRelay relayTo(int port, long roundTripMs) {
        long pathBytes = (long) (shape.rate().bytesPerSecond() * roundTripMs / 1000.0);
        int inFlight = (int) Math.min(Integer.MAX_VALUE, Math.max(1L << 20, pathBytes));
        NamespaceRelay r = NamespaceRelay.start(namespaceA, ADDRESS_B, port, roundTripMs, inFlight);
        synchronized (relays) {
            if (closed) {
                r.close();
                throw new IllegalStateException("the link is closed");
            }
            relays.add(r);
        }
        return r;
    }

    @Override
    public void close() {
        synchronized (relays) {
            closed = true;
            relays.forEach(NamespaceRelay::close);
            relays.clear();
        }
        remove(namespaceA);
        remove(namespaceB);
        OPEN.remove(this);
    }

    private static void remove(String ns) {
        HostCommand.attempt(List.of("ip", "netns", "del", ns));
    }

    /** The miglab namespaces on this machine whose owner (the pid in the name) no longer runs are removed. */
    public static List<String> sweepLeftovers() {
        List<String> removed = new ArrayList<>();
        for (String ns : miglabNamespaces()) {
            Matcher m = OWNED.matcher(ns);
            if (!m.matches()) continue;
            long pid = Long.parseLong(m.group(1));
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
            remove(ns);
            removed.add(ns);
        }
        return removed;
    }

    /** Every network namespace named {@code miglab-...} ({@code ip netns list}). */
    public static List<String> miglabNamespaces() {
        List<String> names = new ArrayList<>();
        for (String line : HostCommand.run(List.of("ip", "netns", "list")).split("\n")) {
            String name = line.strip().split("\\s+")[0];
            if (name.startsWith(PREFIX)) names.add(name);
        }
        return names;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s <-> %s (%s)", namespaceA, namespaceB, shape.tcWords());
    }
}
