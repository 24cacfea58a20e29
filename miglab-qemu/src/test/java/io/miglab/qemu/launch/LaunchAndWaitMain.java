package io.miglab.qemu.launch;

import io.miglab.core.unit.ByteSize;

/**
 * Run in a child JVM by {@link QemuCleanupTest}: launches one idle guest named {@code miglab-<args[0]>-child}
 * (the child JVM's own command line holds only the UUID, so a search for the name finds QEMU alone), prints
 * {@code LAUNCHED <pid> <private dir>} and waits to be killed.
 */
public final class LaunchAndWaitMain {
    public static void main(String[] args) throws Exception {
        QemuInstallation installation = QemuInstallation.require();
        QemuLauncher launcher = new QemuLauncher(installation, Accel.TCG);
        PrivateDir dir = PrivateDir.create("miglab-child-");
        QemuProcess qemu = launcher.launch(GuestConfig.idle(ByteSize.ofMiB(128)),
                "miglab-" + args[0] + "-child", QemuLauncher.Mode.BOOT,
                dir);
        System.out.println("LAUNCHED " + qemu.pid() + " " + dir.path());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
