package io.miglab.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.miglab.core.result.MigrationResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * {@link MigrationResult} as JSON. Field names are the record's component names (stable, see docs/cli.md), in
 * declaration order; the output depends only on the result, so the same run gives the same bytes.
 */
public final class ResultJsonWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultJsonWriter() { }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(MigrationResult r, PrintWriter out) {
        out.println(toJson(r));
        out.flush();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
