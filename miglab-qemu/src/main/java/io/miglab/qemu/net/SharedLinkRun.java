package io.miglab.qemu.net;

import io.miglab.core.spec.MigrationSpec;
import io.miglab.qemu.launch.QemuLauncher;
import io.miglab.qemu.migrate.MigrationRoute;
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
 * starts in B, and the streams share A's token bucket. At most {@code maxParallel} streams at a time, the rest
 * wait for a free slot in the order given ({@link StreamSlots}, as the datacenter's evacuation policy admits). A
 * {@link RateChange} changes the link's rate while they run. Every QEMU is stopped when the run ends, whatever
 * happened; the link belongs to the caller.
 */
public final class SharedLinkRun {
    private static final int BOOTS_AT_ONCE = 2;

    /** One migration of the group: when its stream started after the first one's, and what it measured. */
    public record Member(int index, double startMs, QemuRun run) { }

    /**
     * @param members       each migration, in the order given
     * @param linkBytes     what A's veth end sent while they ran (streams with their TCP/IP headers)
     * @param wallMs        from the first stream's start to the last migration's end
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

    /** Boots one guest per spec, then migrates them, at most {@code maxParallel} streams at a time. */
    public Outcome run(List<MigrationSpec> specs, int maxParallel, Optional<RateChange> change) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        StreamSlots slots = new StreamSlots(maxParallel, specs.size(), () -> change.ifPresent(c -> timer.schedule(
                () -> link.changeRate(c.rate()), c.after().toMillis(), TimeUnit.MILLISECONDS)));
        List<QemuSession> sessions = new ArrayList<>();
        try {
            bootAll(specs, sessions, slots);
            long bytesBefore = link.bytesSentByA();
            // one thread per migration: each prepares its destination at once and waits for a slot to stream
            ExecutorService migrations = Executors.newFixedThreadPool(specs.size());
            List<Future<QemuRun>> running = new ArrayList<>();
            try {
                for (int i = 0; i < specs.size(); i++) {
                    int index = i;
                    running.add(migrations.submit(() -> {
                        try {
                            return sessions.get(index).migrate(specs.get(index), options);
                        } catch (RuntimeException e) {
                            slots.abort();
                            throw e;
                        }
                    }));
                }
                List<Member> members = new ArrayList<>();
                for (int i = 0; i < running.size(); i++) {
                    QemuRun run = get(running.get(i));
                    members.add(new Member(i, slots.startMs(i), run));
                }
                return new Outcome(members, link.bytesSentByA() - bytesBefore, slots.sinceFirstStreamMs());
            } finally {
                migrations.shutdownNow();
            }
        } finally {
            timer.shutdownNow();
            sessions.forEach(QemuSession::close);
        }
    }

    private QemuSession boot(MigrationSpec spec, MigrationRoute route) {
        QemuMigrationPlan plan = QemuMigrationPlan.of(spec, options);
        return QemuSession.boot(launcher.inNamespace(link.namespaceA()), launcher.inNamespace(link.namespaceB()),
                route, plan.guest(), options.readyTimeout());
    }

    /** Boots every guest, two at a time; if one fails, the others that booted are still handed to the caller to
     * close, and the first failure is thrown. */
    private void bootAll(List<MigrationSpec> specs, List<QemuSession> sessions, StreamSlots slots) {
        ExecutorService booter = Executors.newFixedThreadPool(BOOTS_AT_ONCE);
        try {
            List<Future<QemuSession>> boots = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                MigrationRoute route = slots.route(new NetnsRoute(link), i);
                MigrationSpec spec = specs.get(i);
                boots.add(booter.submit(() -> boot(spec, route)));
            }
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
