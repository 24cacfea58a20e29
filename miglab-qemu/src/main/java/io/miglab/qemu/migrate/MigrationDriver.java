package io.miglab.qemu.migrate;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Stage;
import io.miglab.core.result.StageStats;
import io.miglab.core.result.StopReason;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.qemu.launch.QemuProcess;
import io.miglab.qemu.link.LatencyRelay;
import io.miglab.qemu.qmp.QmpException;
import io.miglab.qemu.serial.HeartbeatAnalysis;
import io.miglab.qemu.serial.WriterReports;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs one migration between two QEMUs already started (the source booted and READY, the destination waiting
 * with {@code -incoming defer}): sets capabilities and parameters, starts the migration, samples
 * {@code query-migrate} at a fixed rate, switches to post-copy, enforces the policy's limits, injects a
 * destination failure if asked, and afterwards checks the guest (heartbeat, RAM, source still running).
 * It does not stop the QEMUs: their owner does (see {@link QemuSession}).
 */
public final class MigrationDriver {
    /** After a failure or cancel, how long to watch the source's heartbeat to show it still runs. */
    private static final Duration ALIVE_WATCH = Duration.ofMillis(1500);

    private final QemuProcess source;
    private final QemuProcess destination;
    private final MigrationSpec spec;
    private final QemuMigrationPlan plan;
    private final QemuRunOptions options;
    private final Path workDir;
    private final List<MigrationSample> series = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private final MigrationSteering steering;
    private final FailureInjector injector;
    private double postcopyEnteredMs = -1;
    private long runStartNanos;
    private long reservationNanos;
    private String migrateRejected;
    private MigrationRoute route = MigrationRoute.LOOPBACK;

    public MigrationDriver(QemuProcess source, QemuProcess destination, MigrationSpec spec, QemuMigrationPlan plan,
                           QemuRunOptions options, Path workDir) {
        this.source = source;
        this.destination = destination;
        this.spec = spec;
        this.plan = plan;
        this.options = options;
        this.workDir = workDir;
        this.notes.addAll(plan.notes());
        this.steering = new MigrationSteering(spec, plan, QmpControls.of(source.qmp()));
        this.injector = new FailureInjector(source, destination, options.failure(), notes);
        this.runStartNanos = System.nanoTime();
        this.reservationNanos = runStartNanos;
    }

    /** When the run began (planning) and when the destination was started, for the stages; default: now. */
    public MigrationDriver startedAt(long runStart, long reservation) {
        this.runStartNanos = runStart;
        this.reservationNanos = reservation;
        return this;
    }

    /** The way from source to destination; default {@link MigrationRoute#LOOPBACK}. */
    public MigrationDriver over(MigrationRoute r) { this.route = r; return this; }

    public QemuRun run() {
        configure();
        int port = FreePort.pick();
        destination.qmp().execute("migrate-incoming", Map.of("uri", route.incomingUri(port)));
        Optional<DiskMirror> mirror = startMirror();
        boolean relayed = !plan.roundTripLatency().isZero()
                || options.failure().orElse(null) instanceof InjectedFailure.LinkCutInPostcopy;
        injector.beforeMigrate();
        steering.beforeMigrate(); // a stop-and-copy pauses the guest here
        long startWall = wallMicros();
        long start = System.nanoTime();
        MigrationSample last;
        boolean abortedAtCommit;
        Ending ending;
        try (MigrationRoute.Hop hop = route.open(port, plan.roundTripLatency(), relayed)) {
            try {
                source.qmp().execute("migrate", Map.of("uri", hop.uri()));
                steering.afterMigrate(); // post-copy at once: requested now, before QEMU's first iteration
            } catch (QmpException e) {
                migrateRejected = e.getMessage();
                notes.add("migrate was refused: " + e.getMessage());
            }
            poll(start, hop.relay());
            last = series.get(series.size() - 1);
            abortedAtCommit = last.status().equals("completed")
                    && injector.afterCompletion(() -> mirror.ifPresent(DiskMirror::abandon));
            ending = abortedAtCommit ? Ending.ABORTED_BEFORE_COMMIT : ending(last);
            // the source is done when it has written the stream; a relay still holds its last one-way delay of
            // it, so the hop stays open until the destination has loaded everything
            if (ending == Ending.COMPLETED) DestinationWatch.awaitCompleted(destination, notes);
        }
        Optional<MemoryComparator.Difference> memory = Optional.empty();
        Optional<HeartbeatAnalysis> heartbeat = Optional.empty();
        Optional<StorageCheck> storage = Optional.empty();
        long resumedNanos = 0;
        if (ending == Ending.COMPLETED) {
            storage = mirror.map(m -> StorageCheck.after(m.complete(), source, destination));
            if (options.memoryCheck()) {
                memory = Optional.of(MemoryComparator.compare(source, destination, plan.guest().memory().bytes(),
                        workDir));
                notes.add("memory check: destination started paused (-S) and resumed after the comparison, so the "
                        + "heartbeat gap includes the comparison");
            }
            if (options.destinationStartsPaused(plan.guest()) || steering.pausedBeforeMigrate()) {
                destination.qmp().execute("cont");
            }
            resumedNanos = System.nanoTime();
            heartbeat = analyseHeartbeat(start);
        } else {
            if (!abortedAtCommit) mirror.ifPresent(DiskMirror::abandon);
            errorDescription().ifPresent(d -> notes.add("QEMU's error: " + d));
            if (steering.pausedBeforeMigrate()) source.qmp().execute("cont"); // the guest stays on the source
            watchSource(ending);
        }
        String sourceState = safeRunState();
        StageMarks marks = new StageMarks(runStartNanos, reservationNanos, mirror.map(DiskMirror::startNanos)
                .orElse(0L), start, DestinationWatch.firstBeat(destination), System.nanoTime());
        ResultMapper mapper = new ResultMapper(spec, plan, series, source.qmp().events(), startWall, notes)
                .pausedBeforeMigrate(steering.pausedAtNanos(), start, resumedNanos);
        List<StageStats> stages = mapper.stages(marks, destination.qmp().events(), mirror.map(m -> m.stats().bytes())
                .orElse(0L));
        String runsOn = GuestWhereabouts.of(source, destination);
        MigrationResult result = QemuFate.staged(mapper.map(ending, reason(ending), heartbeat, memory, source,
                sourceState), stages, options.failure(), injector.injectedIn(), injector.recovered(), runsOn);
        if (mirror.isPresent()) {
            result = StorageCheck.withStorage(result, mirror.get().stats(), (start - mirror.get().startNanos()) / 1e6,
                    source.serial().transcript(), mirror.get().startNanos(), plan.guest(), notes);
        }
        WriterReports writer = WriterReports.during(source.serial().transcript(), start, last.elapsedMs(),
                MigrationSample.unthrottledUntilMs(series));
        return new QemuRun(result, plan.guest(), source.qmp().qemuVersion(), source.accel(), heartbeat, memory,
                sourceState, last.status(), series, stages, injector.injectedIn(), injector.recovered(), runsOn,
                storage, writer);
    }

    /** A disk that does not live on shared storage is mirrored to the destination before the memory migration. */
    private Optional<DiskMirror> startMirror() {
        if (plan.guest().disk().isEmpty() || plan.guest().disk().get().shared()) return Optional.empty();
        DiskMirror m = new DiskMirror(source, destination,
                Math.round(spec.link().effectiveBandwidth().bytesPerSecond()), notes);
        m.start(plan.guest().disk().get());
        return Optional.of(m);
    }

    /** How the run ended, as far as the guest is concerned. */
    enum Ending {
        COMPLETED, CANCELLED,
        /** Stopped before commit (destination lost, or cancelled at the switch-over): the source keeps the guest. */
        ABORTED_BEFORE_COMMIT,
        /** The destination was lost after the guest ran there in post-copy: it runs nowhere. */
        DESTINATION_LOST_IN_POSTCOPY, FAILED
    }

    private void configure() {
        // events: MIGRATION and MIGRATION_PASS, which the stages and rounds are read from
        Map<String, Boolean> sourceCaps = new java.util.LinkedHashMap<>(plan.sourceCapabilities());
        sourceCaps.put("events", true);
        sourceCaps.put("pause-before-switchover", injector.needsPauseBeforeSwitchover());
        Map<String, Boolean> destinationCaps = new java.util.LinkedHashMap<>(plan.destinationCapabilities());
        destinationCaps.put("events", true);
        setCapabilities(source, sourceCaps);
        setCapabilities(destination, destinationCaps);
        source.qmp().execute("migrate-set-parameters", plan.sourceParameters());
        if (!plan.destinationParameters().isEmpty()) {
            destination.qmp().execute("migrate-set-parameters", plan.destinationParameters());
        }
    }

    private static void setCapabilities(QemuProcess qemu, Map<String, Boolean> caps) {
        List<Map<String, Object>> list = new ArrayList<>();
        caps.forEach((name, on) -> list.add(Map.of("capability", name, "state", on)));
        qemu.qmp().execute("migrate-set-capabilities", Map.of("capabilities", list));
    }

    private void poll(long start, LatencyRelay relay) {
        long interval = options.pollInterval().toNanos();
        long next = start;
        double killedAtMs = -1;
        double hardStopMs = plan.timeout().toMillis() + 120_000;
        while (true) {
            MigrationSample s = MigrationSample.from(source.qmp().execute("query-migrate"),
                    (System.nanoTime() - start) / 1e6, wallMicros());
            series.add(s);
            if (s.isFinal() || (migrateRejected != null && s.status().equals("none"))) return;
            double t = s.elapsedMs();
            String status = s.status();
            if (status.startsWith("postcopy") && postcopyEnteredMs < 0) postcopyEnteredMs = t;
            if (injector.destinationKilled() && injector.injectedIn().orElse(null) != Stage.STOP_AND_COPY) {
                // pre-copy: QEMU fails the migration and resumes the guest; post-copy: it pauses and waits
                if (killedAtMs < 0) killedAtMs = t;
                if (status.equals("postcopy-paused") || t - killedAtMs > 15_000) return;
            } else {
                injector.onSample(s, postcopyEnteredMs, relay);
            }
            steering.poll(s);
            if (t > hardStopMs) {
                notes.add("the migration had not ended " + (hardStopMs / 1000) + " s after the start; gave up");
                return;
            }
            next += interval;
            sleepUntil(next);
        }
    }

    private Ending ending(MigrationSample last) {
        if (last.status().equals("completed")) return Ending.COMPLETED;
        Stage stage = injector.injectedIn().orElse(null);
        if (stage == Stage.POSTCOPY && !injector.recovered()) return Ending.DESTINATION_LOST_IN_POSTCOPY;
        if (stage != null && stage != Stage.POSTCOPY) return Ending.ABORTED_BEFORE_COMMIT;
        if (last.status().startsWith("postcopy")) return Ending.DESTINATION_LOST_IN_POSTCOPY;
        if (last.status().equals("cancelled") && steering.cancelRequested()) return Ending.CANCELLED;
        return Ending.FAILED;
    }

    private StopReason reason(Ending ending) {
        return switch (ending) {
            // completed: QEMU converged by itself unless miglab carried out a decision
            case COMPLETED -> steering.reason().orElse(StopReason.DOWNTIME_LIMIT_MET);
            case CANCELLED -> steering.reason().orElseThrow();
            case ABORTED_BEFORE_COMMIT -> StopReason.ABORTED;
            case DESTINATION_LOST_IN_POSTCOPY, FAILED -> StopReason.FAILED;
        };
    }

    private Optional<HeartbeatAnalysis> analyseHeartbeat(long start) {
        return HeartbeatCheck.after(source, destination, plan.guest(), start, notes);
    }

    /** After a cancel or a lost destination: is the guest still running on the source? */
    private void watchSource(Ending ending) {
        if (ending == Ending.DESTINATION_LOST_IN_POSTCOPY) {
            notes.add("destination lost during post-copy: the guest's newest pages were only on the destination, "
                    + "so it cannot continue anywhere; QEMU source migration status '"
                    + series.get(series.size() - 1).status() + "', run state '" + safeRunState() + "'");
            return;
        }
        long before = source.serial().lastHeartbeat();
        sleepUntil(System.nanoTime() + ALIVE_WATCH.toNanos());
        long after = source.serial().lastHeartbeat();
        notes.add("guest on the source after the migration ended: run state '" + safeRunState() + "', heartbeat "
                + before + " -> " + after + (after > before ? " (still running)" : " (stalled)"));
    }

    /** The source's {@code error-desc}, when the migration failed. */
    private Optional<String> errorDescription() {
        try {
            String d = source.qmp().execute("query-migrate").path("error-desc").asText("");
            return d.isEmpty() ? Optional.empty() : Optional.of(d);
        } catch (QmpException e) {
            return Optional.empty();
        }
    }

    private String safeRunState() {
        try {
            return source.runState();
        } catch (QmpException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    static long wallMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait <= 0) return;
        try {
            TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmpException("interrupted while polling the migration", e);
        }
    }
}
