package io.miglab.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.miglab.core.result.Metrics;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.ResultValues;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * {@link MigrationResult} as JSON: the stored metrics of {@link Metrics} by name (stable, see docs/cli.md) in the
 * list's order, then {@code rounds} and {@code assumptions}; the output depends only on the result, so the same
 * run gives the same bytes.
 */
public final class ResultJsonWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectWriter LINE = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private ResultJsonWriter() { }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} as JSON on one line (JSON lines), the same fields as {@link #toJson}. */
    public static String toJsonLine(Object value) {
        try {
            return LINE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(MigrationResult r, PrintWriter out) {
        write(Metrics.STANDARD, r, out);
    }

    public static void write(Metrics metrics, MigrationResult r, PrintWriter out) {
        out.println(toJson(ResultValues.flat(r, metrics)));
        out.flush();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
