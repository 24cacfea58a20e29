package io.miglab.qemu.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A client of the QEMU Machine Protocol over a Unix domain socket. A reader thread parses every message QEMU sends
 * (one JSON object per line): the greeting, answers (matched to commands by {@code id}) and asynchronous events,
 * which are kept in order and can be waited on. Reads and writes use the channel directly, never the stream
 * adaptors, which serialise a concurrent read and write on the channel's blocking lock.
 */
public final class QmpClient implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SocketChannel channel;
    private final Path socket;
    private final Thread reader;
    private final CompletableFuture<JsonNode> greeting = new CompletableFuture<>();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final QmpEventLog events = new QmpEventLog();
    private final Object writeLock = new Object();

    private record Pending(String command, CompletableFuture<JsonNode> answer) { }

    private QmpClient(SocketChannel channel, Path socket) {
        this.channel = channel;
        this.socket = socket;
        this.reader = new Thread(this::readLoop, "qmp-reader-" + socket.getFileName());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Connects to {@code socket}, retrying while QEMU has not created it yet, reads the greeting and negotiates
     * capabilities ({@code qmp_capabilities}). {@code keepTrying} is asked between attempts (e.g. "is QEMU still
     * alive?") so a dead QEMU fails at once instead of at the timeout.
     */
    public static QmpClient connect(Path socket, Duration timeout, BooleanSupplier keepTrying) {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (true) {
            try {
                SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                QmpClient client = new QmpClient(ch, socket);
                try {
                    client.awaitGreeting(remaining(deadline));
                    // out-of-band execution when QEMU offers it: a command such as migrate-recover then runs even
                    // while the main loop waits on a post-copy page fault (docs/devel/qapi-code-gen, "OOB")
                    boolean oob = false;
                    for (JsonNode c : client.greeting().path("capabilities")) oob |= c.asText().equals("oob");
                    client.execute("qmp_capabilities", oob ? Map.of("enable", List.of("oob")) : Map.of(),
                            remaining(deadline));
                    return client;
                } catch (RuntimeException e) {
                    client.close();
                    throw e;
                }
            } catch (IOException e) {
                last = e;
            }
            if (System.nanoTime() >= deadline || !keepTrying.getAsBoolean()) {
                throw new QmpException("cannot connect to QMP socket " + socket + " within " + timeout
                        + (last == null ? "" : ": " + last.getMessage()), last);
            }
            sleepQuietly(20);
        }
    }

    public static QmpClient connect(Path socket, Duration timeout) {
        return connect(socket, timeout, () -> true);
    }

    /** The greeting's {@code QMP} member: {@code version} and {@code capabilities}. */
    public JsonNode greeting() {
        return greeting.getNow(JSON.nullNode());
    }

    /** QEMU's version from the greeting, e.g. {@code 10.0.2}. */
    public String qemuVersion() {
        JsonNode v = greeting().path("version").path("qemu");
        return v.path("major").asInt() + "." + v.path("minor").asInt() + "." + v.path("micro").asInt();
    }

    public JsonNode execute(String command) {
        return execute(command, Map.of(), DEFAULT_TIMEOUT);
    }

    public JsonNode execute(String command, Map<String, ?> arguments) {
        return execute(command, arguments, DEFAULT_TIMEOUT);
    }

    /**
     * Runs one command and returns its {@code return} member.
     *
     * @throws QmpException when QEMU answers {@code error}, the socket closes, or no answer comes within
     *                      {@code timeout}
     */
    public JsonNode execute(String command, Map<String, ?> arguments, Duration timeout) {
        return send("execute", command, arguments, timeout);
    }

    /**
     * Runs an out-of-band-capable command ({@code exec-oob}) such as {@code migrate-recover}: QEMU runs it at once in
     * the monitor's own thread, not queued behind the main loop.
     */
    public JsonNode executeOutOfBand(String command, Map<String, ?> arguments) {
        return send("exec-oob", command, arguments, DEFAULT_TIMEOUT);
    }

    private JsonNode send(String kind, String command, Map<String, ?> arguments, Duration timeout) {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put(kind, command);
        if (!arguments.isEmpty()) message.set("arguments", JSON.valueToTree(arguments));
        message.put("id", id);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, new Pending(command, answer));
        try {
            String closed = events.closedBecause();
            if (closed != null) throw new QmpException("QMP " + command + ": " + closed);
            byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (writeLock) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) channel.write(buffer);
            }
            return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            throw new QmpException("QMP " + command + ": cannot write to " + socket + ": " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new QmpException("QMP " + command + ": no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof QmpException q) throw q;
            throw new QmpException("QMP " + command + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmpException("QMP " + command + ": interrupted", e);
        } finally {
            pending.remove(id);
        }
    }

    /**
     * Waits for the first event matching {@code filter} that no earlier call returned (events that arrived
     * before this call count), and marks it taken.
     *
     * @throws QmpException on timeout, or when the socket closes first
     */
    public QmpEvent awaitEvent(Predicate<QmpEvent> filter, Duration timeout) {
        return events.await(filter, timeout);
    }

    /** Waits for the next not-yet-taken event called {@code name}. */
    public QmpEvent awaitEvent(String name, Duration timeout) {
        return awaitEvent(e -> e.name().equals(name), timeout);
    }

    /** Every event received so far, in order. */
    public List<QmpEvent> events() {
        return events.all();
    }

    public boolean isOpen() {
        return !events.isClosed();
    }

    @Override
    public void close() {
        markClosed("the client closed the connection");
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    // ---- reader ----

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            while (true) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) break;
                byte[] a = buffer.array();
                for (int i = 0; i < n; i++) {
                    if (a[i] == '\n') {
                        dispatch(line.toString(StandardCharsets.UTF_8).trim());
                        line.reset();
                    } else {
                        line.write(a[i]);
                    }
                }
            }
            markClosed("QEMU closed the QMP socket");
        } catch (IOException e) {
            markClosed("QMP socket error: " + e.getMessage());
        }
    }

    private void dispatch(String text) {
        if (text.isEmpty()) return;
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            markClosed("QEMU sent something that is not JSON: " + abbreviate(text));
            close();
            return;
        }
        if (message.has("QMP")) {
            greeting.complete(message.get("QMP"));
        } else if (message.has("event")) {
            JsonNode ts = message.path("timestamp");
            QmpEvent event = new QmpEvent(message.get("event").asText(),
                    message.has("data") ? message.get("data") : JSON.createObjectNode(), System.nanoTime(),
                    ts.path("seconds").asLong() * 1_000_000 + ts.path("microseconds").asLong());
            events.add(event);
        } else if (message.has("id")) {
            Pending p = pending.get(message.get("id").asLong());
            if (p == null) return;
            if (message.has("error")) {
                JsonNode error = message.get("error");
                p.answer().completeExceptionally(QmpException.fromQemu(p.command(),
                        error.path("class").asText("?"), error.path("desc").asText("")));
            } else {
                p.answer().complete(message.path("return"));
            }
        }
    }

    private void markClosed(String why) {
        String closedBecause = events.close(why);
        QmpException e = new QmpException(closedBecause);
        greeting.completeExceptionally(e);
        pending.values().forEach(p -> p.answer().completeExceptionally(
                new QmpException("QMP " + p.command() + ": " + closedBecause)));
    }

    private void awaitGreeting(Duration timeout) {
        try {
            greeting.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new QmpException("no QMP greeting on " + socket + " within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new QmpException("no QMP greeting on " + socket + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmpException("interrupted while waiting for the QMP greeting", e);
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }

    static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmpException("interrupted", e);
        }
    }
}
