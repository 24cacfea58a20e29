package io.miglab.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.miglab.cli.common.BadInputException;
import io.miglab.core.write.DirtyTrace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dirty-page trace format: header, inclusive ranges, merging, gzip, errors by line. */
class DirtyTraceReaderTest {
    private static final String HEADER = "# miglab-dirty-trace v1 interval_ms=100 page_size=4096\n";

    @TempDir
    Path dir;

    private static DirtyTraceReader.TraceFile read(String text) throws IOException {
        return DirtyTraceReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t");
    }

    // Guards against off-by-one ranges (text ranges are inclusive, DirtyTrace's are [from, to)) and unmerged overlaps.
    @Test
    void rangesAreInclusive_sortedAndMerged() throws IOException {
        DirtyTraceReader.TraceFile f = read(HEADER + "0-15 100 2048-4095\n12 5 0-3 4 20-22 21 23\n-\n");
        DirtyTrace t = f.trace();
        assertThat(t.intervalSeconds()).isEqualTo(0.1);
        assertThat(f.pageSizeBytes()).isEqualTo(4096);
        assertThat(t.intervals()).hasSize(3);
        assertThat(t.intervals().get(0)).containsExactly(0, 16, 100, 101, 2048, 4096);
        assertThat(t.intervals().get(1)).containsExactly(0, 6, 12, 13, 20, 24);
        assertThat(t.intervals().get(2)).isEmpty();
        assertThat(t.pagesIn(0)).isEqualTo(16 + 1 + 2048);
    }

    // Guards against comments or blank lines becoming (empty) intervals and shifting the replay's timing.
    @Test
    void commentsAndBlankLines_areNotIntervals() throws IOException {
        DirtyTrace t = read("\n" + HEADER + "# note\n1\n\n2\n").trace();
        assertThat(t.intervals()).hasSize(2);
    }

    // Guards against gzip detection by name only (or not at all).
    @Test
    void gzipFiles_readLikePlainOnes() throws IOException {
        String text = HEADER + "0-15 100 2048-4095\n7\n";
        Path plain = Files.writeString(dir.resolve("a.trace"), text);
        Path gz = dir.resolve("a.trace.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        DirtyTrace a = DirtyTraceReader.read(plain).trace(), b = DirtyTraceReader.read(gz).trace();
        assertThat(b.intervals()).hasSize(2);
        for (int i = 0; i < 2; i++) assertThat(b.intervals().get(i)).containsExactly(a.intervals().get(i));
    }

    // Guards against the writer and reader disagreeing on the format.
    @Test
    void writerOutput_readsBackTheSameTrace() throws IOException {
        DirtyTrace t = new DirtyTrace(0.25, List.of(new int[] {0, 16, 100, 101}, new int[0], new int[] {7, 9}));
        Path f = dir.resolve("w.trace.gz");
        DirtyTraceWriter.write(t, 8192, f);
        DirtyTraceReader.TraceFile back = DirtyTraceReader.read(f);
        assertThat(back.pageSizeBytes()).isEqualTo(8192);
        assertThat(back.trace().intervalSeconds()).isEqualTo(0.25);
        for (int i = 0; i < 3; i++) assertThat(back.trace().intervals().get(i)).containsExactly(t.intervals().get(i));
    }

    // Guards against errors that do not say where the bad line is.
    @Test
    void errors_nameTheLine() {
        assertThatThrownBy(() -> read(HEADER + "1 2\n5-3\n")).isInstanceOf(BadInputException.class)
                .hasMessage("trace t line 3: a range whose end is not below its start (got '5-3')");
        assertThatThrownBy(() -> read(HEADER + "1 -2\n"))
                .hasMessageStartingWith("trace t line 2: page numbers and inclusive ranges");
        assertThatThrownBy(() -> read("0-15\n")).hasMessageStartingWith("trace t line 1: a header line like");
        assertThatThrownBy(() -> read("# miglab-dirty-trace v2 interval_ms=1\n1\n"))
                .hasMessage("trace t line 1: format version v1 (got 'v2')");
        assertThatThrownBy(() -> read("# miglab-dirty-trace v1 page_size=4096\n1\n"))
                .hasMessageStartingWith("trace t line 1: a header with interval_ms=<ms>");
        assertThatThrownBy(() -> read("# miglab-dirty-trace v1 interval_ms=10 page_size=1000\n1\n"))
                .hasMessageStartingWith("trace t line 1: page_size: a power of two");
        assertThatThrownBy(() -> read(HEADER)).hasMessage("trace t: no intervals after the header");
    }

    // Guards against the shipped example trace drifting from the format.
    @Test
    void exampleTrace_reads() {
        DirtyTraceReader.TraceFile f = DirtyTraceReader.read(Path.of("..", "examples", "small-guest.trace"));
        assertThat(f.trace().intervals()).hasSize(40);
        assertThat(f.trace().pagesIn(0)).isGreaterThanOrEqualTo(512 + 64);
        assertThat(f.trace().pagesIn(9)).isZero();
    }

    /** An endless stream repeating {@code text} after {@code head}. */
    private static InputStream endless(String head, String text) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8), t = text.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            long pos;

            @Override
            public int read() {
                long p = pos++;
                return p < h.length ? h[(int) p] : t[(int) ((p - h.length) % t.length)];
            }
        };
    }

    // Guards against `--write-model trace:/dev/zero` dying with "Required array length 2147483639 + 9 is too
    // large": the header was read as one unbounded line.
    @Test
    void devZero_isAnErrorNamingTheLine() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThatThrownBy(() -> DirtyTraceReader.read(Path.of("/dev/zero"))).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("trace /dev/zero line 1: a header line like '# miglab-dirty-trace v1")
                    .hasMessageContaining("(got a line of more than 4096 characters starting '\\u0000");
            assertThatThrownBy(() -> DirtyTraceReader.read(endless(HEADER, "\0"), "z"))
                    .hasMessageStartingWith("trace z line 2: page numbers and inclusive ranges");
        });
    }

    // Guards against endless or huge bodies exhausting the heap: each limit ends in an error naming the line.
    @Test
    void endlessBodies_stopAtALimit() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertThatThrownBy(() -> DirtyTraceReader.read(endless(HEADER, "1\n"), "y"))
                    .hasMessage("trace y line " + (TraceLines.MAX_INTERVALS + 2) + ": at most 1000000 intervals"
                            + " (got more)");
            assertThatThrownBy(() -> DirtyTraceReader.read(endless(HEADER, "12345678901234567890123456789012345 "),
                    "long")).hasMessageStartingWith("trace long line 2: page numbers and inclusive ranges")
                    .hasMessageEndingWith("(got '12345678901234567890123456789012...')");
        });
    }

    // Guards the streaming merge: a line longer than the merge buffer still becomes its sorted, merged ranges.
    @Test
    void aLineOfMillionsOfTokens_mergesIntoItsRanges() throws IOException {
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = 0; i < 3_000_000; i++) b.append(i % 3 == 0 ? "7 " : i % 3 == 1 ? "9-10 " : "1000 ");
        b.append("8\n");
        DirtyTrace t = read(b.toString()).trace();
        assertThat(t.intervals().get(0)).containsExactly(7, 11, 1000, 1001);
    }

    // Guards against interval_ms=1e-300 being accepted (the replay then looped over 1e300 intervals per second).
    @Test
    void intervalOutsideItsRange_isAnError() throws IOException {
        assertThatThrownBy(() -> read("# miglab-dirty-trace v1 interval_ms=1e-300\n1\n"))
                .hasMessage("trace t line 1: interval_ms: milliseconds from 0.001 to 3600000 (got 'interval_ms=1e-300')");
        assertThatThrownBy(() -> read("# miglab-dirty-trace v1 interval_ms=1e12\n1\n"))
                .hasMessageStartingWith("trace t line 1: interval_ms: milliseconds from 0.001");
        assertThat(read("# miglab-dirty-trace v1 interval_ms=0.001\n1\n").trace().intervalSeconds()).isEqualTo(1e-6);
    }
}
