package io.miglab.cli.output;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.StageStats;
import java.io.PrintWriter;
import java.util.List;

/**
 * A result's stages ({@link MigrationResult#stages()}) for {@code --stages}: a table for people, or CSV rows with the
 * same columns and names as the JSON's {@code stages} list ({@code stage,startMs,durationMs,bytes}). The stage rows
 * are their own list, like the rounds, rather than columns of the one-row result CSV: a run has a varying number of
 * stages (post-copy, a failure), and one row per stage keeps the CSV's columns fixed.
 */
public final class StageWriter {
    public static final List<String> CSV_HEADER = List.of("stage", "startMs", "durationMs", "bytes");

    private StageWriter() { }

    public static void writeTable(MigrationResult r, PrintWriter out) {
        TextTable t = new TextTable("stage", "start ms", "duration ms", "MiB", "bytes");
        for (StageStats s : r.stages()) {
            t.row(s.stage(), Units.number(s.startMs(), 1), Units.number(s.durationMs(), 1),
                    Units.mibNumber(s.bytes()), s.bytes());
        }
        t.row("total", "", Units.number(r.timing().totalTimeMs(), 1), Units.mibNumber(r.traffic().bytesTransferred()),
                r.traffic().bytesTransferred());
        t.print(out);
        out.flush();
    }

    public static void writeCsv(MigrationResult r, PrintWriter out) {
        out.println(Csv.line(CSV_HEADER));
        for (StageStats s : r.stages()) {
            out.println(Csv.line(List.of(s.stage(), String.valueOf(s.startMs()), String.valueOf(s.durationMs()),
                    String.valueOf(s.bytes()))));
        }
        out.flush();
    }
}
