package io.miglab.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.result.GuestImpact;
import io.miglab.core.result.HostCost;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Outcome;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.Timing;
import io.miglab.core.result.Traffic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The side-by-side table that {@code migrate --compare} uses. */
class ComparisonTableWriterTest {
    private static MigrationResult result(String backend, double totalMs, double downtimeMs, long bytes) {
        return new MigrationResult(backend, "precopy", new Outcome(true, true, StopReason.DOWNTIME_LIMIT_MET),
                new Timing(0, downtimeMs, 0, totalMs, totalMs - downtimeMs),
                new Traffic(bytes, bytes / 4096, 0, 0, bytes, 0, 0),
                new GuestImpact(0, 0, 0), List.of(), List.of());
    }

    // Guards against the difference being computed the wrong way round (A vs B) or as an absolute value.
    @Test
    void difference_isBRelativeToA() {
        assertThat(ComparisonTableWriter.difference(100, 150)).isEqualTo("+50.0 %");
        assertThat(ComparisonTableWriter.difference(200, 150)).isEqualTo("-25.0 %");
        assertThat(ComparisonTableWriter.difference(0, 0)).isEqualTo("=");
        assertThat(ComparisonTableWriter.difference(0, 3)).isEqualTo("n/a");
    }

    // Guards against rows being mislabelled or the columns swapped.
    @Test
    void table_showsBothResultsAndTheDifferencePerRow() {
        StringWriter s = new StringWriter();
        ComparisonTableWriter.write("sim", result("sim", 1000, 100, 1 << 30), "qemu",
                result("qemu", 1200, 50, 1 << 30), new PrintWriter(s));
        List<String> lines = s.toString().lines().toList();
        assertThat(lines.get(0)).contains("A: sim").contains("B: qemu").contains("B vs A");
        assertThat(lines).anyMatch(l -> l.matches("total time ms\\s+1000\\.0\\s+1200\\.0\\s+\\+20\\.0 %"));
        assertThat(lines).anyMatch(l -> l.matches("downtime ms\\s+100\\.0\\s+50\\.0\\s+-50\\.0 %"));
        assertThat(lines).anyMatch(l -> l.matches("transferred MiB\\s+1024\\.0\\s+1024\\.0\\s+="));
        assertThat(lines).anyMatch(l -> l.matches("backend\\s+sim\\s+qemu\\s+differs"));
    }

    // Guards against a figure only the real run has (host cost) printed as a raw double beside "differs": it keeps
    // its unit and rounding, the other side shows "-", and no difference is claimed.
    @Test
    void aFigureOnlyOneSideHas_isFormattedAndNotCompared() {
        HostCost host = new HostCost(true, 1200.25, 668.2167, 0, 9002.041, 315_940_864L, 187_445_248L, 6, 6,
                300, 200, 900, 468.4668);
        StringWriter s = new StringWriter();
        ComparisonTableWriter.write("qemu", result("qemu", 1200, 50, 1 << 30).withHostCost(host), "sim",
                result("sim", 1000, 100, 1 << 30), new PrintWriter(s));
        List<String> lines = s.toString().lines().toList();
        assertThat(lines).anyMatch(l -> l.matches("host sampling window ms\\s+9002\\.0\\s+-\\s+n/a"));
        assertThat(lines).anyMatch(l -> l.matches("source peak RSS MiB\\s+301\\.3\\s+-\\s+n/a"));
        assertThat(lines).anyMatch(l -> l.matches("source threads \\(most\\)\\s+6\\s+-\\s+n/a"));
        assertThat(lines).anyMatch(l -> l.matches("host cost measured\\s+yes\\s+-\\s+n/a"));
        assertThat(lines).filteredOn(l -> l.startsWith("host") || l.contains("peak RSS"))
                .noneMatch(l -> l.contains("differs"));
        assertThat(s.toString()).doesNotContain("9002.041");
    }
}
