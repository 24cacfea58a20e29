package io.miglab.bench.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.miglab.bench.metric.Measurement;
import io.miglab.bench.report.TextSummary;
import io.miglab.bench.run.BenchConfig;
import io.miglab.bench.run.Benchmark;
import io.miglab.bench.run.ProgressListener;
import io.miglab.bench.store.ResultsStore;
import io.miglab.bench.store.RunRecord;
import io.miglab.bench.store.RunStatus;
import io.miglab.bench.workload.Workloads;
import io.miglab.qemu.migrate.QemuRunOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web workload on real QEMU: an httpd guest with a user-mode NIC migrates while the host's load generator keeps
 * requesting its page, first through the source's port forward, then the destination's (about 25 s here).
 */
@Tag("qemu")
class WebOnQemuTest {
    private static final Pattern AFTER = Pattern.compile("after the window ([0-9.]+) requests/s");
    private static final Pattern LOST = Pattern.compile("lost ([0-9.]+) requests = ([0-9]+) ms of service");

    @TempDir
    Path dir;

    // Guards the whole web chain: a destination without the same NIC (migration fails), a generator that does not
    // follow the guest to the destination's port (no answers after the migration), a plan that boots the wrong
    // program (its guest line), and a lost-requests figure that disagrees with the stored overhead.
    @Test
    void aWebGuestMigratesWhileTheHostLoadGeneratorKeepsGettingAnswers() throws Exception {
        RealQemu.require();
        BenchConfig config = BenchConfig.defaults("web-qemu").withWorkloads(Workloads.parse("web")).withPoints(1)
                .withRunLength(Duration.ofSeconds(4)).withBaselineWindow(Duration.ofSeconds(3));
        RunRecord run;
        try (ResultsStore store = ResultsStore.open(dir.resolve("bench.db").toString())) {
            run = new Benchmark().run(config, QemuPlatform.open(QemuRunOptions.defaults()), store,
                    ProgressListener.NONE);
        }
        System.out.println(TextSummary.format(run));
        run.measurements().forEach(m -> m.result().assumptions().forEach(a -> System.out.println("  " + a)));

        assertThat(run.info().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.baselines()).singleElement().satisfies(b -> {
            assertThat(b.unit()).isEqualTo("requests/s");
            assertThat(b.throughput()).as("requests/s before the migration").isPositive();
        });
        Measurement m = run.measurements().get(0);
        assertThat(m.result().outcome().completed()).isTrue();
        assertThat(m.result().assumptions()).anyMatch(a -> a.startsWith("QEMU ") && a.endsWith("workload=httpd"));
        assertThat(m.result().assumptions()).anyMatch(a -> a.contains("switched to 127.0.0.1:"));

        String web = m.result().assumptions().stream().filter(a -> a.contains("ms of service")).findFirst()
                .orElseThrow();
        Matcher after = AFTER.matcher(web);
        assertThat(after.find()).as(web).isTrue();
        assertThat(Double.parseDouble(after.group(1))).as("requests/s after the migration, on the destination")
                .isPositive();
        Matcher lost = LOST.matcher(web);
        assertThat(lost.find()).as(web).isTrue();
        double lostRequests = Double.parseDouble(lost.group(1));
        double lostMs = Double.parseDouble(lost.group(2));
        // lost time = lost requests at the baseline rate, and the overhead is the same loss over the migration time
        // (the tolerances are the rounding of the printed figures)
        assertThat(lostMs).isCloseTo(1000 * lostRequests / m.baselineThroughput(),
                offset(0.51 + 50 / m.baselineThroughput()));
        assertThat(m.overheadPercent()).isCloseTo(100 * lostMs / m.result().timing().totalTimeMs(),
                offset(0.01 + 50 / m.result().timing().totalTimeMs()));
    }
}
