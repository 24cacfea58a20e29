package io.miglab.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.core.error.InvalidSpecException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchConfigTest {
    // Out-of-range input must say which field and what is allowed.
    @Test
    void outOfRangeValuesNameTheFieldAndTheRange() {
        BenchConfig c = BenchConfig.defaults("x");
        assertThatThrownBy(() -> c.withPoints(0)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("points: 1 to 1000 (got 0)");
        assertThatThrownBy(() -> c.withRunLength(Duration.ofMillis(10))).isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("run-length: 1s to 24h");
    }

    // Points are spread evenly inside the run, never at its very start or end: k/(N+1).
    @Test
    void pointsAreEvenlySpacedInsideTheRun() {
        BenchConfig c = BenchConfig.defaults("x").withPoints(2).withRunLength(Duration.ofSeconds(30));
        assertThat(c.pointOffset(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.pointOffset(2)).isEqualTo(Duration.ofSeconds(20));
    }
}
