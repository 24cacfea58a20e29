package io.miglab.cli.batch;

import io.miglab.cli.common.BadInputException;
import io.miglab.cli.output.Csv;
import io.miglab.cli.output.ResultCsvWriter;
import io.miglab.cli.output.ResultJsonWriter;
import io.miglab.cli.spec.ScenarioValues;
import io.miglab.cli.spec.SpecFactory;
import io.miglab.core.MigrationBackend;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.result.Metrics;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.ResultValues;
import io.miglab.core.spec.MigrationSpec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code predict --batch FILE}: one prediction per input line, one result row per line out (CSV under a header,
 * or JSON lines with the fields of {@code predict --json}), in the input's order. Lines are read and written one
 * at a time into a temporary file beside the output, which becomes the output (or is copied to stdout) only when
 * every line was good: a bad line stops the run with one message naming its line number and field, and nothing
 * is written. The temporary file is removed on every path.
 */
public final class BatchPrediction {
    /** How the rows are written. */
    public enum Format { CSV, JSON_LINES }

    static final int KEPT_SPECS = 10_000;

    private final ScenarioValues base;
    private final SpecFactory factory;
    private final MigrationBackend backend;
    private final Format format;
    private final Map<Object, MigrationSpec> specs = new HashMap<>();

    /** {@code base}: the command line's settings, under every line's own. */
    public BatchPrediction(ScenarioValues base, SpecFactory factory, MigrationBackend backend, Format format) {
        this.base = base;
        this.factory = factory;
        this.backend = backend;
        this.format = format;
    }

    /** Runs every line of {@code input}; writes to {@code out}, or to {@code stdout} when it is empty. */
    public long run(Path input, Optional<Path> out, PrintWriter stdout) throws IOException {
        Path folder = out.map(p -> p.toAbsolutePath().getParent()).orElse(null);
        if (folder != null && !Files.isDirectory(folder)) {
            throw new BadInputException("out: a file in an existing folder (no folder " + folder + ")");
        }
        Path temp = folder == null ? Files.createTempFile("miglab-batch", ".tmp")
                : Files.createTempFile(folder, ".miglab-batch", ".tmp");
        try {
            long rows;
            // one buffer, of bytes: the rows go to the file 256 KiB at a time
            try (OutputStream w = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 18)) {
                rows = write(input, w);
            }
            if (out.isPresent()) {
                Files.move(temp, out.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                try (var reader = Files.newBufferedReader(temp, StandardCharsets.UTF_8)) {
                    reader.transferTo(stdout);
                }
                stdout.flush();
            }
            return rows;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private long write(Path input, OutputStream w) throws IOException {
        // one line's text, made in place and written as UTF-8 bytes (no String per line)
        StringBuilder line = new StringBuilder(1024);
        if (format == Format.CSV) {
            line.append(Csv.line(ResultCsvWriter.header(Metrics.STANDARD))).append('\n');
            writeUtf8(line, w);
        }
        long[] rows = {0};
        ResultCsvWriter.Rows csv = new ResultCsvWriter.Rows(Metrics.STANDARD);
        BatchRows.forEach(input, row -> {
            MigrationResult result = backend.migrate(spec(input, row));
            line.setLength(0);
            if (format == Format.CSV) {
                csv.append(line, result);
            } else {
                line.append(ResultJsonWriter.toJsonLine(ResultValues.flat(result, Metrics.STANDARD)));
            }
            line.append('\n');
            writeUtf8(line, w);
            rows[0]++;
        });
        return rows[0];
    }

    /**
     * {@code line} in UTF-8, the bytes an {@code OutputStreamWriter} writes for it: a String's encoder copies a line
     * of ASCII (a row's figures and the closed form's sentences, as a rule) whole, where a char-by-char loop or the
     * stream encoder's buffers cost more than the copy.
     */
    private static void writeUtf8(StringBuilder line, OutputStream w) throws IOException {
        w.write(line.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The spec of a line: built once for each distinct line (its {@link BatchRows.Row#key}), since it depends on
     * nothing else (the command line's settings are the same for every line) and batches often repeat lines (a grid
     * written out, a trace of the same few guests); building and checking a spec cost more than predicting with it.
     * At most {@link #KEPT_SPECS} are kept (the store is emptied when full), so memory stays bounded.
     */
    private MigrationSpec spec(Path input, BatchRows.Row row) {
        MigrationSpec spec = specs.get(row.key());
        if (spec != null) return spec;
        spec = build(input, row);
        if (specs.size() == KEPT_SPECS) specs.clear();
        specs.put(row.key(), spec);
        return spec;
    }

    private MigrationSpec build(Path input, BatchRows.Row row) {
        ScenarioValues values = base.overriddenBy(ScenarioValues.of(row.values().get(), "batch line " + row.line()));
        try {
            return factory.build(values);
        } catch (InvalidSpecException | BadInputException e) {
            throw BatchRows.bad(input, row.line(), e.getMessage());
        }
    }
}
