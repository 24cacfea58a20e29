package io.miglab.qemu.launch;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link PrivateDirTest}: makes a private folder under {@code args[0]}, prints
 * {@code MADE <folder>} and waits to be killed.
 */
public final class MakePrivateDirMain {
    public static void main(String[] args) throws Exception {
        PrivateDir dir = PrivateDir.create(Path.of(args[0]), "miglab-child-");
        System.out.println("MADE " + dir.path());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
