package io.miglab.core.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stages of one migration as an engine goes through them: {@link #begin} a stage at a time (the previous one
 * ends there), {@link #sent} bytes into the current one, then {@link #stages} at the end. Every engine fills one:
 * the page-level session and the rate-based migration through their {@link Timeline}, the closed form and the
 * QEMU mapper directly (the QEMU mapper from QMP's events: setup, active, device, postcopy-active, completed).
 */
public final class StageLog {
    private final List<Stage> stages = new ArrayList<>();
    // primitive arrays: sent() is called for every post-copy page, and boxing its sum halved post-copy's speed
    private double[] starts = new double[8];
    private double[] bytes = new double[8];
    private int announceRounds;
    private double lastAnnounceSeconds;

    /**
     * The destination announces the guest in {@code rounds} self-announce rounds after activation, the last
     * {@code lastAfterSeconds} after the guest started (core.spec.Announce); called as activation begins.
     */
    public void announces(int rounds, double lastAfterSeconds) {
        announceRounds = rounds;
        lastAnnounceSeconds = lastAfterSeconds;
    }

    /** The announce rounds set by {@link #announces}. */
    public int announceRounds() {
        return announceRounds;
    }

    /** Seconds from the guest's start on the destination to the last announce round. */
    public double lastAnnounceAfterSeconds() {
        return lastAnnounceSeconds;
    }

    /** The stage {@code stage} begins {@code atSeconds} after the start; the current one ends there. */
    public void begin(Stage stage, double atSeconds) {
        int n = stages.size();
        if (n > 0 && atSeconds < starts[n - 1] - 1e-12) {
            throw new IllegalArgumentException(stage.label() + " begins before the stage it follows");
        }
        if (n == starts.length) {
            starts = Arrays.copyOf(starts, 2 * n);
            bytes = Arrays.copyOf(bytes, 2 * n);
        }
        stages.add(stage);
        starts[n] = atSeconds;
        bytes[n] = 0;
    }

    /** Bytes on the wire during the current stage. */
    public void sent(double b) {
        if (stages.isEmpty()) throw new IllegalStateException("bytes sent before any stage began");
        bytes[stages.size() - 1] += b;
    }

    /** The stage now under way, or null before the first. */
    public Stage current() {
        return stages.isEmpty() ? null : stages.get(stages.size() - 1);
    }

    /** When the current stage began, in seconds. */
    public double currentStart() {
        return stages.isEmpty() ? 0 : starts[stages.size() - 1];
    }

    /** Bytes sent so far in the current stage. */
    public double currentBytes() {
        return stages.isEmpty() ? 0 : bytes[stages.size() - 1];
    }

    /** Whether the stage was entered at all. */
    public boolean reached(Stage s) {
        return stages.contains(s);
    }

    /** When {@code s} (its first time) began, in seconds from the start. */
    public double startSeconds(Stage s) {
        int i = stages.indexOf(s);
        if (i < 0) throw new IllegalArgumentException(s.label() + " was not reached");
        return starts[i];
    }

    /** When {@code s} ended: where the next stage began, or {@code endSeconds} if it was the last. */
    public double endSeconds(Stage s, double endSeconds) {
        int i = stages.indexOf(s);
        if (i < 0) throw new IllegalArgumentException(s.label() + " was not reached");
        return i + 1 < stages.size() ? starts[i + 1] : Math.max(starts[i], endSeconds);
    }

    /**
     * The stages in order, the last one ending at {@code endSeconds}; bytes rounded to whole bytes. The list is
     * unmodifiable, so a result keeps it as it is (no second copy per prediction).
     */
    public List<StageStats> stages(double endSeconds) {
        StageStats[] out = new StageStats[stages.size()];
        for (int i = 0; i < out.length; i++) {
            double start = starts[i];
            double end = i + 1 < out.length ? starts[i + 1] : Math.max(start, endSeconds);
            out[i] = new StageStats(stages.get(i).label(), start * 1000, (end - start) * 1000, Math.round(bytes[i]));
        }
        return List.of(out);
    }
}
