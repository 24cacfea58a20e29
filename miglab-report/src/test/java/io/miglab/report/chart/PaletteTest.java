package io.miglab.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaletteTest {
    // The demo's plots gave "stop-and-copy" in one plot the colour "cancelled" had in the next.
    @Test
    void aSeriesKeepsItsColourWhateverElseIsInTheChart() {
        String alone = Palette.colour("stop-and-copy");
        assertThat(Palette.colours(List.of("pre-copy", "stop-and-copy")).get(1)).isEqualTo(alone);
        assertThat(Palette.colours(List.of("did not switch over", "stop-and-copy", "postcopy")).get(1))
                .isEqualTo(alone);
        assertThat(Palette.colour("pre-copy")).isEqualTo(Palette.colour("precopy"));
        assertThat(Palette.colour("precopy")).isNotEqualTo(alone);
    }

    @Test
    void runsThatDidNotSwitchOverAreGreyAndNoOtherSeriesIs() {
        List<String> c = Palette.colours(List.of("precopy", "did not switch over (timeout)"));
        assertThat(c.get(1)).isEqualTo(Palette.NOT_SWITCHED);
        for (String name : List.of("idle", "web", "r0-h1", "r1-h7", "precopy, memory=1GiB")) {
            assertThat(Palette.colour(name)).isNotEqualTo(Palette.NOT_SWITCHED);
        }
    }

    @Test
    void seriesOfOneChartGetDistinctColoursWhileThePaletteLasts() {
        List<String> hosts = List.of("r0-h0", "r0-h1", "r0-h2", "r0-h3", "r0-h4", "r0-h5", "r0-h6", "r0-h7");
        assertThat(new HashSet<>(Palette.colours(hosts))).hasSize(hosts.size());
        List<String> workloads = List.of("idle", "mem-low", "mem-mid", "mem-high", "cpu", "web", "file");
        assertThat(new HashSet<>(Palette.colours(workloads))).hasSize(workloads.size());
        assertThat(Palette.colours(hosts).get(3)).isEqualTo(Palette.colours(hosts).get(3));
    }
}
