package io.miglab.libvirt.migrate;

import io.miglab.core.error.InvalidSpecException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How one libvirt migration is carried out, beside the spec: where from and to, which domain, and libvirt's own
 * choices that have no place in a {@link io.miglab.core.spec.MigrationSpec}.
 *
 * @param domain        an existing domain by name; empty: miglab defines its own guest for the spec on the source
 * @param transport     who moves the data: the source daemon to the destination's ({@code p2p}), the same through
 *                      the daemons' own connection ({@code tunnelled}), or miglab's client stepping both daemons
 *                      ({@code direct}: libvirt's client-managed native migration)
 * @param persistent    define the domain on the destination (VIR_MIGRATE_PERSIST_DEST)
 * @param undefineSource undefine the source's persistent definition afterwards (VIR_MIGRATE_UNDEFINE_SOURCE)
 * @param parallelConnections QEMU multifd channels (VIR_MIGRATE_PARALLEL); 0 = off
 * @param listenAddress the address the destination QEMU listens on, and the host part of the migration URI
 * @param serialFolder  where miglab's own guest writes its serial console (must be writable by the daemons' QEMU)
 */
public record LibvirtOptions(String sourceUri, String destinationUri, Optional<String> domain, Transport transport,
                             boolean persistent, boolean undefineSource, int parallelConnections,
                             Optional<String> listenAddress, Duration pollInterval, Duration readyTimeout,
                             Optional<Path> serialFolder) {
    public enum Transport {
        P2P, TUNNELLED, DIRECT;

        public static Transport parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidSpecException("libvirt-transport", "p2p, tunnelled or direct", s);
            }
        }
    }

    public LibvirtOptions {
        InvalidSpecException.require(sourceUri != null && !sourceUri.isBlank(), "source",
                "a libvirt connection URI like qemu+ssh://host-a/system", sourceUri);
        InvalidSpecException.require(destinationUri != null && !destinationUri.isBlank(), "destination",
                "a libvirt connection URI like qemu+ssh://host-b/system", destinationUri);
        InvalidSpecException.require(parallelConnections >= 0 && parallelConnections <= 255,
                "parallel-connections", "0 to 255", parallelConnections);
        InvalidSpecException.require(pollInterval.toMillis() >= 10, "poll-interval", "at least 10 ms", pollInterval);
        InvalidSpecException.require(!(transport == Transport.TUNNELLED && parallelConnections > 0),
                "parallel-connections", "0 with the tunnelled transport (libvirt has no parallel tunnel)",
                parallelConnections);
    }

    public static LibvirtOptions between(String sourceUri, String destinationUri) {
        return new LibvirtOptions(sourceUri, destinationUri, Optional.empty(), Transport.P2P, false, false, 0,
                Optional.empty(), Duration.ofMillis(100), Duration.ofSeconds(60), Optional.empty());
    }

    public LibvirtOptions withDomain(String name) {
        return new LibvirtOptions(sourceUri, destinationUri, Optional.ofNullable(name), transport, persistent,
                undefineSource, parallelConnections, listenAddress, pollInterval, readyTimeout, serialFolder);
    }

    public LibvirtOptions withTransport(Transport t) {
        return new LibvirtOptions(sourceUri, destinationUri, domain, t, persistent, undefineSource,
                parallelConnections, listenAddress, pollInterval, readyTimeout, serialFolder);
    }

    public LibvirtOptions withPersistence(boolean persist, boolean undefine) {
        return new LibvirtOptions(sourceUri, destinationUri, domain, transport, persist, undefine,
                parallelConnections, listenAddress, pollInterval, readyTimeout, serialFolder);
    }

    public LibvirtOptions withParallelConnections(int n) {
        return new LibvirtOptions(sourceUri, destinationUri, domain, transport, persistent, undefineSource, n,
                listenAddress, pollInterval, readyTimeout, serialFolder);
    }

    public LibvirtOptions withListenAddress(String address) {
        return new LibvirtOptions(sourceUri, destinationUri, domain, transport, persistent, undefineSource,
                parallelConnections, Optional.ofNullable(address), pollInterval, readyTimeout, serialFolder);
    }

    public LibvirtOptions withSerialFolder(Path folder) {
        return new LibvirtOptions(sourceUri, destinationUri, domain, transport, persistent, undefineSource,
                parallelConnections, listenAddress, pollInterval, readyTimeout, Optional.ofNullable(folder));
    }

    public LibvirtOptions withPollInterval(Duration interval) {
        return new LibvirtOptions(sourceUri, destinationUri, domain, transport, persistent, undefineSource,
                parallelConnections, listenAddress, interval, readyTimeout, serialFolder);
    }
}
