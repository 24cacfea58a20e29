package io.miglab.qemu.compare;

import io.miglab.qemu.calibrate.ObservedInputs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The page's "Inputs" section: per case the {@code miglab simulate} command of its observable inputs, and the guest's
 * command line. A case whose runs kept the writer's achieved rate gets one row per run, each with its own
 * {@code --dirty-rate} ({@link GridCase#runSpec}); the others one row with the nominal rate.
 */
final class InputsTable {
    private InputsTable() {
    }

    static String render(List<CorpusStats.Row> rows) {
        StringBuilder md = new StringBuilder("## Inputs\n\n| case | category | held out | repeats | `miglab simulate` "
                + "(observable inputs) | guest | writer's achieved pages/s |\n|---|---|---|---:|---|---|---:|\n");
        for (GridCase c : GridCases.all()) {
            List<CorpusStats.Row> mine = rows.stream().filter(r -> r.gridCase().label().equals(c.label())).toList();
            if (mine.isEmpty()) continue;
            String guest = mine.stream().map(r -> r.qemu().guest()).filter(g -> g != null).findFirst().orElse("");
            if (mine.stream().allMatch(r -> r.qemu().achievedPagesPerSecond().isEmpty())) {
                row(md, c, c.label(), OptionalLong.empty(), guest);
                continue;
            }
            Map<String, OptionalLong> perRun = new LinkedHashMap<>();
            for (CorpusStats.Row r : mine) perRun.put(r.runLabel(), r.qemu().achievedPagesPerSecond());
            perRun.forEach((label, achieved) -> row(md, c, label, achieved, guest));
        }
        return md.toString();
    }

    private static void row(StringBuilder md, GridCase c, String label, OptionalLong achieved, String guest) {
        md.append("| ").append(label).append(" | ").append(c.category().label()).append(" | ")
                .append(c.heldOut() ? "yes" : "").append(" | ").append(c.repeats()).append(" | `")
                .append(ObservedInputs.command(c.runSpec(achieved))).append("` | ").append(guest).append(" | ")
                .append(achieved.isPresent() ? String.format(Locale.ROOT, "%,d", achieved.getAsLong()) : "")
                .append(" |\n");
    }
}
