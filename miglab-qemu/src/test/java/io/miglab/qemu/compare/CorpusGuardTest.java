package io.miglab.qemu.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Timing;
import io.miglab.core.result.Traffic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The guard of the comparison corpus: the simulator side recomputed from the stored QEMU runs (what
 * {@code CompareGrid --sim-only} does, no QEMU) must keep every category within the bounds the page states
 * ({@link Category}).
 */
class CorpusGuardTest {
    private static final Path RUNS = Path.of("../docs/qemu-vs-sim.json");

    // Guards against a model change that makes any category of the corpus worse than its stated bound on p90 time
    // or bytes error, downtime within tolerance, or outcome agreement.
    @Test
    void everyCategoryKeepsItsBounds() throws Exception {
        Map<String, QemuMeasurement> runs = CompareGrid.load(RUNS);
        List<CorpusStats.Row> rows = CorpusPage.rows(runs);
        Map<Category, CorpusStats> stats = CorpusStats.byCategory(rows);
        assertThat(stats).containsKey(Category.PRE_COPY);
        assertThat(stats.get(Category.PRE_COPY).runs()).isGreaterThanOrEqualTo(8);
        List<String> broken = new ArrayList<>();
        for (CorpusStats s : stats.values()) broken.addAll(s.broken());
        assertThat(broken).isEmpty();
    }

    // Guards the guard: a simulator result off by a third breaks the bound of its category.
    @Test
    void aLargeErrorBreaksTheBound() throws Exception {
        List<CorpusStats.Row> rows = CorpusPage.rows(CompareGrid.load(RUNS)).stream()
                .filter(r -> r.gridCase().category() == Category.PRE_COPY).toList();
        List<CorpusStats.Row> skewed = rows.stream().map(r -> new CorpusStats.Row(r.runLabel(), r.gridCase(),
                r.qemu(), scaled(r.qemu().result(), 1.35))).toList();
        assertThat(CorpusStats.of(Category.PRE_COPY, skewed).broken()).anyMatch(s -> s.contains("p90 time error"))
                .anyMatch(s -> s.contains("p90 bytes error"));
    }

    private static MigrationResult scaled(MigrationResult q, double f) {
        Timing t = q.timing();
        Traffic b = q.traffic();
        return new MigrationResult("sim", q.algorithm(), q.outcome(),
                new Timing(t.preparationTimeMs(), t.downtimeMs(), t.resumeTimeMs(),
                        t.totalTimeMs() * f, t.precopyTimeMs() * f),
                new Traffic(Math.round(b.bytesTransferred() * f), b.pagesTransferred(),
                        b.pagesResent(), b.zeroPages(), b.precopyBytes(), b.stopCopyBytes(), b.postcopyBytes()),
                q.guestImpact(), q.rounds(), q.assumptions());
    }
}
