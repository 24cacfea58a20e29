package io.miglab.qemu.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** Two disk images compared block by block (64 KiB, the mirror's granularity), with each one's SHA-256. */
final class ImageComparator {
    static final int BLOCK = 64 * 1024;

    record Difference(long blocksCompared, long differingBlocks, String sourceSha256, String destinationSha256) { }

    private ImageComparator() {
    }

    static Difference compare(Path source, Path destination) {
        try (InputStream a = Files.newInputStream(source); InputStream b = Files.newInputStream(destination)) {
            MessageDigest da = MessageDigest.getInstance("SHA-256");
            MessageDigest db = MessageDigest.getInstance("SHA-256");
            byte[] x = new byte[BLOCK];
            byte[] y = new byte[BLOCK];
            long blocks = 0;
            long differing = 0;
            while (true) {
                int n = a.readNBytes(x, 0, BLOCK);
                int m = b.readNBytes(y, 0, BLOCK);
                if (n == 0 && m == 0) break;
                blocks++;
                da.update(x, 0, n);
                db.update(y, 0, m);
                if (n != m || !Arrays.equals(x, 0, n, y, 0, m)) differing++;
            }
            HexFormat hex = HexFormat.of();
            return new Difference(blocks, differing, hex.formatHex(da.digest()), hex.formatHex(db.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compare the disk images", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
