package io.miglab.datacenter.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.datacenter.bench.CpuTraceGenerator;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuTraceReaderTest {
    /** Guards the streaming reader against parsing numbers or names differently from Double.parseDouble and split. */
    @Test
    void streamingReader_givesTheOldReadersValues(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.csv");
        CpuTraceGenerator.write(f, 60, 40, 300, 7);
        String odd = " 12000 , vm-0 ,0.123456789012345678\r\n12300,vm-0,1e-1\n12600,vm-0,.5\n12900,vm-0,1\n"
                + "13200,vm-0,0.30000000000000004\n\n13500.25,x y,0.7\n13600,x y,+0.25\n";
        String text = Files.readString(f) + odd;
        Map<String, double[][]> old = LineSplittingTraceReader.read(new StringReader(text));
        CpuTrace trace = read(text);
        assertThat(trace.vmNames()).containsExactlyElementsOf(old.keySet());
        assertThat(trace.rows()).isEqualTo(40 * 60 + 7);
        for (Map.Entry<String, double[][]> e : old.entrySet()) {
            double[] times = e.getValue()[0], shares = e.getValue()[1];
            CpuSeries s = trace.series(e.getKey());
            for (int i = 0; i < times.length; i++) {
                assertThat(s.shareAt(times[i])).as(e.getKey() + " at " + times[i]).isEqualTo(shares[i]);
                assertThat(s.shareAt(times[i] + 0.5)).isEqualTo(shares[i]);
            }
            assertThat(s.shareAt(-1)).isEqualTo(shares[0]);
        }
        assertThat(trace.series("vm-0").shareAt(12000)).isEqualTo(0.123456789012345678);
    }

    /** Guards bad rows: an error naming the column and the line, not a stack trace or a silently skipped row. */
    @Test
    void aBadRow_namesItsLineAndColumn() {
        String head = "time_s,vm,cpu_share\n0,a,0.5\n";
        assertThatThrownBy(() -> read(head + "300,a,0.5x\n")).isInstanceOf(InvalidSpecException.class)
                .hasMessage("cpu.trace.cpu_share: a share from 0 to 1 (got t.csv line 3: '300,a,0.5x')");
        assertThatThrownBy(() -> read(head + "\n3o0,a,0.5\n"))
                .hasMessage("cpu.trace.time_s: a number of seconds (got t.csv line 4: '3o0,a,0.5')");
        assertThatThrownBy(() -> read(head + "300,a,1.5\n"))
                .hasMessage("cpu.trace.cpu_share: a share from 0 to 1 (got t.csv line 3: '300,a,1.5')");
        assertThatThrownBy(() -> read(head + "300,a\n"))
                .hasMessage("cpu.trace: 3 columns time_s,vm,cpu_share (got t.csv line 3: '300,a')");
        assertThatThrownBy(() -> read(head + "0,a,0.4\n"))
                .hasMessage("cpu.trace.time_s: increasing times per VM (got t.csv line 3: '0,a,0.4')");
        assertThatThrownBy(() -> read("time,vm\n")).hasMessageStartingWith("cpu.trace: a CSV whose first line");
        assertThatThrownBy(() -> read("time_s,vm,cpu_share\n")).hasMessage("cpu.trace: at least one row (got t.csv)");
    }

    /** Guards rows longer than the reader's buffer and a last row without a newline. */
    @Test
    void longRowsAndNoFinalNewline_areRead() throws Exception {
        String name = "v".repeat(3 << 20);
        CpuTrace t = read("time_s,vm,cpu_share\n0," + name + ",0.25\n300," + name + ",0.75");
        assertThat(t.series(name).shareAt(299)).isEqualTo(0.25);
        assertThat(t.series(name).shareAt(300)).isEqualTo(0.75);
    }

    private static CpuTrace read(String text) throws Exception {
        try (InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            return CpuTrace.read("t.csv", in);
        }
    }
}
