package io.miglab.qemu.net;

import io.miglab.core.unit.DataRate;
import java.util.stream.Collectors;

/**
 * Run in a child JVM by {@link NetnsCleanupTest}: makes a link with a loss rule and a relay in A, prints
 * {@code MADE <namespace A> <namespace B> <watchdog pids, comma-separated>} and waits to be stopped.
 */
public final class MakeLinkMain {
    public static void main(String[] args) throws Exception {
        NetnsLink link = NetnsLink.create(DataRate.ofMiBps(40));
        link.dropPerMille(10);
        link.relayTo(4444, 20);
        System.out.println("MADE " + link.namespaceA() + " " + link.namespaceB() + " "
                + NamespaceWatchdog.pids().stream().map(String::valueOf).collect(Collectors.joining(",")));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
