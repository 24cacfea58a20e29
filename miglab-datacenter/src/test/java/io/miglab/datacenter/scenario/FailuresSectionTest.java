package io.miglab.datacenter.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.result.Stage;
import io.miglab.core.spec.FailureKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scenario's {@code failures:} section: explicit failures in FailureSpec's syntax, a rate and its mix. */
class FailuresSectionTest {
    static Scenario read(String failures) throws Exception {
        return ScenarioReaderTest.read(ScenarioReaderTest.MINIMAL + failures);
    }

    @Test
    void explicitFailuresAndARateAreRead() throws Exception {
        Scenario s = read("""
                failures:
                  rate: 20%
                  kinds: [link-down, source-crash]
                  stages: [stop-and-copy]
                  within: 50ms
                  inject:
                    - {vm: web-3, fail: destination-crash@pre-copy+2s}
                    - {migration: 5, fail: link-down@post-copy+1s}
                """);
        FailureInjection f = s.failures();
        assertThat(f.rate()).isEqualTo(0.2);
        assertThat(f.kinds()).containsExactly(FailureKind.LINK_DOWN, FailureKind.SOURCE_CRASH);
        assertThat(f.stages()).containsExactly(Stage.STOP_AND_COPY);
        assertThat(f.within()).isEqualTo(Duration.ofMillis(50));
        assertThat(f.targeted()).hasSize(2);
        assertThat(f.targeted().get(0).vm()).isEqualTo("web-3");
        assertThat(f.targeted().get(0).failure().label()).isEqualTo("destination-crash@pre-copy+2s");
        assertThat(f.targeted().get(1).migration()).isEqualTo(5);
        assertThat(read("failures: {rate: 0.05}").failures().rate()).isEqualTo(0.05);
        assertThat(ScenarioReaderTest.read(ScenarioReaderTest.MINIMAL).failures().isEmpty()).isTrue();
    }

    @Test
    void badValuesNameTheFieldAndTheAllowedRange() {
        List<String[]> bad = List.of(
                new String[] {"failures: {rate: 120%}", "failures.rate: 0 to 1 (or 0% to 100%)"},
                new String[] {"failures: {rate: often}", "failures.rate"},
                new String[] {"failures: {kinds: [meteor]}", "failures.kinds[0]: one of destination-crash"},
                new String[] {"failures: {stages: [lunch]}", "failures.stages[0]: one of preparation"},
                new String[] {"failures: {within: soon}", "failures.within"},
                new String[] {"failures: {inject: [{vm: a, fail: crash}]}", "failures.inject[0].fail: KIND@STAGE+TIME"},
                new String[] {"failures: {inject: [{vm: a, migration: 2, fail: link-down@pre-copy+0s}]}",
                        "failures.inject[0]: exactly one of vm"},
                new String[] {"failures: {inject: [{migration: 0, fail: link-down@pre-copy+0s}]}",
                        "failures.inject[0].migration: 1 or more"});
        for (String[] b : bad) {
            assertThatThrownBy(() -> read(b[0])).as(b[0]).isInstanceOf(InvalidSpecException.class)
                    .hasMessageStartingWith(b[1]).hasMessageNotContaining("\n");
        }
    }
}
