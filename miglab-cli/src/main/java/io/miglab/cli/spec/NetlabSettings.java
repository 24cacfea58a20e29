package io.miglab.cli.spec;

import io.miglab.cli.spec.Setting.Default;
import io.miglab.cli.spec.Setting.Type;
import io.miglab.cli.spec.Setting.Use;
import java.util.EnumSet;
import java.util.List;

/**
 * The settings of {@code netlab}'s shared link between two network namespaces: part of {@link Settings#ALL}, kept
 * in their own file by purpose.
 */
final class NetlabSettings {
    static final List<Setting> ALL = List.of(
            n("shared link", "concurrent", Type.INTEGER, "N", "Guests that migrate over the one link.",
                    Default.of(1)).range("1..8"),
            n("shared link", "max-parallel", Type.INTEGER, "N", "At most K migrate at a time; the others wait for "
                    + "a free slot.", Default.absent("as --concurrent")).range("1..--concurrent"),
            n("shared link", "netns-rate", Type.RATE, "RATE", "The veth link's tbf rate; QEMU's own cap is set "
                    + "far above it.", Default.of("40MiB/s")).range("1MiB/s to 1GiB/s"),
            n("shared link", "loss", Type.SHARE, "SHARE", "TCP packets dropped at random on the way in (nftables "
                    + "numgen), in steps of 0.1%.", Default.of("0")).range("0 to 10%"),
            n("shared link", "rate-change", Type.TEXT, "TIME:RATE", "The link's rate becomes RATE this long after "
                    + "the migrations start (tc qdisc change), e.g. 3s:10MiB/s.", Default.absent("none")));

    private NetlabSettings() { }

    private static Setting n(String group, String name, Type type, String label, String help, Default d) {
        return Settings.s(group, name, type, label, help, d, EnumSet.of(Use.NETLAB));
    }
}
