package io.miglab.qemu.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Private folders live under one 0700 parent and are swept once their owner JVM is gone. */
class PrivateDirTest {
    @TempDir
    Path tmp;

    // Guards against the folders of a SIGKILLed run staying for ever (no shutdown hook runs on SIGKILL): the next
    // run removes them.
    @Test
    void aFolderLeftByAKilledJvm_isSweptByTheNextCreate() throws Exception {
        Path parent = tmp.resolve("miglab");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                MakePrivateDirMain.class.getName(), parent.toString())).redirectErrorStream(true).start();
        Path left;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).startsWith("MADE ");
            left = Path.of(line.substring(5));
            Files.writeString(left.resolve("qmp.sock"), "a dead socket stands here");
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(left).exists();
        try (PrivateDir next = PrivateDir.create(parent, "miglab-")) {
            assertThat(left).doesNotExist();
            assertThat(next.path().getParent()).isEqualTo(parent);
        }
    }

    // Guards the parent and the owner record: 0700, and a pid plus start time that name this JVM.
    @Test
    void folders_areUnderOnePrivateParent_andNameTheirOwner() throws Exception {
        Path parent = tmp.resolve("miglab");
        try (PrivateDir dir = PrivateDir.create(parent, "miglab-")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(parent))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.path())))
                    .isEqualTo("rwx------");
            assertThat(Files.readString(dir.resolve(PrivateDir.OWNER_FILE)))
                    .isEqualTo(PrivateDir.ownerLine(ProcessHandle.current()))
                    .startsWith(ProcessHandle.current().pid() + " ");
            // a live owner's folder is never swept
            assertThat(PrivateDir.sweep(parent)).isZero();
            assertThat(dir.path()).exists();
        }
        assertThat(parent).isEmptyDirectory();
    }

    // Guards against sweeping the wrong folders: a reused pid (same number, another start time) is a dead owner;
    // a folder with no owner file is left alone for a minute (its maker may be writing the file), then removed.
    @Test
    void sweep_judgesOwnersByPidAndStartTime() throws Exception {
        Path parent = Files.createDirectory(tmp.resolve("miglab"));
        Path reused = Files.createDirectory(parent.resolve("miglab-reused"));
        Files.writeString(reused.resolve(PrivateDir.OWNER_FILE), ProcessHandle.current().pid() + " 12345\n");
        Path young = Files.createDirectory(parent.resolve("miglab-young"));
        // another thread's create between making the folder and writing its owner line: an empty owner file
        Path beingMade = Files.createDirectory(parent.resolve("miglab-being-made"));
        Files.writeString(beingMade.resolve(PrivateDir.OWNER_FILE), "");
        Path old = Files.createDirectory(parent.resolve("miglab-old"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(PrivateDir.UNOWNED_GRACE).minusSeconds(5)));
        assertThat(PrivateDir.sweep(parent)).isEqualTo(2);
        assertThat(reused).doesNotExist();
        assertThat(old).doesNotExist();
        assertThat(young).exists();
        assertThat(beingMade).exists();
    }
}
