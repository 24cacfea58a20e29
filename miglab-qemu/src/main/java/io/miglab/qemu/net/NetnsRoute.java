package io.miglab.qemu.net;

import io.miglab.qemu.migrate.MigrationRoute;
import java.time.Duration;

/**
 * A migration from namespace A to namespace B of a {@link NetnsLink}: the destination listens on B's veth
 * address, the source connects to it across the rate-limited veth, or, with a round trip, to a
 * {@link NamespaceRelay} on A's loopback that delays the stream before it enters the link.
 */
public record NetnsRoute(NetnsLink link) implements MigrationRoute {
    @Override
    public String incomingUri(int port) {
        return "tcp:" + NetnsLink.ADDRESS_B + ":" + port;
    }

    @Override
    public Hop open(int port, Duration roundTrip, boolean relayed) {
        NamespaceRelay relay = roundTrip.isZero() ? null : link.relayTo(port, roundTrip.toMillis());
        String uri = relay == null ? incomingUri(port) : "tcp:127.0.0.1:" + relay.port();
        // the relay runs in another process: no link cut on this route
        return Hop.of(uri, null, () -> {
            if (relay != null) relay.close();
        });
    }
}
