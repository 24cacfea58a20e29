package io.miglab.cli.sweep;

import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.spec.StopCondition;
import io.miglab.report.format.Num;
import io.miglab.report.format.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the plots say about the inputs a sweep held fixed: the guest and the link (in the title), the downtime
 * limit (a dashed line on the downtime plot) and the link's capacity in pages/s (a dashed line where the x axis
 * is the dirty rate: beyond it pre-copy cannot converge).
 *
 * @param setting            "1 GiB guest, 1 Gbit/s link"; empty when both are varied
 * @param downtimeLimitMs    the policy's downtime limit, if it has one and the sweep does not vary it
 * @param linkPagesPerSecond pages the link carries per second, if the sweep varies neither bandwidth nor memory
 */
public record PlotContext(String setting, Optional<Double> downtimeLimitMs, Optional<Double> linkPagesPerSecond) {
    public static final PlotContext NONE = new PlotContext("", Optional.empty(), Optional.empty());

    /** The context of {@code spec}, one point's inputs, leaving out what {@code axes} vary. */
    public static PlotContext of(MigrationSpec spec, List<SweepAxis> axes) {
        List<SweepParameter> varied = axes.stream().map(SweepAxis::parameter).toList();
        List<String> parts = new ArrayList<>();
        if (!varied.contains(SweepParameter.MEMORY)) parts.add(Quantity.bytes(spec.memory().bytes()) + " guest");
        double bps = spec.link().effectiveBandwidth().bytesPerSecond();
        if (!varied.contains(SweepParameter.BANDWIDTH)) parts.add(rate(bps) + " link");
        Optional<Double> limit = varied.contains(SweepParameter.DOWNTIME_LIMIT) ? Optional.empty()
                : spec.policy().find(StopCondition.DowntimeBelow.class).map(d -> d.limit().toNanos() / 1e6);
        Optional<Double> capacity = varied.contains(SweepParameter.BANDWIDTH) ? Optional.empty()
                : Optional.of(bps / (spec.memory().pageSizeBytes() + Optimisations.PAGE_HEADER_BYTES));
        return new PlotContext(String.join(", ", parts), limit, capacity);
    }

    /** Links are sold in bits: 1 Gbit/s reads better than 119.2 MiB/s. */
    static String rate(double bytesPerSecond) {
        double gbit = bytesPerSecond * 8 / 1e9;
        if (gbit >= 1 && Math.abs(gbit - Math.rint(gbit * 10) / 10) < 1e-9) return Num.sig(gbit, 4) + " Gbit/s";
        return Quantity.rate(bytesPerSecond);
    }

    /** A title with the setting after it: "Downtime vs dirty rate · 1 GiB guest, 1 Gbit/s link". */
    public String title(String title) {
        return setting.isEmpty() ? title : title + " · " + setting;
    }
}
