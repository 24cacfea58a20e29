package io.miglab.cli.datacenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatacenterCommandTest {
    /** Guards the command end to end: a scenario in, one CSV row per migration and an HTML report out. */
    @Test
    void runsAScenarioAndWritesItsReports(@TempDir Path out) throws Exception {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = new Main().run(new PrintWriter(o), new PrintWriter(e), "datacenter", "--scenario",
                "../examples/datacenter/xen-vs-kvm.yaml", "--out", out.toString(), "--no-progress");
        assertThat(code).as(e.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("migrations.csv"))).hasSize(5);
        assertThat(Files.readString(out.resolve("report.html"))).contains("<svg").doesNotContain("<script", "src=\"http", "href=\"http", "@import")
                .contains("memtest-0");
        assertThat(o.toString()).contains("migrations_evacuation      4");
    }

    /** Guards bad input: a misspelt field is one line naming it, and exit code 2. */
    @Test
    void aMisspeltFieldIsBadInput(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "name: x\nracks: [{count: 1, hostsPerRack: 1, host: {cores: 4, memory: 8G, nicc: 1G}}]\n");
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = new Main().run(new PrintWriter(o), new PrintWriter(e), "datacenter", "--scenario", f.toString());
        assertThat(code).isEqualTo(2);
        assertThat(e.toString().trim()).startsWith("miglab: racks[0].host.nicc: a known field").doesNotContain("\n");
    }

    /** Guards a bad row in a CPU trace: one line naming the column and the line, exit 2, nothing written. */
    @Test
    void aBadTraceRowIsBadInput(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cpu.csv"), "time_s,vm,cpu_share\n0,a,0.5\n300,a,half\n");
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "name: x\nracks: [{count: 1, hostsPerRack: 2, host: {cores: 4, memory: 8G, nic: 1G}}]\n"
                + "vms: [{name: a, memory: 1G, cpu: {pattern: trace, file: cpu.csv}}]\n");
        Path out = dir.resolve("out");
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = new Main().run(new PrintWriter(o), new PrintWriter(e), "datacenter", "--scenario", f.toString(),
                "--out", out.toString(), "--no-progress");
        assertThat(code).isEqualTo(2);
        assertThat(e.toString().trim()).isEqualTo("miglab: cpu.trace.cpu_share: a share from 0 to 1 (got cpu.csv line 3:"
                + " '300,a,half')");
        assertThat(out).doesNotExist();
    }
}
