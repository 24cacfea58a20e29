package io.miglab.qemu.net;

import io.miglab.core.spec.MigrationSpec;
import io.miglab.qemu.launch.QemuLauncher;
import io.miglab.qemu.migrate.QemuMigrationPlan;
import io.miglab.qemu.migrate.QemuRun;
import io.miglab.qemu.migrate.QemuRunOptions;
import io.miglab.qemu.migrate.QemuSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Several real migrations at once over one {@link NetnsLink}: every source boots in namespace A, every destination
 * starts in B, and the streams share A's token bucket. At most {@code maxParallel} migrate at a time, the rest
 * wait for a free slot in the order given (as the datacenter's evacuation policy admits migrations). A
 * {@link RateChange} changes the link's rate while they run. Every QEMU is stopped when the run ends, whatever
 * happened; the link belongs to the caller.
 */
public final class SharedLinkRun {
    private static final int BOOTS_AT_ONCE = 2;

    /** One migration of the group: when it started after the group's start, and what it measured. */
    public record Member(int index, double startMs, QemuRun run) { }

    /**
     * @param members       each migration, in the order given
     * @param linkBytes     what A's veth end sent while they ran (streams with their TCP/IP headers)
     * @param wallMs        from the first migration's start to the last one's end
     */
    public record Outcome(List<Member> members, long linkBytes, double wallMs) {
        /** What QEMU counted as sent, summed over the migrations. */
        public long migrationBytes() {
            return members.stream().mapToLong(m -> m.run().result().traffic().bytesTransferred()).sum();
        }
    }

    private final NetnsLink link;
    private final QemuLauncher launcher;
    private final QemuRunOptions options;

    public SharedLinkRun(NetnsLink link, QemuLauncher launcher, QemuRunOptions options) {
        this.link = link;
        this.launcher = launcher;
        this.options = options;
    }

    /** Boots one guest per spec, then migrates them, {@code maxParallel} at a time. */
    public Outcome run(List<MigrationSpec> specs, int maxParallel, Optional<RateChange> change) {
        if (maxParallel < 1) throw new IllegalArgumentException("max-parallel: at least 1, got " + maxParallel);
        List<QemuSession> sessions = new ArrayList<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            bootAll(specs, sessions);
            long bytesBefore = link.bytesSentByA();
            long start = System.nanoTime();
            change.ifPresent(c -> timer.schedule(() -> link.changeRate(c.rate()), c.after().toMillis(),
                    TimeUnit.MILLISECONDS));
            ExecutorService slots = Executors.newFixedThreadPool(maxParallel);
            List<Future<Member>> running = new ArrayList<>();
            try {
                for (int i = 0; i < specs.size(); i++) {
                    int index = i;
                    running.add(slots.submit(() -> new Member(index, (System.nanoTime() - start) / 1e6,
                            sessions.get(index).migrate(specs.get(index), options))));
                }
                List<Member> members = new ArrayList<>();
                for (Future<Member> f : running) members.add(get(f));
                double wallMs = (System.nanoTime() - start) / 1e6;
                return new Outcome(members, link.bytesSentByA() - bytesBefore, wallMs);
            } finally {
                slots.shutdownNow();
            }
        } finally {
            timer.shutdownNow();
            sessions.forEach(QemuSession::close);
        }
    }

    private QemuSession boot(MigrationSpec spec) {
        QemuMigrationPlan plan = QemuMigrationPlan.of(spec, options);
        return QemuSession.boot(launcher.inNamespace(link.namespaceA()), launcher.inNamespace(link.namespaceB()),
                new NetnsRoute(link), plan.guest(), options.readyTimeout());
    }

    /** Boots every guest, two at a time; if one fails, the others that booted are still handed to the caller to
     * close, and the first failure is thrown. */
    private void bootAll(List<MigrationSpec> specs, List<QemuSession> sessions) {
        ExecutorService booter = Executors.newFixedThreadPool(BOOTS_AT_ONCE);
        try {
            List<Future<QemuSession>> boots = new ArrayList<>();
            for (MigrationSpec spec : specs) boots.add(booter.submit(() -> boot(spec)));
            RuntimeException failure = null;
            for (Future<QemuSession> f : boots) {
                try {
                    sessions.add(get(f));
                } catch (RuntimeException e) {
                    if (failure == null) failure = e;
                }
            }
            if (failure != null) throw failure;
        } finally {
            booter.shutdown();
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
