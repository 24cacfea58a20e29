package io.miglab.cli.spec;

import io.miglab.core.link.Link;
import io.miglab.core.link.NasAssist;
import io.miglab.core.storage.DiskSpec;
import io.miglab.core.storage.Raid5;
import io.miglab.core.storage.StorageSpec;
import io.miglab.core.storage.StorageStrategy;
import io.miglab.core.unit.ByteSize;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The NAS and local-disk settings of {@link Settings}, read into core's {@link NasAssist} and {@link StorageSpec}. */
final class StorageSettings {
    private static final List<String> NAS = List.of("nas-in-bandwidth", "nas-out-bandwidth", "nas-latency",
            "nas-disks", "nas-stripe", "nas-disk-rate");
    private static final List<String> DISK = List.of("storage", "disk-allocated", "disk-write-rate",
            "disk-working-set", "disk-block");

    private StorageSettings() { }

    static Optional<NasAssist> nas(SpecInputs in) {
        if (!Values.bool("nas", in.text("nas"))) {
            for (String k : NAS) in.forbid(k, "--nas");
            return Optional.empty();
        }
        Duration rtt = Values.duration("nas-latency", in.text("nas-latency"));
        Raid5 raid = new Raid5((int) Values.integer("nas-disks", in.text("nas-disks"), 3, 64),
                Values.size("nas-stripe", in.text("nas-stripe")), Values.rate("nas-disk-rate", in.text("nas-disk-rate")));
        return Optional.of(new NasAssist(new Link(Values.rate("nas-in-bandwidth", in.text("nas-in-bandwidth")), rtt,
                Optional.empty()), new Link(Values.rate("nas-out-bandwidth", in.text("nas-out-bandwidth")), rtt,
                Optional.empty()), raid));
    }

    static Optional<StorageSpec> storage(SpecInputs in) {
        Optional<String> size = in.optional("disk-size");
        if (size.isEmpty()) {
            for (String k : DISK) in.forbid(k, "--disk-size");
            return Optional.empty();
        }
        ByteSize disk = Values.size("disk-size", size.get());
        double allocated = Values.share("disk-allocated", in.text("disk-allocated"));
        ByteSize block = Values.size("disk-block", in.text("disk-block"));
        ByteSize workingSet = in.optional("disk-working-set").map(t -> Values.size("disk-working-set", t))
                .orElse(ByteSize.ofBytes(Math.round(disk.bytes() * allocated / block.bytes()) * block.bytes()));
        double writes = in.optional("disk-write-rate").map(t -> Values.rate("disk-write-rate", t).bytesPerSecond())
                .orElse(0.0);
        StorageStrategy strategy = StorageStrategy.parse("storage", in.text("storage"));
        return Optional.of(new StorageSpec(new DiskSpec(disk, allocated, writes, workingSet, block), strategy));
    }
}
