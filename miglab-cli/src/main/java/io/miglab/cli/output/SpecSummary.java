package io.miglab.cli.output;

import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.StopCondition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One line saying what a {@link MigrationSpec} describes, printed above result tables. */
public final class SpecSummary {
    private SpecSummary() { }

    public static String of(MigrationSpec s) {
        List<String> parts = new ArrayList<>();
        parts.add(s.memory().size() + " guest (" + s.memory().pageSizeBytes() + " B pages"
                + (s.memory().zeroPageShare() > 0 ? String.format(Locale.ROOT, ", %.0f%% zero",
                100 * s.memory().zeroPageShare()) : "")
                + (s.memory().layout() != MemoryLayout.MIDDLE ? ", " + s.memory().layout().word() + " layout" : "")
                + ")");
        String link = "link " + s.link().bandwidth();
        if (s.link().bandwidthCap().isPresent()) link += " capped at " + s.link().bandwidthCap().get();
        if (!s.link().roundTripLatency().isZero()) link += ", RTT " + ms(s.link().roundTripLatency());
        parts.add(link);
        parts.add("writes: " + s.writeModel().describe());
        parts.add(s.algorithm());
        parts.add("policy " + policy(s));
        if (s.autoConverge().isPresent()) parts.add("auto-converge");
        if (s.optimisations().xbzrle().isPresent()) parts.add("xbzrle");
        if (s.optimisations().compression().isPresent()) parts.add("compression");
        s.nas().ifPresent(n -> parts.add("NAS (in " + n.sourceToNas().bandwidth() + ", out "
                + n.nasToDestination().bandwidth() + ", RAID 5 of " + n.raid().disks() + " disks at "
                + n.raid().diskThroughput() + ")"));
        s.storage().ifPresent(d -> parts.add("disk " + d.disk().size() + " (" + d.strategy() + ")"));
        parts.add("seed " + s.seed());
        return String.join(", ", parts);
    }

    private static String policy(MigrationSpec s) {
        List<String> c = new ArrayList<>();
        for (StopCondition sc : s.policy().conditions()) {
            if (sc instanceof StopCondition.DowntimeBelow d) {
                c.add("downtime <= " + ms(d.limit()) + (d.checkedMidPass() ? " (checked mid-pass)" : ""));
            }
            else if (sc instanceof StopCondition.FewDirtyPages f) c.add("< " + f.pages() + " dirty pages");
            else if (sc instanceof StopCondition.MaxRounds r) c.add("max " + r.rounds() + " rounds");
            else if (sc instanceof StopCondition.MaxData m) c.add("max " + m.factor() + "x memory");
            else if (sc instanceof StopCondition.Timeout t) c.add("timeout " + ms(t.after()));
        }
        return s.policy().name() + " (" + String.join("; ", c) + "; at a limit: "
                + s.policy().onLimit().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")";
    }

    static String ms(Duration d) {
        double ms = d.toNanos() / 1e6;
        if (ms >= 1000 && ms % 1000 == 0) return (long) (ms / 1000) + " s";
        return (ms == Math.rint(ms) ? Long.toString((long) ms) : Double.toString(ms)) + " ms";
    }
}
