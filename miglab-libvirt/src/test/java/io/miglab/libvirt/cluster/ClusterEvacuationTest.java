package io.miglab.libvirt.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.result.StopReason;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.libvirt.domain.GuestDomain;
import io.miglab.libvirt.domain.SerialLog;
import io.miglab.libvirt.local.LocalHosts;
import io.miglab.libvirt.migrate.LibvirtMigration;
import io.miglab.libvirt.testing.RealLibvirt;
import io.miglab.qemu.launch.GuestConfig;
import io.miglab.qemu.launch.QemuInstallation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;

/**
 * A host evacuated end to end on two local daemons: three persistent guests on host-a, the simulator's plan, then
 * the plan carried out, with a failure injected in the middle: the folder of vm2's serial log is deleted once vm2
 * runs (its source QEMU keeps the open file), so the destination's QEMU cannot open the log and refuses the
 * incoming migration, every time; vm2 must stay, running and defined, on host-a.
 */
class ClusterEvacuationTest {
    // Guards the evacuation's promise: every planned VM either moved (running on the destination, its definition
    // moved with it) or stayed running and defined on the source; none is left stopped or undefined by a failure.
    @Test
    void anEvacuationWithAFailureInTheMiddle_leavesEveryVmRunningSomewhere() throws Exception {
        try (LocalHosts hosts = RealLibvirt.hosts(2)) {
            Connect a = new Connect(hosts.daemon(0).uri());
            QemuInstallation installation = QemuInstallation.require();
            List<SerialLog> logs = new ArrayList<>();
            String[] names = {"vm1", "vm2", "vm3"};
            for (String name : names) {
                GuestConfig guest = GuestConfig.idle(ByteSize.ofMiB(256));
                Path folder = hosts.guestFolder().resolve(name);
                Files.createDirectories(folder);
                hosts.user().own(folder);
                var log = folder.resolve(name + ".log");
                a.domainDefineXML(new GuestDomain(name, guest, installation, log).xml()).create();
                logs.add(SerialLog.follow(log));
            }
            for (SerialLog l : logs) l.awaitReady(Duration.ofSeconds(180));
            logs.forEach(SerialLog::close);
            Files.delete(hosts.guestFolder().resolve("vm2/vm2.log"));
            Files.delete(hosts.guestFolder().resolve("vm2"));

            Inventory inv = Inventory.read(List.of(hosts.daemon(0).uri(), hosts.daemon(1).uri()),
                    List.of("host-a", "host-b"), Duration.ZERO);
            assertThat(inv.domains()).extracting(Inventory.DomainEntry::name).containsExactlyInAnyOrder(names);
            String yaml = InventoryScenario.yaml(inv, DataRate.ofMiBps(100), 0.7);
            EvacuationPlan plan = EvacuationPlan.of(yaml, "host-a", 1);
            assertThat(plan.steps()).hasSize(3).allMatch(s -> s.destination().equals("host-b"));
            assertThat(plan.predictedTotalSeconds()).isGreaterThan(0);

            MigrationSpec spec = MigrationSpec.of(ByteSize.ofMiB(256), DataRate.ofMiBps(100))
                    .withPolicy(TerminationPolicy.qemu(Duration.ofMillis(300), Duration.ofSeconds(20)));
            assertThat(plan.steps()).extracting(EvacuationPlan.Step::domain).containsExactlyInAnyOrder(names);
            List<EvacuationExecutor.Outcome> outcomes = new EvacuationExecutor(spec, 1,
                    InventoryScenario.persistentDomains(yaml), Optional.of("127.0.0.1")).execute(plan);

            Connect b = new Connect(hosts.daemon(1).uri());
            for (EvacuationExecutor.Outcome o : outcomes) {
                String vm = o.step().domain();
                if (vm.equals("vm2")) {
                    assertThat(o.moved()).isFalse();
                    assertThat(o.attempts()).isEqualTo(2);
                    assertThat(o.result().outcome().stopReason()).isEqualTo(StopReason.FAILED);
                    assertThat(LibvirtMigration.state(a, vm)).isEqualTo("running");
                    assertThat(LibvirtMigration.state(b, vm)).isEqualTo("gone");
                } else {
                    assertThat(o.moved()).as(vm + " " + o.error()).isTrue();
                    assertThat(LibvirtMigration.state(b, vm)).isEqualTo("running");
                    assertThat(b.domainLookupByName(vm).isPersistent()).isEqualTo(1);
                    assertThat(LibvirtMigration.state(a, vm)).isEqualTo("gone");
                }
            }
            assertThat(a.domainLookupByName("vm2").isPersistent()).isEqualTo(1);
            a.close();
            b.close();
        }
    }
}
