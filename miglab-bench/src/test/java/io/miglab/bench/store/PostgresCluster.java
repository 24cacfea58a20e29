package io.miglab.bench.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster for a test: initdb in a temporary folder, pg_ctl start on 127.0.0.1 and a free
 * port, trust authentication, stopped and deleted by {@link #close()}. PostgreSQL refuses to run as root, so as
 * root the server runs as the {@code postgres} user (via {@code runuser}). A missing PostgreSQL fails the test;
 * only {@code ./miglab test --skip-postgres} (system property {@code miglab.test.skip=postgres}) makes it a skip.
 */
final class PostgresCluster implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresCluster(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    static PostgresCluster start() throws IOException, InterruptedException {
        Path bin = findBin().orElseGet(() -> {
            String msg = "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
                    + " (apt-get install postgresql)";
            if (List.of(System.getProperty("miglab.test.skip", "").split(",")).contains("postgres")) {
                Assumptions.abort("skipped by --skip-postgres: " + msg);
            }
            fail(msg + " (./miglab test --skip-postgres skips this test)");
            return null;
        });
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("miglab-pg-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        if (root) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        PostgresCluster c = new PostgresCluster(bin, dir, port, root);
        c.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "miglab",
                "-A", "trust", "--no-sync", "-E", "UTF8"));
        c.run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                "-l", dir.resolve("log").toString(), "-o", "-p " + port + " -k " + dir
                        + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
        return c;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=miglab";
    }

    private static Optional<Path> findBin() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) return Optional.empty();
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl"))
                    && Files.isExecutable(b.resolve("initdb"))).max(Comparator.naturalOrder());
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgresUser) cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("cmd.out").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        if (p.exitValue() != 0) {
            throw new IOException(command.get(0) + " failed (" + p.exitValue() + "): "
                    + Files.readString(dir.resolve("cmd.out")));
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"));
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
