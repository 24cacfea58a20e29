package io.miglab.qemu.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The relay on real loopback sockets with an echo server behind it. */
class LatencyRelayTest {

    // Guards against a relay that reorders, drops or corrupts stream bytes in either direction.
    @Test
    void relaysBothDirectionsByteForByte() throws Exception {
        byte[] payload = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(payload);
        try (ServerSocket echo = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             LatencyRelay relay = LatencyRelay.start(echo.getLocalPort(), Duration.ofMillis(10))) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> echoOnce(echo));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                    try {
                        OutputStream out = s.getOutputStream();
                        out.write(payload);
                        s.shutdownOutput();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                byte[] back = new DataInputStream(s.getInputStream()).readAllBytes();
                writer.get();
                assertThat(back).isEqualTo(payload);
            }
            server.get();
            assertThat(relay.forwardedBytes()).isEqualTo(payload.length);
            assertThat(relay.returnedBytes()).isEqualTo(payload.length);
        }
    }

    // Guards against a relay that adds no delay: a request-answer exchange must take at least one round trip.
    @Test
    void aRequestAndItsAnswerTakeAtLeastTheRoundTrip() throws Exception {
        Duration rtt = Duration.ofMillis(200);
        try (ServerSocket echo = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             LatencyRelay relay = LatencyRelay.start(echo.getLocalPort(), rtt)) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> echoOnce(echo));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
                long start = System.nanoTime();
                s.getOutputStream().write(42);
                int answer = s.getInputStream().read();
                long elapsedMs = (System.nanoTime() - start) / 1_000_000;
                assertThat(answer).isEqualTo(42);
                assertThat(elapsedMs).isGreaterThanOrEqualTo(rtt.toMillis());
                s.shutdownOutput();
            }
            server.get();
        }
    }

    // Guards against a relay that reads without bound: a sender faster than the receiver filled the relay's heap
    // (the namespace relay has 64 MiB) and the migration stream was cut. TCP must push back on the sender instead.
    @Test
    void aFastSenderIsHeldBackByTheRelayNotBuffered() throws Exception {
        int total = 160 << 20;
        AtomicLong written = new AtomicLong();
        try (ServerSocket sink = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             LatencyRelay relay = LatencyRelay.start(sink.getLocalPort(), Duration.ofMillis(10));
             Socket s = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    byte[] block = new byte[1 << 20];
                    for (int i = 0; i < total; i += block.length) {
                        java.util.Arrays.fill(block, (byte) (i >>> 20));
                        out.write(block);
                        written.addAndGet(block.length);
                    }
                    s.shutdownOutput();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Socket receiver = sink.accept()) {
                Thread.sleep(1500);  // the receiver reads nothing yet
                long heldBack = written.get();
                InputStream in = receiver.getInputStream();
                byte[] buffer = new byte[1 << 16];
                long received = 0;
                boolean inOrder = true;
                for (int n; (n = in.read(buffer)) > 0; received += n) {
                    for (int k = 0; k < n; k++) inOrder &= buffer[k] == (byte) ((received + k) >>> 20);
                }
                writer.get();
                // the relay's bound plus the kernel's socket buffers on both sides, far below the 160 MiB sent
                assertThat(heldBack).isLessThanOrEqualTo(LatencyRelay.IN_FLIGHT_BYTES + (32L << 20));
                assertThat(received).isEqualTo(total);
                assertThat(inOrder).isTrue();
            }
        }
    }

    private static void echoOnce(ServerSocket server) {
        try (Socket c = server.accept(); InputStream in = c.getInputStream(); OutputStream out = c.getOutputStream()) {
            in.transferTo(out);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
