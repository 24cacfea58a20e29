package io.miglab.libvirt.local;

import io.miglab.core.error.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code local:host-a}, {@code local:host-b}, ... spelling of a connection URI: miglab starts that many
 * {@link LocalHosts} for the command and removes them at its end, so a libvirt migration can be tried on one
 * machine without a cluster. Any other URI is passed to libvirt as it is.
 */
public final class LocalUris implements AutoCloseable {
    public static final String PREFIX = "local:host-";
    private final Optional<LocalHosts> hosts;

    private LocalUris(Optional<LocalHosts> hosts) {
        this.hosts = hosts;
    }

    /** Starts the local hosts the given URIs name (none if they name none). */
    public static LocalUris forUris(List<String> uris, String field) {
        int needed = 0;
        for (String u : uris) if (u.startsWith("local:")) needed = Math.max(needed, index(u, field) + 1);
        return new LocalUris(needed == 0 ? Optional.empty() : Optional.of(LocalHosts.start(needed)));
    }

    /** No local hosts: every URI is passed on as it is ({@code local:} ones too, for checks before a start). */
    public static LocalUris none() {
        return new LocalUris(Optional.empty());
    }

    /** The libvirt URI for {@code uri}. */
    public String resolve(String uri) {
        if (!uri.startsWith("local:") || hosts.isEmpty()) return uri;
        return hosts.orElseThrow().daemon(index(uri, "connect")).uri();
    }

    public List<String> resolveAll(List<String> uris) {
        List<String> out = new ArrayList<>();
        for (String u : uris) out.add(resolve(u));
        return out;
    }

    public Optional<LocalHosts> hosts() {
        return hosts;
    }

    private static int index(String uri, String field) {
        String rest = uri.startsWith(PREFIX) ? uri.substring(PREFIX.length()) : "";
        InvalidSpecException.require(rest.length() == 1 && rest.charAt(0) >= 'a' && rest.charAt(0) <= 'h', field,
                "a libvirt URI, or local:host-a to local:host-h for daemons miglab starts on this machine", uri);
        return rest.charAt(0) - 'a';
    }

    @Override
    public void close() {
        hosts.ifPresent(LocalHosts::close);
    }
}
