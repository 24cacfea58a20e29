package io.miglab.bench.run;

import java.time.Duration;
import java.util.List;

/**
 * The time-left estimate: the platform's expected step lengths, scaled by the ratio of the real time the finished
 * steps took to what was expected for them.
 */
final class StepClock {
    private final List<Duration> expected;
    private final long startNanos = System.nanoTime();
    private int done;

    StepClock(List<Duration> expected) {
        this.expected = List.copyOf(expected);
    }

    Progress starting(String step) {
        return progress(step);
    }

    void stepDone() {
        done++;
    }

    int done() { return done; }

    int total() { return expected.size(); }

    Progress progress(String step) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        return new Progress(done, expected.size(), step, elapsed, remaining(elapsed));
    }

    Duration remaining(Duration elapsed) {
        long expectedDone = 0, expectedLeft = 0;
        for (int i = 0; i < expected.size(); i++) {
            if (i < done) expectedDone += expected.get(i).toNanos();
            else expectedLeft += expected.get(i).toNanos();
        }
        double scale = done == 0 || expectedDone == 0 ? 1 : (double) elapsed.toNanos() / expectedDone;
        return Duration.ofNanos((long) (expectedLeft * scale));
    }
}
