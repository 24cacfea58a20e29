package io.miglab.cli.libvirt;

import io.miglab.cli.common.BadInputException;
import io.miglab.libvirt.local.LocalUris;
import io.miglab.libvirt.migrate.LibvirtOptions;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags of a libvirt migration ({@code migrate --backend libvirt}); refused with any other backend. */
public final class LibvirtFlags {
    @Option(names = "--source", paramLabel = "URI", order = 120, description = "libvirt: the source's connection "
            + "URI (qemu+ssh://host-a/system, qemu:///system, ...), or local:host-a for a daemon miglab starts here.")
    String source;

    @Option(names = "--destination", paramLabel = "URI", order = 121, description = "libvirt: the destination's "
            + "connection URI, or local:host-b.")
    String destination;

    @Option(names = "--domain", paramLabel = "NAME", order = 122, description = "libvirt: migrate this running "
            + "domain. Default: miglab defines its own guest for the spec on the source and removes it afterwards")
    String domain;

    @Option(names = "--libvirt-transport", paramLabel = "p2p|tunnelled|direct", order = 123,
            description = "libvirt: p2p (the source daemon connects to the destination's), tunnelled (the data "
                    + "through that connection), direct (miglab's client steps both daemons). Default: p2p")
    String transport = "p2p";

    @Option(names = "--persistent", order = 124, description = "libvirt: define the domain on the destination.")
    boolean persistent;

    @Option(names = "--undefine-source", order = 125, description = "libvirt: undefine the source's definition "
            + "after the migration.")
    boolean undefineSource;

    @Option(names = "--listen-address", paramLabel = "ADDRESS", order = 126, description = "libvirt: the address "
            + "the destination's QEMU listens on (and the migration URI's host). Default: libvirt's (all "
            + "addresses), 127.0.0.1 for local:host-* daemons")
    String listenAddress;

    /** True if any libvirt flag was given. */
    public boolean any() {
        return source != null || destination != null || domain != null || !transport.equals("p2p") || persistent
                || undefineSource || listenAddress != null;
    }

    public List<String> uris() {
        require();
        return List.of(source, destination);
    }

    /** The options, with local:host-* URIs resolved by {@code local}. */
    public LibvirtOptions options(LocalUris local, int parallelConnections) {
        require();
        LibvirtOptions o = LibvirtOptions.between(local.resolve(source), local.resolve(destination))
                .withTransport(LibvirtOptions.Transport.parse(transport))
                .withPersistence(persistent, undefineSource).withParallelConnections(parallelConnections)
                .withDomain(domain);
        if (local.hosts().isPresent()) {
            o = o.withSerialFolder(local.hosts().get().guestFolder())
                    .withListenAddress(listenAddress == null ? "127.0.0.1" : listenAddress);
        } else if (listenAddress != null) {
            o = o.withListenAddress(listenAddress);
        }
        return o;
    }

    private void require() {
        if (source == null) throw new BadInputException("source: a libvirt connection URI is required with "
                + "--backend libvirt (e.g. qemu+ssh://host-a/system or local:host-a)");
        if (destination == null) throw new BadInputException("destination: a libvirt connection URI is required "
                + "with --backend libvirt (e.g. qemu+ssh://host-b/system or local:host-b)");
    }
}
