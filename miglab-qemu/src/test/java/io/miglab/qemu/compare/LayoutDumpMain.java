package io.miglab.qemu.compare;

import io.miglab.core.unit.ByteSize;
import io.miglab.qemu.launch.AccelProbe;
import io.miglab.qemu.launch.GuestConfig;
import io.miglab.qemu.launch.QemuInstallation;
import io.miglab.qemu.launch.QemuLauncher;
import io.miglab.qemu.migrate.QemuSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Where an idle guest's non-zero pages lie, page by page, run by hand against real QEMU (not a test, nothing
 * stored): boots miglab's idle guest, pauses it {@code SETTLE_MS} after READY (as a migration would start),
 * saves its RAM below 4 GiB with {@code pmemsave} and prints, per MiB of the top {@code TOP_MIB}, the non-zero pages,
 * then the span and count of the top block (from the top down to the first run of {@code GAP_MIB} MiB without a
 * non-zero page) and of the bottom block. Needs MIGLAB_GUEST_DIR.
 *
 * <pre>
 *   LayoutDumpMain MEMORY_MIB [SETTLE_MS [TOP_MIB [GAP_MIB]]]
 * </pre>
 */
public final class LayoutDumpMain {
    private static final int PAGE = 4096;

    private LayoutDumpMain() {
    }

    public static void main(String[] args) throws Exception {
        long mib = Long.parseLong(args[0]);
        long settleMs = args.length > 1 ? Long.parseLong(args[1]) : 1000;
        int topMiB = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int gapMiB = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        QemuInstallation installation = QemuInstallation.require();
        QemuLauncher launcher = new QemuLauncher(installation, AccelProbe.choose(installation));
        try (QemuSession session = QemuSession.boot(launcher, GuestConfig.idle(ByteSize.ofMiB(mib)),
                Duration.ofSeconds(120))) {
            Thread.sleep(settleMs);
            session.source().qmp().execute("stop");
            Path file = session.folder().resolve("ram.bin");
            session.source().qmp().execute("pmemsave", Map.of("val", 0, "size", mib * ByteSize.MIB,
                    "filename", file.toString()), Duration.ofSeconds(120));
            boolean[] nonZero = nonZeroPages(file, (int) (mib * 256));
            Files.deleteIfExists(file);
            report(nonZero, topMiB, gapMiB);
        }
    }

    static boolean[] nonZeroPages(Path file, int pages) throws IOException {
        boolean[] out = new boolean[pages];
        byte[] page = new byte[PAGE];
        try (InputStream in = Files.newInputStream(file)) {
            for (int p = 0; p < pages; p++) {
                if (in.readNBytes(page, 0, PAGE) < PAGE) break;
                for (byte b : page) {
                    if (b != 0) {
                        out[p] = true;
                        break;
                    }
                }
            }
        }
        return out;
    }

    static void report(boolean[] nonZero, int topMiB, int gapMiB) {
        int pages = nonZero.length, perMiB = 256;
        StringBuilder top = new StringBuilder("TOP non-zero pages per MiB, from the top down:");
        for (int m = 0; m < topMiB && (m + 1) * perMiB <= pages; m++) {
            int n = 0;
            for (int p = pages - (m + 1) * perMiB; p < pages - m * perMiB; p++) if (nonZero[p]) n++;
            top.append(' ').append(n);
        }
        System.out.println(top);
        // the top block: down from the top to the first gap of gapMiB without a non-zero page
        int gap = gapMiB * perMiB, run = 0, lowest = pages, count = 0;
        for (int p = pages - 1; p >= 0 && run < gap; p--) {
            if (nonZero[p]) {
                lowest = p;
                count++;
                run = 0;
            } else {
                run++;
            }
        }
        int bottomEnd = 0, bottomCount = 0;
        run = 0;
        for (int p = 0; p < lowest && run < gap; p++) {
            if (nonZero[p]) {
                bottomEnd = p + 1;
                bottomCount++;
                run = 0;
            } else {
                run++;
            }
        }
        int total = 0;
        for (boolean b : nonZero) if (b) total++;
        System.out.printf(Locale.ROOT, "TOP-BLOCK span %.2f MiB, non-zero %.2f MiB%n", (pages - lowest) / 256.0,
                count / 256.0);
        System.out.printf(Locale.ROOT, "BOTTOM-BLOCK span %.2f MiB, non-zero %.2f MiB%n", bottomEnd / 256.0,
                bottomCount / 256.0);
        System.out.printf(Locale.ROOT, "ALL non-zero %.2f MiB of %d MiB; between the blocks %.2f MiB%n",
                total / 256.0, pages / 256, (total - count - bottomCount) / 256.0);
    }
}
