package io.miglab.core.spec;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;
import java.time.Duration;
import java.util.Optional;

/**
 * The staged protocol's own settings: the reservation at the destination, an injected failure, and how a broken
 * post-copy channel is detected and recovered.
 *
 * @param reservation              how long the destination takes to reserve the VM's container
 * @param vcpus                    the VM's vCPUs, which the destination must reserve
 * @param destinationFreeMemory    memory free at the destination (empty: enough); less than the guest's: refused
 * @param destinationFreeVcpus     vCPUs free at the destination (empty: enough); fewer than {@code vcpus}: refused
 * @param failure                  a failure to inject, if any
 * @param detect                   how long a link down goes unnoticed (a crashed peer is noticed after a round trip:
 *                                 its kernel resets the connection)
 * @param reconnect                post-copy recovery: from noticing to the channel being back (QEMU: migrate-recover
 *                                 on the destination, migrate with resume=true on the source), before the handshake
 */
public record ProtocolOptions(Duration reservation, int vcpus, Optional<ByteSize> destinationFreeMemory,
                              Optional<Integer> destinationFreeVcpus, Optional<FailureSpec> failure, Duration detect,
                              Duration reconnect) {
    public static final Duration DEFAULT_DETECT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RECONNECT = Duration.ofMillis(200);

    public ProtocolOptions {
        InvalidSpecException.require(reservation != null && !reservation.isNegative(), "reservation-time",
                "a duration >= 0", reservation);
        InvalidSpecException.require(vcpus >= 1 && vcpus <= 4096, "vcpus", "1 to 4096", vcpus);
        destinationFreeMemory = destinationFreeMemory == null ? Optional.empty() : destinationFreeMemory;
        destinationFreeVcpus = destinationFreeVcpus == null ? Optional.empty() : destinationFreeVcpus;
        InvalidSpecException.require(destinationFreeVcpus.map(v -> v >= 0 && v <= 1_000_000).orElse(true),
                "destination-free-vcpus", "0 to 1000000", destinationFreeVcpus);
        failure = failure == null ? Optional.empty() : failure;
        InvalidSpecException.require(detect != null && !detect.isNegative(), "detect-time", "a duration >= 0",
                detect);
        InvalidSpecException.require(reconnect != null && !reconnect.isNegative(), "reconnect-time",
                "a duration >= 0", reconnect);
    }

    /** No reservation cost, room enough at the destination, no failure, QEMU-like recovery times. */
    public static ProtocolOptions defaults() {
        return new ProtocolOptions(Duration.ZERO, 1, Optional.empty(), Optional.empty(), Optional.empty(),
                DEFAULT_DETECT, DEFAULT_RECONNECT);
    }

    /**
     * Why the destination refuses a guest of {@code guestBytes}, or empty when it can reserve it.
     */
    public Optional<String> refusal(long guestBytes) {
        if (destinationFreeMemory.isPresent() && destinationFreeMemory.get().bytes() < guestBytes) {
            return Optional.of("reservation refused: the destination has " + destinationFreeMemory.get()
                    + " free, the VM needs " + ByteSize.ofBytes(guestBytes));
        }
        if (destinationFreeVcpus.isPresent() && destinationFreeVcpus.get() < vcpus) {
            return Optional.of("reservation refused: the destination has " + destinationFreeVcpus.get()
                    + " vCPUs free, the VM needs " + vcpus);
        }
        return Optional.empty();
    }

    public ProtocolOptions withFailure(Optional<FailureSpec> f) {
        return new ProtocolOptions(reservation, vcpus, destinationFreeMemory, destinationFreeVcpus, f, detect,
                reconnect);
    }

    public ProtocolOptions withReservation(Duration r) {
        return new ProtocolOptions(r, vcpus, destinationFreeMemory, destinationFreeVcpus, failure, detect, reconnect);
    }

    public double reservationSeconds() { return reservation.toNanos() / 1e9; }

    public double detectSeconds() { return detect.toNanos() / 1e9; }

    public double reconnectSeconds() { return reconnect.toNanos() / 1e9; }
}
