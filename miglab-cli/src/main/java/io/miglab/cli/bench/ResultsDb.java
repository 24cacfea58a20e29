package io.miglab.cli.bench;

import io.miglab.bench.store.ResultsStore;
import io.miglab.bench.store.StoreException;
import io.miglab.cli.common.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * {@code --db}: a SQLite file or a JDBC URL, checked before anything is written. A URL needs a driver miglab
 * carries; a file must not be a folder, and an existing file must be a SQLite database. {@code report} reads only:
 * its file must exist.
 */
final class ResultsDb {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private ResultsDb() { }

    /** For {@code bench}: the file may be new. */
    static void checkWritable(String db) {
        check(db, false);
    }

    /** For {@code report}: the database must exist. */
    static void checkExisting(String db) {
        check(db, true);
    }

    /** Opens a checked database; a failure to connect is one line naming the database. */
    static ResultsStore open(String db) {
        try {
            return ResultsStore.open(db);
        } catch (StoreException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String why = cause.getMessage() == null ? "no reason given" : cause.getMessage().lines().findFirst()
                    .orElse("");
            throw new BadInputException("db: cannot open '" + ResultsStore.redact(db) + "' (" + why + ")", e);
        }
    }

    private static void check(String db, boolean mustExist) {
        if (db == null || db.isBlank()) throw new BadInputException("db: a SQLite file or a jdbc: URL (got nothing)");
        if (db.startsWith("jdbc:")) {
            try {
                DriverManager.getDriver(db);
            } catch (SQLException e) {
                throw new BadInputException("db: a SQLite file, or a JDBC URL starting jdbc:sqlite: or "
                        + "jdbc:postgresql: (got '" + ResultsStore.redact(db) + "', which no driver takes)");
            }
            return;
        }
        Path file = Path.of(db);
        if (Files.isDirectory(file)) {
            throw new BadInputException("db: a SQLite file, not a folder (got '" + db + "')");
        }
        if (!Files.exists(file)) {
            if (mustExist) {
                throw new BadInputException("db: an existing results database written by miglab bench (got '" + db
                        + "': no such file)");
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new BadInputException("db: a file in an existing folder (got '" + db + "')");
            }
            return;
        }
        if (!isSqlite(file)) {
            throw new BadInputException("db: a SQLite database file (got '" + db + "', which is not one)");
        }
    }

    private static boolean isSqlite(Path file) {
        byte[] head = new byte[SQLITE_HEADER.length];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n == 0) return true;
            return n == head.length && Arrays.equals(head, SQLITE_HEADER);
        } catch (IOException e) {
            throw new BadInputException("db: a readable SQLite file (got '" + file + "': cannot read it)");
        }
    }
}
