package io.miglab.qemu.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on 127.0.0.1 that adds latency: every chunk read from one side is written to the other half a round
 * trip later, in both directions, so the migration stream and QEMU's return path (post-copy page requests) each
 * see the one-way delay. Bandwidth is left to QEMU's own cap. Packet loss is not modelled: dropping bytes inside a
 * TCP stream would corrupt it, and loss on a real link shows up as TCP retransmissions, i.e. as delay and lower
 * throughput, which the cap and this delay already stand for.
 *
 * <p>Each accepted connection (multifd opens several) gets its own upstream connection to the target port. With a
 * zero round trip it is a plain relay whose connections can be {@link #cut()}.
 */
public final class LatencyRelay implements AutoCloseable {
    /**
     * Bytes held per direction before the reader stops reading, so TCP pushes back on the sender, unless a bound is
     * given. Without a bound a sender faster than the path behind the relay (QEMU uncapped in front of a tbf-limited
     * veth) filled the heap and the relay died mid-stream. 16 MiB per one-way delay still passes 640 MiB/s at 25 ms.
     */
    static final int IN_FLIGHT_BYTES = 16 << 20;
    /** The sockets' own kernel buffers, kept small so the bytes in flight are the relay's bound, not autotuning's. */
    private static final int SOCKET_BUFFER_BYTES = 256 * 1024;
    private static final int READ_BYTES = 64 * 1024;
    private static final byte[] EOF = new byte[0];

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final long oneWayNanos;
    private final int inFlightBytes;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicLong forwardedBytes = new AtomicLong();
    private final AtomicLong returnedBytes = new AtomicLong();
    private volatile boolean closed;

    private record Chunk(long deliverAtNanos, byte[] data) { }

    private LatencyRelay(ServerSocket server, InetSocketAddress target, Duration roundTrip, int inFlightBytes) {
        this.server = server;
        this.target = target;
        this.oneWayNanos = roundTrip.toNanos() / 2;
        this.inFlightBytes = inFlightBytes;
        Thread acceptor = new Thread(this::acceptLoop, "latency-relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on an ephemeral port of 127.0.0.1 and relays to {@code 127.0.0.1:targetPort}. */
    public static LatencyRelay start(int targetPort, Duration roundTrip) {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), roundTrip);
    }

    /** Listens on an ephemeral port of 127.0.0.1 and relays to {@code target} (another host's address). */
    public static LatencyRelay start(InetSocketAddress target, Duration roundTrip) {
        return start(target, roundTrip, IN_FLIGHT_BYTES);
    }

    /**
     * As {@link #start(InetSocketAddress, Duration)}, holding at most {@code inFlightBytes} per direction: a path of
     * rate R and this round trip holds R x RTT bytes, what a WAN's TCP window keeps in flight, so the source does not
     * finish writing long before the destination has its stream (it counts its total time to its last write).
     */
    public static LatencyRelay start(InetSocketAddress target, Duration roundTrip, int inFlightBytes) {
        if (inFlightBytes < READ_BYTES) throw new IllegalArgumentException("in-flight bytes: at least " + READ_BYTES);
        try {
            ServerSocket s = new ServerSocket();
            s.setReceiveBufferSize(SOCKET_BUFFER_BYTES); // inherited by the accepted sockets
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new LatencyRelay(s, target, roundTrip, inFlightBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the latency relay", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Bytes relayed towards the target (the migration stream). */
    public long forwardedBytes() {
        return forwardedBytes.get();
    }

    /** Bytes relayed back (the return path). */
    public long returnedBytes() {
        return returnedBytes.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.setSendBufferSize(SOCKET_BUFFER_BYTES);
                upstream.connect(target);
                for (Socket s : List.of(client, upstream)) {
                    s.setTcpNoDelay(true);
                    sockets.add(s);
                }
                java.util.concurrent.CountDownLatch bothDone = new java.util.concurrent.CountDownLatch(2);
                pipe(client, upstream, forwardedBytes, "fwd", bothDone);
                pipe(upstream, client, returnedBytes, "ret", bothDone);
                Thread closer = new Thread(() -> {
                    try {
                        bothDone.await();
                    } catch (InterruptedException ignored) {
                        // closing anyway
                    }
                    closeQuietly(client);
                    closeQuietly(upstream);
                }, "latency-relay-close");
                closer.setDaemon(true);
                closer.start();
            } catch (IOException e) {
                if (closed) return;
            }
        }
    }

    /**
     * One direction: a reader stamps chunks, a writer delivers each at its time. An end of stream is passed on as
     * a half-close, so the other direction keeps working; a failure closes both sockets.
     */
    private void pipe(Socket from, Socket to, AtomicLong counter, String name,
                      java.util.concurrent.CountDownLatch done) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Semaphore inFlight = new Semaphore(inFlightBytes);
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[READ_BYTES];
            try {
                InputStream in = from.getInputStream();
                int n;
                while (true) {
                    inFlight.acquire(READ_BYTES);  // room for a whole read before reading it
                    n = in.read(buffer);
                    if (n <= 0) break;
                    inFlight.release(READ_BYTES - n);
                    queue.put(new Chunk(System.nanoTime() + oneWayNanos, java.util.Arrays.copyOf(buffer, n)));
                }
            } catch (IOException | InterruptedException ignored) {
                // the other side closed, or we did
            } catch (RuntimeException | Error e) {
                // never pass a failure on as a clean end of stream: the receiver would take a cut stream as whole
                closeQuietly(from);
                closeQuietly(to);
            } finally {
                queue.offer(new Chunk(System.nanoTime() + oneWayNanos, EOF));
            }
        }, "latency-relay-" + name + "-read");
        Thread writer = new Thread(() -> {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk c = queue.take();
                    long wait = c.deliverAtNanos() - System.nanoTime();
                    if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    if (c.data() == EOF) {
                        to.shutdownOutput();
                        done.countDown();
                        return;
                    }
                    out.write(c.data());
                    counter.addAndGet(c.data().length);
                    inFlight.release(c.data().length);
                }
            } catch (IOException | InterruptedException e) {
                closeQuietly(from);
                closeQuietly(to);
                done.countDown();
            }
        }, "latency-relay-" + name + "-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    /**
     * Cuts the link: closes every connection relayed so far (both QEMUs see their sockets reset) but keeps
     * listening, so a later connection (a post-copy recovery) goes through again.
     */
    public void cut() {
        for (Socket s : sockets) closeQuietly(s);
        sockets.clear();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        for (Socket s : sockets) closeQuietly(s);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
