package io.miglab.bench.qemu;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The web workload's client on the host: a few connections that request the guest's page back to back
 * ({@code GET /} over HTTP/1.0, one request per connection, as busybox httpd serves them) and stamp every
 * complete {@code 200} answer with the host's clock. Loopback only, and bounded in requests and time.
 *
 * <p>It follows the guest across a migration: {@link #switchTo} sends the next requests to the destination's
 * forwarded port and closes the requests still waiting on the source, whose guest is gone (its user-mode
 * network still accepts connections, but nothing answers them). Those count as {@link #abandoned()}.
 *
 * <p>It never sends a request to a new target from a local port it used for another one. Through QEMU's user-mode
 * network every connection reaches the guest as 10.0.2.2:(our local port); the guest, which closes first, keeps
 * each one in TIME_WAIT for a minute, and the destination's slirp numbers its connections afresh. A new
 * connection on a reused port then got no answer until the client's timeout (seen in 3 of 6 hand migrations,
 * each time on a port used for the source shortly before): an artefact of the test rig, not of the migration.
 */
final class HttpLoadGenerator implements AutoCloseable {
    static final byte[] REQUEST = "GET / HTTP/1.0\r\nHost: miglab-guest\r\nUser-Agent: miglab-bench\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    /** busybox httpd's page is a few hundred bytes; more than this is not our page. */
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;
    /** After a refused or failed request, wait this long before the next one rather than spin. */
    private static final long FAILURE_PAUSE_MS = 10;

    /**
     * @param connections    requests in flight at once
     * @param maxRequests    the generator stops after this many requests (answered or not)
     * @param maxDuration    ... or after this long
     * @param requestTimeout connect and read timeout of one request
     */
    record Limits(int connections, long maxRequests, Duration maxDuration, Duration requestTimeout) {
        Limits {
            if (connections < 1 || connections > 16) throw new IllegalArgumentException("connections: 1 to 16");
            if (maxRequests < 1) throw new IllegalArgumentException("maxRequests: at least 1");
        }

        /** Two connections keep the single-vCPU guest busy without queueing behind each other much. */
        static Limits forDuration(Duration maxDuration) {
            return new Limits(2, 2_000_000, maxDuration, Duration.ofSeconds(1));
        }
    }

    private final Limits limits;
    private final List<Thread> workers = new ArrayList<>();
    private final Set<Socket> inFlight = ConcurrentHashMap.newKeySet();
    /** Local port -> the target it was last used for. */
    private final Map<Integer, InetSocketAddress> portTargets = new ConcurrentHashMap<>();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final Object answersLock = new Object();
    private long[] answers = new long[4096];
    private int answerCount;
    private final List<Long> failureStarts = new ArrayList<>();
    private volatile InetSocketAddress target;
    private volatile long switchedAtNanos = -1;
    private volatile boolean stopped;
    private long deadlineNanos;

    HttpLoadGenerator(InetSocketAddress target, Limits limits) {
        this.target = requireLoopback(target);
        this.limits = limits;
    }

    /** Starts the connections; they run until {@link #close()} or a limit. */
    HttpLoadGenerator start() {
        deadlineNanos = System.nanoTime() + limits.maxDuration().toNanos();
        for (int i = 0; i < limits.connections(); i++) {
            Thread t = new Thread(this::work, "miglab-http-load-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        return this;
    }

    /** Sends the next requests to {@code next} and gives up the ones still waiting on the old target. */
    void switchTo(InetSocketAddress next) {
        target = requireLoopback(next);
        switchedAtNanos = System.nanoTime();
        for (Socket s : inFlight) {
            if (!next.equals(s.getRemoteSocketAddress())) closeQuietly(s);
        }
    }

    Limits limits() { return limits; }

    /** Host time ({@code System.nanoTime}) of the switch, -1 if none. */
    long switchedAtNanos() { return switchedAtNanos; }

    /** Host times of the answers so far, in order. */
    long[] answers() {
        synchronized (answersLock) {
            long[] out = Arrays.copyOf(answers, answerCount);
            Arrays.sort(out); // connections finish out of order by a few microseconds
            return out;
        }
    }

    /** Requests refused, timed out or answered with something other than 200. */
    long failures() { return failures.get(); }

    /** When each failed request was sent (host time), in the order they failed. */
    List<Long> failureStarts() {
        synchronized (answersLock) {
            return List.copyOf(failureStarts);
        }
    }

    /** Requests closed by {@link #switchTo} because they waited on the old target. */
    long abandoned() { return abandoned.get(); }

    private void work() {
        while (!stopped && System.nanoTime() < deadlineNanos && started.incrementAndGet() <= limits.maxRequests()) {
            long sent = System.nanoTime();
            InetSocketAddress to = target;
            Socket socket = null;
            boolean ok = false;
            try {
                socket = socketFor(to);
                inFlight.add(socket);
                if (to != target) continue; // switched meanwhile (the switch may not have seen this socket)
                int timeout = (int) limits.requestTimeout().toMillis();
                socket.connect(to, timeout);
                socket.setSoTimeout(timeout);
                socket.getOutputStream().write(REQUEST);
                ok = isOk(readAll(socket.getInputStream()));
            } catch (IOException e) {
                if (socket != null && socket.isClosed() && !stopped) {
                    abandoned.incrementAndGet();
                    continue;
                }
            } finally {
                if (socket != null) {
                    inFlight.remove(socket);
                    closeQuietly(socket);
                }
            }
            if (ok) {
                record(System.nanoTime());
            } else if (!stopped) {
                failures.incrementAndGet();
                synchronized (answersLock) {
                    failureStarts.add(sent);
                }
                pause();
            }
        }
    }

    /** A socket bound to a local port never used for another target (see the class comment). */
    private Socket socketFor(InetSocketAddress to) throws IOException {
        for (int tries = 0; ; tries++) {
            Socket socket = new Socket();
            try {
                socket.bind(new InetSocketAddress(to.getAddress(), 0));
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            InetSocketAddress before = portTargets.putIfAbsent(socket.getLocalPort(), to);
            if (before == null || before.equals(to) || tries >= 1000) return socket;
            socket.close();
        }
    }

    private void record(long nanos) {
        synchronized (answersLock) {
            if (answerCount == answers.length) answers = Arrays.copyOf(answers, answers.length * 2);
            answers[answerCount++] = nanos;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        byte[] data = in.readNBytes(MAX_RESPONSE_BYTES + 1);
        if (data.length > MAX_RESPONSE_BYTES) throw new IOException("response longer than " + MAX_RESPONSE_BYTES);
        return data;
    }

    /** A complete answer: status 200 and a body after the header (the server closed the connection after it). */
    static boolean isOk(byte[] response) {
        String head = new String(response, 0, Math.min(response.length, 4096), StandardCharsets.ISO_8859_1);
        return head.matches("(?s)HTTP/1\\.[01] 200 .*") && head.contains("\r\n\r\n")
                && head.indexOf("\r\n\r\n") + 4 < response.length;
    }

    private static InetSocketAddress requireLoopback(InetSocketAddress a) {
        if (a.getAddress() == null || !a.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the load generator only talks to loopback, not " + a);
        }
        return a;
    }

    private static void pause() {
        try {
            Thread.sleep(FAILURE_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Stops every connection and waits for the workers. */
    @Override
    public void close() {
        stopped = true;
        for (Socket s : inFlight) closeQuietly(s);
        for (Thread t : workers) {
            try {
                t.join(limits.requestTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
