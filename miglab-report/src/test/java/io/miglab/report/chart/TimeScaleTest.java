package io.miglab.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeScaleTest {
    // The datacenter report's 6-hour day was labelled 0, 1.18, 2.37, ... h; a person wants whole hours.
    @Test
    void sixHoursAreLabelledInWholeHours() {
        Axis a = TimeScale.axis("time", 21_300);
        assertThat(a.title()).isEqualTo("time (h)");
        assertThat(a.labels()).containsExactly("0", "1", "2", "3", "4", "5", "6");
        assertThat(a.ticks().get(6)).isEqualTo(6 * 3600.0);
        assertThat(a.time()).isTrue();
    }

    @Test
    void aDayIsLabelledEveryThreeHours() {
        assertThat(TimeScale.axis("time", 86_400).labels()).containsExactly("0", "3", "6", "9", "12", "15", "18", "21",
                "24");
    }

    @Test
    void minutesAndSecondsForShorterRuns() {
        Axis minutes = TimeScale.axis("time", 45 * 60 + 10);
        assertThat(minutes.title()).isEqualTo("time (min)");
        assertThat(minutes.labels()).containsExactly("0", "10", "20", "30", "40", "50");
        Axis seconds = TimeScale.axis("time", 38);
        assertThat(seconds.title()).isEqualTo("time (s)");
        assertThat(seconds.labels()).containsExactly("0", "10", "20", "30", "40");
    }
}
