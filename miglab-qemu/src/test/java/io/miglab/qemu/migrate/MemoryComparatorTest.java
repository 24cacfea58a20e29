package io.miglab.qemu.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryComparatorTest {
    @TempDir
    Path dir;

    // Guards against a comparison that cannot see a difference (the real test expects 0, which it would then
    // pass trivially).
    @Test
    void countsEachDifferingPageOnce() throws Exception {
        byte[] a = new byte[10 * 4096];
        byte[] b = a.clone();
        b[3 * 4096] = 1;          // first byte of page 3
        b[7 * 4096 + 4095] = 9;   // last byte of page 7
        b[7 * 4096 + 100] = 9;    // same page again
        Files.write(dir.resolve("a"), a);
        Files.write(dir.resolve("b"), b);
        MemoryComparator.Difference d = MemoryComparator.comparePages(dir.resolve("a"), dir.resolve("b"), 4096);
        assertThat(d.pagesCompared()).isEqualTo(10);
        assertThat(d.differingPages()).isEqualTo(2);
        assertThat(d.firstDifferingPages()).containsExactly(3L, 7L);
    }
}
