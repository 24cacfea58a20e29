package io.miglab.core.spec;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.result.StageLog;
import java.time.Duration;

/**
 * How the destination tells the network where the guest runs now: self-announce packets (RARP/GARP) in rounds
 * after the guest started there. QEMU net/announce.c: {@code qemu_announce_self} sends the first round at once;
 * {@code qemu_announce_timer_step} schedules round k (k = 1, 2, ...) {@code initial + (k - 1) * step} after the one
 * before it, capped at {@code max}, until {@code rounds} were sent. QEMU's defaults (migration/options.c:
 * announce-initial 50 ms, announce-max 550 ms, announce-rounds 5, announce-step 100 ms) put them at 0, 50, 200, 450
 * and 800 ms after the guest resumed. The first goes as the guest starts, so announcing adds nothing to the
 * downtime; the later rounds repeat it for switches that missed it.
 *
 * @param initial the gap before the second round
 * @param max     the longest gap
 * @param rounds  how many rounds, 0 for none
 * @param step    how much each gap grows
 */
public record Announce(Duration initial, Duration max, int rounds, Duration step) {
    public Announce {
        InvalidSpecException.require(initial != null && !initial.isNegative(), "announce-initial", "a duration >= 0",
                initial);
        InvalidSpecException.require(max != null && !max.isNegative(), "announce-max", "a duration >= 0", max);
        InvalidSpecException.require(rounds >= 0 && rounds <= 1000, "announce-rounds", "0 to 1000", rounds);
        InvalidSpecException.require(step != null && !step.isNegative(), "announce-step", "a duration >= 0", step);
    }

    /** No announce (a hypervisor profile that does not model it): QEMU's timing, no rounds. */
    public static Announce none() {
        return qemuDefaults().withRounds(0);
    }

    public Announce withRounds(int r) {
        return new Announce(initial, max, r, step);
    }

    /** QEMU 10's defaults (migration/options.c, qapi/net.json AnnounceParameters). */
    public static Announce qemuDefaults() {
        return new Announce(Duration.ofMillis(50), Duration.ofMillis(550), 5, Duration.ofMillis(100));
    }

    /** Seconds from the guest's start on the destination to round {@code k} (0-based; round 0 at once). */
    public double roundSeconds(int k) {
        if (k < 0 || k >= rounds) throw new IllegalArgumentException("round " + k + " of " + rounds);
        double at = 0;
        for (int i = 1; i <= k; i++) at += gapSeconds(i);
        return at;
    }

    /** Seconds from the guest's start on the destination to the last round; 0 without rounds. */
    public double lastRoundSeconds() {
        return rounds == 0 ? 0 : roundSeconds(rounds - 1);
    }

    /** Tells {@code log} the rounds that follow activation (called as activation begins). */
    public void into(StageLog log) {
        log.announces(rounds, lastRoundSeconds());
    }

    /** The gap before round {@code k} (k >= 1): net/announce.c qemu_announce_timer_step, capped at max. */
    private double gapSeconds(int k) {
        double gap = initial.toNanos() / 1e9 + (k - 1) * (step.toNanos() / 1e9);
        return Math.min(gap, max.toNanos() / 1e9);
    }
}
