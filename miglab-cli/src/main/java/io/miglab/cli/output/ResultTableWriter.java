package io.miglab.cli.output;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.RoundStats;
import java.io.PrintWriter;

/** Lays out one {@link MigrationResult} as a readable table: every field, then optionally the rounds. */
public final class ResultTableWriter {
    private ResultTableWriter() { }

    public static void write(MigrationResult r, PrintWriter out) {
        TextTable t = new TextTable("", "").leftAligned();
        t.row("backend", r.backend());
        t.row("algorithm", r.algorithm());
        t.row("converged", Units.yesNo(r.converged()));
        t.row("completed", Units.yesNo(r.completed()));
        t.row("stop reason", r.stopReason());
        t.row("total time", Units.ms(r.totalTimeMs()));
        t.row("pre-copy time", Units.ms(r.precopyTimeMs()));
        t.row("downtime", Units.ms(r.downtimeMs()));
        t.row("preparation time", Units.ms(r.preparationTimeMs()));
        t.row("resume time", Units.ms(r.resumeTimeMs()));
        t.row("rounds", r.roundCount());
        t.row("transferred", Units.mib(r.bytesTransferred()) + " (" + r.bytesTransferred() + " B)");
        t.row("  pre-copy", Units.mib(r.precopyBytes()));
        t.row("  stop-and-copy", Units.mib(r.stopCopyBytes()));
        t.row("  post-copy", Units.mib(r.postcopyBytes()));
        t.row("pages transferred", r.pagesTransferred());
        t.row("pages re-sent", r.pagesResent());
        t.row("zero pages", r.zeroPages());
        t.row("post-copy faults", r.postcopyFaults());
        t.row("guest slowdown", Units.percent(r.guestSlowdownPercent()));
        t.row("max throttle", r.maxThrottlePercent() + " %");
        t.print(out);
        if (!r.assumptions().isEmpty()) {
            out.println();
            out.println("assumptions:");
            for (String a : r.assumptions()) out.println("  - " + a);
        }
        out.flush();
    }

    public static void writeRounds(MigrationResult r, PrintWriter out) {
        TextTable t = new TextTable("round", "pages", "MiB", "duration ms", "dirty pages/s", "throttle %");
        for (RoundStats s : r.rounds()) {
            t.row(s.round(), s.pages(), Units.mibNumber(s.bytes()), Units.number(s.durationMs(), 1),
                    Units.number(s.dirtyRate(), 0), s.throttlePercent());
        }
        t.print(out);
    }
}
