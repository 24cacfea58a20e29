package io.miglab.qemu.migrate;

import io.miglab.qemu.launch.QemuProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Compares the guest RAM of two paused QEMUs: {@code pmemsave} of guest-physical memory from address 0 on both,
 * then page by page. After a correct migration the destination's RAM equals the source's.
 */
public final class MemoryComparator {
    public record Difference(long pagesCompared, long differingPages, List<Long> firstDifferingPages) { }

    private MemoryComparator() {
    }

    public static Difference compare(QemuProcess source, QemuProcess destination, long bytes, Path dir) {
        Path a = dir.resolve("source.ram");
        Path b = dir.resolve("destination.ram");
        Duration timeout = Duration.ofSeconds(60);
        source.qmp().execute("pmemsave", Map.of("val", 0, "size", bytes, "filename", a.toString()), timeout);
        destination.qmp().execute("pmemsave", Map.of("val", 0, "size", bytes, "filename", b.toString()), timeout);
        try {
            return comparePages(a, b, QemuMigrationPlan.PAGE_SIZE);
        } finally {
            try {
                Files.deleteIfExists(a);
                Files.deleteIfExists(b);
            } catch (IOException ignored) {
                // the private folder goes anyway
            }
        }
    }

    /** Counts the pages of {@code pageSize} bytes that differ between two files of the same length. */
    public static Difference comparePages(Path a, Path b, int pageSize) {
        try (InputStream x = Files.newInputStream(a); InputStream y = Files.newInputStream(b)) {
            if (Files.size(a) != Files.size(b)) {
                throw new IllegalStateException("RAM dumps differ in size: " + Files.size(a) + " vs " + Files.size(b));
            }
            byte[] pa = new byte[pageSize], pb = new byte[pageSize];
            long page = 0, differing = 0;
            List<Long> first = new ArrayList<>();
            while (true) {
                int na = x.readNBytes(pa, 0, pageSize), nb = y.readNBytes(pb, 0, pageSize);
                if (na <= 0) break;
                if (na != nb || Arrays.mismatch(pa, 0, na, pb, 0, nb) >= 0) {
                    differing++;
                    if (first.size() < 10) first.add(page);
                }
                page++;
            }
            return new Difference(page, differing, first);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compare RAM dumps", e);
        }
    }
}
