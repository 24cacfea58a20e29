package io.miglab.cli.sweep;

import java.util.List;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for a sweep of real migrations: migrations done of all, the last one, and the time left
 * at the mean pace of the migrations so far.
 */
public final class SweepProgress implements SweepRunner.Listener {
    private ProgressBar bar;
    private long startNanos;
    private int total;
    private int done;

    @Override
    public void started(int migrations) {
        total = migrations;
        startNanos = System.nanoTime();
        bar = new ProgressBarBuilder().setTaskName("sweep").setInitialMax(migrations).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).hideEta().build();
        bar.setExtraMessage("first guest booting");
    }

    @Override
    public void migrated(Supplier<String> what) {
        done++;
        double perRun = (System.nanoTime() - startNanos) / 1e9 / done;
        long left = Math.round(perRun * (total - done));
        bar.stepTo(done);
        bar.setExtraMessage(what.get() + ", about " + (left >= 60 ? left / 60 + " min " + left % 60 + " s" : left + " s")
                + " left");
        if (done == total) bar.close();
    }

    @Override
    public void pointDone(List<SweepPoint> soFar) {
        // the bar counts migrations; the CSV has the point
    }

    /** Closes the bar if the sweep ended early. */
    public void close() {
        if (bar != null) bar.close();
    }
}
