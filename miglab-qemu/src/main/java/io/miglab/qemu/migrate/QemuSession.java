package io.miglab.qemu.migrate;

import io.miglab.core.spec.MigrationSpec;
import io.miglab.qemu.host.HostCostMeter;
import io.miglab.qemu.launch.GuestConfig;
import io.miglab.qemu.launch.PrivateDir;
import io.miglab.qemu.launch.QemuLauncher;
import io.miglab.qemu.launch.QemuProcess;
import io.miglab.qemu.launch.UserNetwork;
import io.miglab.qemu.launch.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One booted source guest and the destinations it is migrated to. A source whose migration was cancelled or whose
 * destination died keeps running and can be migrated again, which saves a boot. Closing the session stops every
 * QEMU it started and deletes its private folder.
 */
public final class QemuSession implements AutoCloseable {
    private final QemuLauncher destinationLauncher;
    private final MigrationRoute route;
    private final GuestConfig guest;
    private final PrivateDir dir;
    private final String runId;
    private final List<QemuProcess> processes = new ArrayList<>();
    private final QemuProcess source;
    private HostCostMeter meter;
    private int destinations;

    private QemuSession(QemuLauncher launcher, QemuLauncher destinationLauncher, MigrationRoute route,
                        GuestConfig guest, Duration readyTimeout) {
        this.destinationLauncher = destinationLauncher;
        this.route = route;
        this.guest = guest;
        this.runId = "miglab-" + UUID.randomUUID();
        this.dir = PrivateDir.create("miglab-");
        try {
            this.source = start(launcher, runId + "-src", QemuLauncher.Mode.BOOT);
            awaitReady(readyTimeout);
            this.meter = new HostCostMeter(source.pid());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Boots the source guest and waits until it is ready ({@code MIGLAB READY}, or a user's guest's check). */
    public static QemuSession boot(QemuLauncher launcher, GuestConfig guest, Duration readyTimeout) {
        return new QemuSession(launcher, launcher, MigrationRoute.LOOPBACK, guest, readyTimeout);
    }

    /** Boots the source with {@code source}; destinations start with {@code destination} and are reached over
     * {@code route} (two network namespaces, for example). */
    public static QemuSession boot(QemuLauncher source, QemuLauncher destination, MigrationRoute route,
                                   GuestConfig guest, Duration readyTimeout) {
        return new QemuSession(source, destination, route, guest, readyTimeout);
    }

    public QemuProcess source() {
        return source;
    }

    /** The session's private folder (sockets, logs, disk images), deleted on close. */
    public java.nio.file.Path folder() {
        return dir.path();
    }

    /** What every QEMU of this session has on its command line ({@code -name miglab-<uuid>-<role>}). */
    public String marker() {
        return runId;
    }

    public GuestConfig guest() {
        return guest;
    }

    /** The destination started by the latest {@link #migrate}, if it still runs (it holds the guest if that
     * migration completed). */
    public Optional<QemuProcess> lastDestination() {
        QemuProcess last = processes.get(processes.size() - 1);
        return last != source && last.isAlive() ? Optional.of(last) : Optional.empty();
    }

    /**
     * Starts a fresh destination and migrates the source to it. A destination that did not get the guest is stopped.
     * Both QEMUs are sampled from /proc for the result's host cost (see {@link HostCostMeter}); the first
     * migration of a session waits until the guest has run {@link HostCostMeter#BASELINE} for its baseline.
     */
    public QemuRun migrate(MigrationSpec spec, QemuRunOptions options) {
        meter.awaitBaseline();
        long runStart = System.nanoTime();
        QemuMigrationPlan plan = QemuMigrationPlan.of(spec, options);
        if (!plan.guest().equals(guest)) {
            throw new IllegalArgumentException("the spec asks for guest " + plan.guest() + " but this session runs "
                    + guest);
        }
        long reservation = System.nanoTime();
        QemuProcess destination = start(destinationLauncher, runId + "-dst" + (++destinations),
                options.destinationStartsPaused(guest) ? QemuLauncher.Mode.INCOMING_PAUSED : QemuLauncher.Mode.INCOMING);
        meter.watch(destination.pid());
        QemuRun run = HostCostWindow.measured(meter, source, destination, new MigrationDriver(source, destination, spec, plan,
                options, dir.path()).startedAt(runStart, reservation).over(route).run());
        if (!run.result().outcome().completed()) destination.close();
        return run;
    }

    /** An httpd guest, or a user's guest checked on a TCP port, gets a NIC with a port forward on both sides (the
     * destination needs the same device). */
    private QemuProcess start(QemuLauncher launcher, String name, QemuLauncher.Mode mode) {
        Optional<UserNetwork> network = guest.workload() == Workload.HTTPD
                ? Optional.of(UserNetwork.onFreePort()) : Optional.empty();
        if (guest.user().isPresent() && guest.user().get().guestPort().isPresent()) {
            network = Optional.of(UserNetwork.onFreePort(guest.user().get().guestPort().getAsInt()));
        }
        QemuProcess p = launcher.launch(guest, name, mode, dir, network);
        processes.add(p);
        return p;
    }

    private void awaitReady(Duration timeout) {
        ReadinessCheck.await(source, guest.readiness(), timeout);
    }

    @Override
    public void close() {
        if (meter != null) meter.close();
        for (QemuProcess p : processes) p.close();
        dir.close();
    }
}
