package io.miglab.cli.netlab;

import io.miglab.cli.spec.Setting.Use;
import io.miglab.cli.spec.SettingOptions;
import io.miglab.cli.spec.Settings;
import io.miglab.cli.spec.SpecOptions;
import io.miglab.cli.spec.Values;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.qemu.net.RateChange;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The flags of {@code netlab} as a picocli mixin: the migration's (those of {@link SpecOptions}) and the namespace
 * link's ({@code Settings}' "shared link" group), each link flag read and checked here, in its own units, before
 * anything is made.
 */
@Command(modelTransformer = NetlabOptions.Flags.class)
public final class NetlabOptions {
    static final int MAX_CONCURRENT = 8;

    /** Adds the migration's settings (as {@link SpecOptions}) and the link's to the mixin: picocli applies one
     * model transformer per command. */
    public static final class Flags implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            SettingOptions.addTo(spec, Use.SIMULATE, true);
            return SettingOptions.addTo(spec, Use.NETLAB, false);
        }
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The migration's own flags, read from the same command. */
    public SpecOptions spec() {
        return SpecOptions.reading(command);
    }

    private Optional<String> given(String name) {
        return SettingOptions.given(command, Settings.get(name));
    }

    private String valueOf(String name) {
        return given(name).or(() -> Settings.defaultValue(name)).orElseThrow();
    }

    public int concurrent() {
        return (int) Values.integer("concurrent", valueOf("concurrent"), 1, MAX_CONCURRENT);
    }

    public int maxParallel() {
        int n = concurrent();
        return given("max-parallel").map(t -> (int) Values.integer("max-parallel", t, 1, n)).orElse(n);
    }

    public DataRate rate() {
        return limited("netns-rate", Values.rate("netns-rate", valueOf("netns-rate")));
    }

    /** Per mille of TCP packets dropped. */
    public int lossPerMille() {
        double share = Values.share("loss", valueOf("loss"));
        double perMille = share * 1000;
        if (share > 0.10 || Math.abs(perMille - Math.round(perMille)) > 1e-9) {
            throw new InvalidSpecException("loss", "0 to 10% in steps of 0.1%", "'" + valueOf("loss") + "'");
        }
        return (int) Math.round(perMille);
    }

    public Optional<RateChange> rateChange() {
        return given("rate-change").map(text -> {
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw new InvalidSpecException("rate-change", "TIME:RATE like 3s:10MiB/s", "'" + text + "'");
            }
            return new RateChange(Values.duration("rate-change", text.substring(0, colon)),
                    limited("rate-change", Values.rate("rate-change", text.substring(colon + 1))));
        });
    }

    private static DataRate limited(String field, DataRate r) {
        if (r.bytesPerSecond() < ByteSize.MIB || r.bytesPerSecond() > 1024.0 * ByteSize.MIB) {
            throw new InvalidSpecException(field, "1MiB/s to 1GiB/s", r.bytesPerSecond() / ByteSize.MIB + "MiB/s");
        }
        return r;
    }
}
