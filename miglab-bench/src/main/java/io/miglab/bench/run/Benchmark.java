package io.miglab.bench.run;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Baseline;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.reference.ReferenceSet;
import io.miglab.bench.score.MetricScore;
import io.miglab.bench.score.Scorer;
import io.miglab.bench.store.ResultsStore;
import io.miglab.bench.store.RunRecord;
import io.miglab.bench.store.RunStatus;
import io.miglab.bench.workload.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The Virt-LM benchmark method: for each host load and workload, measure the workload's throughput without
 * migration, then migrate it at N evenly spaced points of its run (moving it back after each), score the four
 * metrics against a reference set and store the run.
 *
 * <p>One instance runs one benchmark; {@link #cancel()} (from another thread, e.g. a Ctrl-C hook) stops it: the
 * platform stops its processes, what was measured is stored with status {@code incomplete}, and {@link #run}
 * throws {@link BenchmarkCancelledException}.
 */
public final class Benchmark {
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean cancelled;
    private volatile Thread runner;
    private volatile BenchPlatform platform;

    /** Runs the benchmark on {@code platform}, which it closes at the end. */
    public RunRecord run(BenchConfig config, BenchPlatform platform, ResultsStore store, ProgressListener listener)
            throws BenchmarkCancelledException {
        if (runner != null) throw new IllegalStateException("a Benchmark runs once");
        runner = Thread.currentThread();
        this.platform = platform;
        try (platform) {
            platform.check(config);
            ReferenceSet reference = References.resolve(config.referenceName(), store);
            if (cancelled) throw new BenchmarkCancelledException("cancelled before the run started");
            long runId = store.beginRun(config.runName(), platform.backendName(), config.referenceName(),
                    ConfigJson.toJson(config, platform.backendName()));
            listener.onMessage("run " + runId + " (" + config.runName() + ") started; results go to " + store.url());
            return measureAndStore(runId, config, platform, reference, store, listener);
        } finally {
            finished.countDown();
        }
    }

    private RunRecord measureAndStore(long runId, BenchConfig config, BenchPlatform platform, ReferenceSet reference,
                                      ResultsStore store, ProgressListener listener)
            throws BenchmarkCancelledException {
        List<Baseline> baselines = new ArrayList<>();
        List<Measurement> measurements = new ArrayList<>();
        StepClock clock = new StepClock(plan(config, platform));
        try {
            for (HostLoad load : config.hostLoads()) {
                for (Workload w : config.workloads()) {
                    checkCancelled();
                    listener.onProgress(clock.starting(load.label() + " " + w.name() + " baseline"));
                    Baseline b = platform.baseline(w, load, config);
                    baselines.add(b);
                    clock.stepDone();
                    for (int k = 1; k <= config.points(); k++) {
                        checkCancelled();
                        listener.onProgress(clock.starting(load.label() + " " + w.name() + " point " + k + "/"
                                + config.points()));
                        Measurement m = platform.migrate(w, load, k, b, config);
                        measurements.add(m);
                        if (!m.result().outcome().completed()) {
                            listener.onMessage(w.name() + " point " + k + ": migration did not complete ("
                                    + m.result().outcome().stopReason() + ")");
                        }
                        clock.stepDone();
                    }
                }
            }
            listener.onProgress(clock.progress("done"));
        } catch (InterruptedException | RuntimeException | Error e) {
            boolean byUser = cancelled || e instanceof InterruptedException;
            Thread.interrupted(); // the store must not see an interrupt
            String note = (byUser ? "cancelled" : "failed: " + e) + " after " + clock.done() + " of "
                    + clock.total() + " steps";
            try {
                store.finishRun(runId, RunStatus.INCOMPLETE, note, baselines, measurements, List.of(),
                        config.referenceName());
                listener.onMessage("run " + runId + " stored as incomplete: " + note);
            } catch (RuntimeException | Error storeFailure) {
                // the row stays "running" and is marked incomplete at the next open; report the first failure
                e.addSuppressed(storeFailure);
            }
            if (byUser) throw new BenchmarkCancelledException("run " + runId + " " + note);
            if (e instanceof Error err) throw err;
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        List<MetricScore> scores = Scorer.scoreAll(measurements, reference);
        store.finishRun(runId, RunStatus.COMPLETE, null, baselines, measurements, scores, config.referenceName());
        return store.loadRun(runId).orElseThrow();
    }

    private static List<Duration> plan(BenchConfig config, BenchPlatform platform) {
        List<Duration> steps = new ArrayList<>();
        for (HostLoad load : config.hostLoads()) {
            for (Workload w : config.workloads()) {
                for (int k = 0; k <= config.points(); k++) steps.add(platform.expectedStep(w, load, k, config));
            }
        }
        return steps;
    }

    private void checkCancelled() throws InterruptedException {
        if (cancelled || Thread.currentThread().isInterrupted()) throw new InterruptedException("cancelled");
    }

    /** Stops the run from another thread; returns at once. */
    public void cancel() {
        cancelled = true;
        BenchPlatform p = platform;
        if (p != null) p.cancel();
        Thread t = runner;
        if (t != null && t != Thread.currentThread()) t.interrupt();
    }

    public boolean isCancelled() { return cancelled; }

    /** Waits until {@link #run} has returned or thrown (for a shutdown hook). */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return runner == null || finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
