package io.miglab.cli.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code miglab cluster}: bad input before any daemon is asked, and the plan of a written inventory. */
class ClusterCommandTest {
    @TempDir
    Path tmp;

    private static final String INVENTORY = """
            # libvirt-host r0-h0 host-a qemu+unix:///session?socket=/nowhere/a
            # libvirt-host r1-h0 host-b qemu+unix:///session?socket=/nowhere/b
            # libvirt-domain vm1 true
            # libvirt-domain vm2 false
            name: libvirt-inventory
            seed: 1
            duration: 2h
            schedulingInterval: 10s
            profile: kvm
            policy: {name: none, placement: least-loaded, maxConcurrentPerHost: 1, maxConcurrent: 1}
            network: {rackUplink: 100MiB/s, core: 100MiB/s, latency: 0ms}
            racks:
              - {count: 1, hostsPerRack: 1, host: {cores: 2, memory: 8192M, nic: 100MiB/s, idleWatts: 100, peakWatts: 250}}
              - {count: 1, hostsPerRack: 1, host: {cores: 2, memory: 8192M, nic: 100MiB/s, idleWatts: 100, peakWatts: 250}}
            vms:
              - {name: vm1, count: 1, vcpus: 1, memory: [256M], zeroPageShare: 0.70, writes: {model: none}, cpu: {pattern: constant, share: 0.1}, hosts: [r0-h0]}
              - {name: vm2, count: 1, vcpus: 1, memory: [512M], zeroPageShare: 0.70, writes: {model: uniform, pagesPerSecond: 2000}, cpu: {pattern: constant, share: 0.1}, hosts: [r0-h0]}
            """;

    // Guards the plan: both VMs of host-a go to host-b, one after the other at concurrency 1, each with a predicted
    // time (the larger, writing VM takes longer), and the plan alone never connects to a daemon (the URIs lead
    // nowhere).
    @Test
    void thePlan_ordersTheHostsVms_withTheirPredictedFigures() throws Exception {
        Path file = tmp.resolve("cluster.yaml");
        Files.writeString(file, INVENTORY);
        Cli.Run run = Cli.run("cluster", "evacuate", "host-a", "--cluster", file.toString(), "--plan");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("evacuation of host-a").contains("2 migrations, at most 1 at once");
        assertThat(run.out().lines().filter(l -> l.matches("^[12] +vm[12] +host-b .*"))).hasSize(2);
    }

    // Guards the bad-input rule: an unknown host, a missing mode or file, each one line and exit 2.
    @Test
    void badInput_isOneLineAndExit2() throws Exception {
        Path file = tmp.resolve("cluster.yaml");
        Files.writeString(file, INVENTORY);
        Cli.Run host = Cli.run("cluster", "evacuate", "host-z", "--cluster", file.toString(), "--plan");
        assertThat(host.exitCode()).isEqualTo(2);
        assertThat(host.err()).startsWith("miglab: host: a host of the scenario (host-a, host-b)");
        Cli.Run noMode = Cli.run("cluster", "evacuate", "host-a", "--cluster", file.toString());
        assertThat(noMode.exitCode()).isEqualTo(2);
        Cli.Run noFile = Cli.run("cluster", "evacuate", "host-a", "--cluster", tmp.resolve("none.yaml").toString(),
                "--plan");
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).startsWith("miglab: cluster:");
        Cli.Run concurrency = Cli.run("cluster", "evacuate", "host-a", "--cluster", file.toString(), "--plan",
                "--concurrency", "0");
        assertThat(concurrency.exitCode()).isEqualTo(2);
        assertThat(concurrency.err()).startsWith("miglab: concurrency:");
    }
}
