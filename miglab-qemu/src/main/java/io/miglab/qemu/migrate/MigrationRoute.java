package io.miglab.qemu.migrate;

import io.miglab.qemu.link.LatencyRelay;
import java.time.Duration;

/**
 * Where the migration stream goes: the address the destination listens on, and how the source reaches it. The
 * default is this host's loopback, with the in-process {@link LatencyRelay} when the spec has a round trip or the
 * link is to be cut; a network-namespace pair ({@code io.miglab.qemu.net}) is the other.
 */
public interface MigrationRoute {
    /** The destination's {@code migrate-incoming} URI for this port. */
    String incomingUri(int port);

    /** Opens the source's way to the destination listening on {@code port}; closed when the migration ends. */
    Hop open(int port, Duration roundTrip, boolean relayed);

    /** The source's side of the route. */
    interface Hop extends AutoCloseable {
        /** The URI given to {@code migrate}. */
        String uri();

        /** The in-process relay, if the hop has one (the link-cut failure needs it); else null. */
        LatencyRelay relay();

        @Override
        void close();

        /** A hop to {@code uri} with the in-process {@code relay} (or null), whose close runs {@code onClose}. */
        static Hop of(String uri, LatencyRelay relay, Runnable onClose) {
            return new Hop() {
                @Override
                public String uri() {
                    return uri;
                }

                @Override
                public LatencyRelay relay() {
                    return relay;
                }

                @Override
                public void close() {
                    onClose.run();
                }
            };
        }
    }

    /** Both QEMUs on this host's 127.0.0.1. */
    MigrationRoute LOOPBACK = new MigrationRoute() {
        @Override
        public String incomingUri(int port) {
            return "tcp:127.0.0.1:" + port;
        }

        @Override
        public Hop open(int port, Duration roundTrip, boolean relayed) {
            LatencyRelay relay = relayed ? LatencyRelay.start(port, roundTrip) : null;
            String uri = "tcp:127.0.0.1:" + (relay == null ? port : relay.port());
            return Hop.of(uri, relay, () -> {
                if (relay != null) relay.close();
            });
        }
    };
}
