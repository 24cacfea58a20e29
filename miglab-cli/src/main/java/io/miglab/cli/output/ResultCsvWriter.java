package io.miglab.cli.output;

import io.miglab.core.result.MigrationResult;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link MigrationResult} as CSV: one column per scalar record component (same names as the JSON), then
 * {@code roundCount} and {@code assumptions} (joined with "; "). The per-round list is left to the JSON.
 */
public final class ResultCsvWriter {
    private ResultCsvWriter() { }

    public static List<String> header() {
        List<String> h = new ArrayList<>();
        for (RecordComponent c : MigrationResult.class.getRecordComponents()) {
            if (scalar(c)) h.add(c.getName());
        }
        h.add("roundCount");
        h.add("assumptions");
        return h;
    }

    public static List<String> cells(MigrationResult r) {
        List<String> cells = new ArrayList<>();
        for (RecordComponent c : MigrationResult.class.getRecordComponents()) {
            if (scalar(c)) cells.add(String.valueOf(value(c, r)));
        }
        cells.add(Integer.toString(r.roundCount()));
        cells.add(String.join("; ", r.assumptions()));
        return cells;
    }

    public static void write(MigrationResult r, PrintWriter out, boolean withHeader) {
        if (withHeader) out.println(Csv.line(header()));
        out.println(Csv.line(cells(r)));
        out.flush();
    }

    private static boolean scalar(RecordComponent c) {
        return !List.class.isAssignableFrom(c.getType());
    }

    private static Object value(RecordComponent c, MigrationResult r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
