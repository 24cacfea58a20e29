package io.miglab.qemu.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A tiny QMP server on a real Unix socket, for the client's unit tests only (the real QEMU is exercised by the
 * {@code qemu}-tagged integration tests). It greets like QEMU 10.0.2 and answers a few scripted commands:
 * {@code query-status}; {@code boom} (an error); {@code hang} (no answer); {@code bye} (closes the socket);
 * {@code emit} (two events split across writes, then the answer).
 */
final class FakeQmpServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServerSocketChannel server;
    private final Thread thread;
    private volatile SocketChannel client;

    FakeQmpServer(Path socket) throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = new Thread(this::serve, "fake-qmp");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        try (SocketChannel c = server.accept()) {
            client = c;
            send("{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 2, \"minor\": 0, \"major\": 10}, "
                    + "\"package\": \"fake\"}, \"capabilities\": [\"oob\"]}}\r\n");
            StringBuilder line = new StringBuilder();
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            while (c.read(buffer.clear()) > 0) {
                for (int i = 0; i < buffer.position(); i++) {
                    char ch = (char) buffer.get(i);
                    if (ch != '\n') {
                        line.append(ch);
                        continue;
                    }
                    if (!answer(JSON.readTree(line.toString()))) return;
                    line.setLength(0);
                }
            }
        } catch (IOException ignored) {
            // the test closed us
        }
    }

    /** Returns false to close the connection. */
    private boolean answer(JsonNode command) throws IOException {
        String id = command.get("id").toString();
        switch (command.get("execute").asText()) {
            case "qmp_capabilities" -> send("{\"return\": {}, \"id\": " + id + "}\r\n");
            case "query-status" -> send("{\"return\": {\"status\": \"running\", \"running\": true}, \"id\": " + id
                    + "}\r\n");
            case "boom" -> send("{\"id\": " + id + ", \"error\": {\"class\": \"GenericError\", "
                    + "\"desc\": \"There's a migration process in progress\"}}\r\n");
            case "hang" -> { }
            case "bye" -> {
                return false;
            }
            case "emit" -> {
                String pass = "{\"timestamp\": {\"seconds\": 1700000000, \"microseconds\": 5}, "
                        + "\"event\": \"MIGRATION_PASS\", \"data\": {\"pass\": 2}}\r\n";
                send(pass.substring(0, 40));
                send(pass.substring(40) + "{\"timestamp\": {\"seconds\": 1700000001, \"microseconds\": 0}, "
                        + "\"event\": \"MIGRATION\", \"data\": {\"status\": \"completed\"}}\r\n");
                send("{\"return\": {}, \"id\": " + id + "}\r\n");
            }
            default -> send("{\"id\": " + id + ", \"error\": {\"class\": \"CommandNotFound\", "
                    + "\"desc\": \"The command " + command.get("execute").asText() + " has not been found\"}}\r\n");
        }
        return true;
    }

    private void send(String text) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) client.write(b);
        try {
            Thread.sleep(5); // let the client see split writes as separate reads
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        SocketChannel c = client;
        if (c != null) c.close();
    }
}
