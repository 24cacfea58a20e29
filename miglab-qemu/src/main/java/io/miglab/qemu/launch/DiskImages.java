package io.miglab.qemu.launch;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Raw image files for the guest's disk: a sparse file of the disk's size, the source's partly filled with data. */
final class DiskImages {
    private static final int CHUNK = 1 << 20;

    private DiskImages() {
    }

    /**
     * Creates {@code image} unless it exists (shared storage: the source made it): sparse, and for the source
     * ({@code fill}) its first {@link GuestDisk#allocatedShare()} written with seeded pseudo-random bytes.
     */
    static Path prepare(Path image, GuestDisk disk, boolean fill) {
        if (Files.exists(image)) return image;
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.setLength(disk.size().bytes());
            long filled = fill ? Math.round(disk.size().bytes() * disk.allocatedShare() / CHUNK) * CHUNK : 0;
            byte[] chunk = new byte[CHUNK];
            Random random = new Random(42);
            for (long at = 0; at < filled; at += CHUNK) {
                random.nextBytes(chunk);
                f.write(chunk);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the disk image " + image, e);
        }
    }
}
