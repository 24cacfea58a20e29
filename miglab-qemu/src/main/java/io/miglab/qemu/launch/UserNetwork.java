package io.miglab.qemu.launch;

import io.miglab.core.error.InvalidSpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A guest NIC on QEMU's user-mode network (slirp) with one host port forwarded to the guest's port 80, bound to
 * 127.0.0.1 only: {@code -nic user,model=virtio-net-pci,hostfwd=tcp:127.0.0.1:PORT-:80}. Nothing else on the
 * network reaches the guest. A migration source and its destination both need a NIC of the same model (the device
 * is part of the migrated state), each with its own host port: the destination's forward answers once the guest
 * runs there.
 *
 * @param hostPort  the port on 127.0.0.1 that reaches the guest's port
 * @param guestPort the guest's port it forwards to: 80 for miglab's httpd, a user's --ready-port
 */
public record UserNetwork(int hostPort, int guestPort) {
    /** The device both sides get; the guest's initramfs carries its driver (guest/README.md). */
    public static final String NIC_MODEL = "virtio-net-pci";
    /** busybox httpd's port in the guest ({@code workload=httpd}). */
    public static final int GUEST_PORT = 80;

    public UserNetwork {
        InvalidSpecException.require(hostPort >= 1 && hostPort <= 65535, "host-port", "1 to 65535", hostPort);
        InvalidSpecException.require(guestPort >= 1 && guestPort <= 65535, "ready-port", "1 to 65535", guestPort);
    }

    /** A forward to the guest's port 80 (miglab's httpd). */
    public UserNetwork(int hostPort) {
        this(hostPort, GUEST_PORT);
    }

    /** A forward on a free port of 127.0.0.1 to the guest's {@code guestPort} (a user's guest's readiness port). */
    public static UserNetwork onFreePort(int guestPort) {
        return new UserNetwork(onFreePort().hostPort(), guestPort);
    }

    /** A forward on a port of 127.0.0.1 that was free a moment ago. */
    public static UserNetwork onFreePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new UserNetwork(s.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on 127.0.0.1", e);
        }
    }

    /** The value of QEMU's {@code -nic}. */
    public String nicArgument() {
        return "user,model=" + NIC_MODEL + ",hostfwd=tcp:127.0.0.1:" + hostPort + "-:" + guestPort;
    }

    /** Where a client on this host reaches the guest's port 80. */
    public InetSocketAddress hostAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), hostPort);
    }
}
