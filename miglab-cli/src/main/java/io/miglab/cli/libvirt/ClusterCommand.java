package io.miglab.cli.libvirt;

import picocli.CommandLine.Command;

/** {@code miglab cluster}: a libvirt cluster read into a datacenter scenario, and a host evacuated by its plan. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "A libvirt cluster: read it into a datacenter scenario (inventory), plan a host's evacuation "
                + "with the datacenter simulator and carry it out through libvirt (evacuate).",
        subcommands = {InventoryCommand.class, EvacuateCommand.class})
public final class ClusterCommand {
}
