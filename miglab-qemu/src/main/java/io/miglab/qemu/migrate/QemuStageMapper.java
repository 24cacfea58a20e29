package io.miglab.qemu.migrate;

import io.miglab.core.result.Stage;
import io.miglab.core.result.StageStats;
import io.miglab.qemu.qmp.QmpEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * QEMU's migration in the stages of the staged model (core's {@link Stage}, as {@link StageStats}), from the QMP events of
 * both sides (QEMU 10 sends {@code MIGRATION} with the status, {@code STOP} and {@code RESUME}) and miglab's own
 * marks. Pre-copy: preparation (miglab plans and checks), reservation (the destination QEMU starts, listens, and
 * accepts the stream: up to the source's {@code active}; QEMU's {@code setup} state is connecting), pre-copy (to
 * the source's {@code STOP}), stop-and-copy ({@code STOP} to the source's {@code completed}, through
 * {@code pre-switchover} and {@code device}), commit (to the destination's {@code completed}: it holds a
 * consistent image) and activation (to the guest's first heartbeat on the destination). Post-copy: after
 * stop-and-copy (to the destination's {@code RESUME}) come activation (to the first heartbeat), post-copy (to the
 * source's {@code completed}) and commit (to the destination's {@code completed}). A failed run stops at the stage it
 * reached, which then ends when miglab gave up; the stages are gapless. Bytes: pre-copy gets QEMU's
 * {@code precopy-bytes} (all that was sent, when it failed before the stop), stop-and-copy {@code downtime-bytes},
 * post-copy {@code postcopy-bytes} (migration/migration-stats.h of QEMU 10). With a disk to move, a storage stage
 * (the mirror's start to the source's {@code active}, with the mirror's bytes) comes before pre-copy. A guest paused
 * before {@code migrate} (stop-and-copy) has no pre-copy stage: stop-and-copy runs from its {@code STOP} to the
 * source's {@code completed} and holds every byte sent.
 */
public final class QemuStageMapper {
    private QemuStageMapper() {
    }

    /** RAM bytes as QEMU booked them; {@code transferred} is everything sent; {@code storage}: the disk mirror's. */
    public record Bytes(long precopy, long downtime, long postcopy, long transferred, long storage) {
        public Bytes(long precopy, long downtime, long postcopy, long transferred) {
            this(precopy, downtime, postcopy, transferred, 0);
        }
    }

    public static List<StageStats> map(StageMarks marks, List<QmpEvent> source, List<QmpEvent> destination,
                                      Bytes bytes) {
        List<Stage> names = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        add(names, starts, Stage.PREPARATION, marks.runStartNanos());
        add(names, starts, Stage.RESERVATION, marks.reservationNanos());
        OptionalLong active = first(source, status("active"), marks.migrateNanos());
        // stop-and-copy: the guest was paused before migrate, its STOP comes after the reservation and before active
        OptionalLong early = first(source, named("STOP"), marks.reservationNanos());
        boolean pausedFirst = early.isPresent() && early.getAsLong() < active.orElse(Long.MAX_VALUE);
        OptionalLong stop = pausedFirst ? early
                : active.isPresent() ? first(source, named("STOP"), active.getAsLong()) : OptionalLong.empty();
        OptionalLong srcDone = first(source, status("completed"), marks.migrateNanos());
        OptionalLong dstDone = first(destination, status("completed"), marks.migrateNanos());
        // a disk mirror copies the disk before memory (the models' storage stage), until the memory stream is active
        if (marks.storageStartNanos() > 0) add(names, starts, Stage.STORAGE, marks.storageStartNanos());
        if (active.isPresent() && !pausedFirst) add(names, starts, Stage.PRECOPY, active.getAsLong());
        if (stop.isPresent()) add(names, starts, Stage.STOP_AND_COPY, stop.getAsLong());
        long beat = marks.destinationBeatNanos();
        OptionalLong switched = first(source, status("postcopy-active"), marks.migrateNanos());
        OptionalLong resume = stop.isPresent() ? first(destination, named("RESUME"), stop.getAsLong())
                : OptionalLong.empty();
        boolean ranInPostcopy = switched.isPresent() && resume.isPresent()
                && (srcDone.isEmpty() || resume.getAsLong() < srcDone.getAsLong());
        if (ranInPostcopy) {
            // the guest runs on the destination before all memory is there: activation comes before post-copy
            add(names, starts, Stage.ACTIVATION, resume.getAsLong());
            add(names, starts, Stage.POSTCOPY, Math.max(beat, resume.getAsLong()));
            if (srcDone.isPresent()) add(names, starts, Stage.COMMIT, srcDone.getAsLong());
        } else if (stop.isPresent()) {
            // a destination started with -S stays paused through post-copy: a background push, then as pre-copy
            if (switched.isPresent()) add(names, starts, Stage.POSTCOPY, switched.getAsLong());
            if (srcDone.isPresent()) add(names, starts, Stage.COMMIT, srcDone.getAsLong());
            if (srcDone.isPresent() && dstDone.isPresent() && beat > 0) {
                add(names, starts, Stage.ACTIVATION, dstDone.getAsLong());
            }
        }
        Stage last = names.get(names.size() - 1);
        long end = last == Stage.ACTIVATION && beat > 0 ? beat
                : last == Stage.COMMIT && ranInPostcopy && dstDone.isPresent() ? dstDone.getAsLong()
                : marks.endNanos();
        return stages(names, starts, Math.max(end, starts.get(starts.size() - 1)), marks.runStartNanos(), bytes,
                stop.isPresent(), pausedFirst);
    }

    private static List<StageStats> stages(List<Stage> names, List<Long> starts, long end, long origin, Bytes bytes,
                                          boolean stopped, boolean pausedFirst) {
        List<StageStats> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            long s = starts.get(i);
            long e = i + 1 < names.size() ? starts.get(i + 1) : end;
            Stage stage = names.get(i);
            long b = switch (stage) {
                case PRECOPY -> stopped ? Math.max(0, bytes.precopy()) : Math.max(0, bytes.transferred());
                case STOP_AND_COPY -> Math.max(0, pausedFirst ? bytes.transferred() : bytes.downtime());
                case POSTCOPY -> Math.max(0, bytes.postcopy());
                case STORAGE -> Math.max(0, bytes.storage());
                default -> 0;
            };
            out.add(new StageStats(stage.label(), (s - origin) / 1e6, (e - s) / 1e6, b));
        }
        return out;
    }

    /** Appends a stage, never starting before the one it follows (events and marks come from different threads). */
    private static void add(List<Stage> names, List<Long> starts, Stage name, long at) {
        long previous = starts.isEmpty() ? at : starts.get(starts.size() - 1);
        names.add(name);
        starts.add(Math.max(previous, at));
    }

    private static OptionalLong first(List<QmpEvent> events, Predicate<QmpEvent> match, long notBefore) {
        return events.stream().filter(e -> e.receivedNanos() >= notBefore).filter(match)
                .mapToLong(QmpEvent::receivedNanos).findFirst();
    }

    private static Predicate<QmpEvent> status(String s) {
        return e -> e.name().equals("MIGRATION") && e.data().path("status").asText().equals(s);
    }

    private static Predicate<QmpEvent> named(String name) {
        return e -> e.name().equals(name);
    }
}
