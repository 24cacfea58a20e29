package io.miglab.bench.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The web workload's client against small servers on 127.0.0.1 (the JDK's HttpServer for a guest that answers, a
 * socket that accepts and never answers for a paused source). The real guest is in WebOnQemuTest.
 */
class HttpLoadGeneratorTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    // Guards against a generator that keeps loading the old host after the switch, or loses answers it got.
    @Test
    void everyAnswerIsCountedAndTheSwitchMovesTheLoadToTheNewTarget() throws Exception {
        AtomicInteger servedA = new AtomicInteger(), servedB = new AtomicInteger();
        InetSocketAddress a = page(servedA), b = page(servedB);
        HttpLoadGenerator gen = generator(a, new HttpLoadGenerator.Limits(2, 1_000_000, PATIENCE, PATIENCE));
        await(() -> gen.answers().length >= 20);
        gen.switchTo(b);
        int aAtSwitch = servedA.get();
        await(() -> servedB.get() >= 20);
        gen.close();
        // at most the two requests in flight at the switch reach the old target afterwards
        assertThat(servedA.get()).isBetween(aAtSwitch, aAtSwitch + 2);
        long[] answers = gen.answers();
        assertThat((long) answers.length).isBetween(servedA.get() + servedB.get() - 4L,
                (long) servedA.get() + servedB.get());
        for (int i = 1; i < answers.length; i++) assertThat(answers[i]).isGreaterThanOrEqualTo(answers[i - 1]);
        assertThat(gen.failures()).isZero();
        assertThat(gen.switchedAtNanos()).isBetween(answers[0], answers[answers.length - 1]);
    }

    // Guards against the client waiting out its timeout on a source whose guest has left (slirp still accepts the
    // connection): those requests must be given up at the switch, not after the request timeout.
    @Test
    void requestsStuckOnTheOldTargetAreGivenUpAtTheSwitch() throws Exception {
        InetSocketAddress silent = silentServer();
        AtomicInteger served = new AtomicInteger();
        InetSocketAddress b = page(served);
        Duration longTimeout = Duration.ofSeconds(60);
        HttpLoadGenerator gen = generator(silent, new HttpLoadGenerator.Limits(2, 1_000_000, PATIENCE, longTimeout));
        Thread.sleep(300);
        assertThat(gen.answers()).isEmpty();
        long switched = System.nanoTime();
        gen.switchTo(b);
        await(() -> gen.answers().length >= 5);
        // answered long before the stuck requests' 60 s timeout could have freed the connections
        assertThat(gen.answers()[0] - switched).isLessThan(longTimeout.toNanos() / 2);
        assertThat(gen.abandoned()).isEqualTo(2);
        assertThat(gen.failures()).isZero();
    }

    // Guards against a generator that runs unbounded or talks to anything but this host.
    @Test
    void theGeneratorStopsAtItsRequestLimitAndOnlyTalksToLoopback() throws Exception {
        AtomicInteger served = new AtomicInteger();
        InetSocketAddress a = page(served);
        HttpLoadGenerator gen = generator(a, new HttpLoadGenerator.Limits(2, 7, PATIENCE, PATIENCE));
        await(() -> gen.answers().length == 7);
        Thread.sleep(200);
        assertThat(served.get()).isEqualTo(7);
        assertThat(gen.answers()).hasSize(7);
        assertThatThrownBy(() -> new HttpLoadGenerator(new InetSocketAddress("192.0.2.1", 80),
                HttpLoadGenerator.Limits.forDuration(PATIENCE))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> gen.switchTo(new InetSocketAddress("192.0.2.1", 80)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // Guards against reusing, for the destination, a local port used for the source: through slirp the guest
    // still holds that connection in TIME_WAIT and the destination's fresh sequence numbers make the new one stall.
    // 2,000 connections each way from ~28,000 ephemeral ports would share about 140 ports by chance.
    @Test
    void noLocalPortUsedForTheOldTargetIsUsedForTheNewOne() throws Exception {
        java.util.Set<Integer> portsA = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Set<Integer> portsB = java.util.concurrent.ConcurrentHashMap.newKeySet();
        InetSocketAddress a = page(new AtomicInteger(), portsA), b = page(new AtomicInteger(), portsB);
        HttpLoadGenerator gen = generator(a, new HttpLoadGenerator.Limits(4, 1_000_000, PATIENCE, PATIENCE));
        await(() -> portsA.size() >= 2000);
        gen.switchTo(b);
        await(() -> portsB.size() >= 2000);
        gen.close();
        java.util.Set<Integer> shared = new java.util.HashSet<>(portsA);
        shared.retainAll(portsB);
        assertThat(shared).isEmpty();
    }

    // Guards against failures that are not counted or not dated (the report counts those after the switch-over).
    @Test
    void refusedRequestsAreCountedAsFailuresWithTheTimeTheyWereSent() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        long before = System.nanoTime();
        HttpLoadGenerator gen = generator(new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort),
                new HttpLoadGenerator.Limits(1, 5, PATIENCE, PATIENCE));
        await(() -> gen.failures() == 5);
        assertThat(gen.answers()).isEmpty();
        assertThat(gen.failureStarts()).hasSize(5).allSatisfy(t -> assertThat(t).isBetween(before, System.nanoTime()))
                .isSorted();
    }

    // Guards against counting an error page, or a response cut off by the switch-over, as an answered request.
    @Test
    void onlyACompleteStatus200ResponseCounts() {
        assertThat(HttpLoadGenerator.isOk(bytes("HTTP/1.0 200 OK\r\nContent-Length: 4\r\n\r\nbody"))).isTrue();
        assertThat(HttpLoadGenerator.isOk(bytes("HTTP/1.1 200 OK\r\n\r\n<html>"))).isTrue();
        assertThat(HttpLoadGenerator.isOk(bytes("HTTP/1.0 404 Not Found\r\n\r\nnope"))).isFalse();
        assertThat(HttpLoadGenerator.isOk(bytes("HTTP/1.0 200 OK\r\nContent-Le"))).isFalse();
        assertThat(HttpLoadGenerator.isOk(bytes("HTTP/1.0 200 OK\r\n\r\n"))).isFalse();
        assertThat(HttpLoadGenerator.isOk(new byte[0])).isFalse();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private HttpLoadGenerator generator(InetSocketAddress target, HttpLoadGenerator.Limits limits) {
        HttpLoadGenerator gen = new HttpLoadGenerator(target, limits).start();
        open.add(0, gen);
        return gen;
    }

    /** A server on 127.0.0.1 that answers every request with a small page and counts them. */
    private InetSocketAddress page(AtomicInteger served) throws IOException {
        return page(served, java.util.concurrent.ConcurrentHashMap.newKeySet());
    }

    /** As {@link #page(AtomicInteger)}, also collecting the clients' ports. */
    private InetSocketAddress page(AtomicInteger served, java.util.Set<Integer> clientPorts) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        byte[] body = "<p>miglab</p>".getBytes(StandardCharsets.US_ASCII);
        server.createContext("/", ex -> {
            served.incrementAndGet();
            clientPorts.add(ex.getRemoteAddress().getPort());
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        open.add(() -> server.stop(0));
        return server.getAddress();
    }

    /** Accepts connections and never answers: a source whose guest has migrated away. */
    private InetSocketAddress silentServer() throws IOException {
        ServerSocket s = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread t = new Thread(() -> {
            try {
                while (true) held.add(s.accept());
            } catch (IOException closed) {
                // test over
            }
        });
        t.setDaemon(true);
        t.start();
        open.add(() -> {
            s.close();
            for (Socket c : held) c.close();
        });
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within " + PATIENCE);
            Thread.sleep(10);
        }
    }
}
