package io.miglab.datacenter.scenario;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.storage.StorageSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.WriteModel;
import io.miglab.datacenter.model.CpuPattern;
import java.util.List;
import java.util.Optional;

/**
 * A population of VMs. Each VM's memory is drawn from {@code memoryChoices} with {@code memoryWeights} (equal if
 * empty).
 *
 * @param hosts   names of the hosts to place this population on first (round-robin); empty: anywhere
 * @param storage each VM's local disk and how it moves (scenario {@code disk:} and {@code storage:}); empty: none
 */
public record VmGroup(String name, int count, int vcpus, List<ByteSize> memoryChoices, List<Double> memoryWeights,
                      double zeroPageShare, WriteModel writes, CpuPattern cpu, List<String> hosts,
                      Optional<StorageSpec> storage) {
    public VmGroup(String name, int count, int vcpus, List<ByteSize> memoryChoices, List<Double> memoryWeights,
                   double zeroPageShare, WriteModel writes, CpuPattern cpu, List<String> hosts) {
        this(name, count, vcpus, memoryChoices, memoryWeights, zeroPageShare, writes, cpu, hosts, Optional.empty());
    }

    public VmGroup {
        InvalidSpecException.require(name != null && !name.isBlank(), "vms.name", "a population name", name);
        InvalidSpecException.require(count >= 0 && count <= 10_000_000, "vms.count", "0 to 10000000", count);
        InvalidSpecException.require(vcpus >= 1 && vcpus <= 1024, "vms.vcpus", "1 to 1024", vcpus);
        InvalidSpecException.require(memoryChoices != null && !memoryChoices.isEmpty(), "vms.memory",
                "a size or a list of sizes", memoryChoices);
        memoryChoices = List.copyOf(memoryChoices);
        memoryWeights = memoryWeights == null ? List.of() : List.copyOf(memoryWeights);
        InvalidSpecException.require(memoryWeights.isEmpty() || memoryWeights.size() == memoryChoices.size(),
                "vms.memoryWeights", "one weight per memory choice", memoryWeights);
        InvalidSpecException.require(memoryWeights.stream().allMatch(w -> w >= 0)
                        && (memoryWeights.isEmpty() || memoryWeights.stream().mapToDouble(Double::doubleValue).sum() > 0),
                "vms.memoryWeights", "weights >= 0, not all 0", memoryWeights);
        InvalidSpecException.require(zeroPageShare >= 0 && zeroPageShare <= 1, "vms.zeroPageShare",
                "a share from 0 to 1", zeroPageShare);
        InvalidSpecException.require(writes != null, "vms.writes", "a write model", writes);
        InvalidSpecException.require(cpu != null, "vms.cpu", "a CPU pattern", cpu);
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        storage = storage == null ? Optional.empty() : storage;
    }
}
