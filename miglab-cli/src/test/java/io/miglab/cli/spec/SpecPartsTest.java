package io.miglab.cli.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.spec.MigrationSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A factory that reuses the parts of its last spec builds the spec a fresh factory builds, and fails the same way. */
class SpecPartsTest {
    private final SpecFactory kept = new SpecFactory(AlgorithmRegistry.standard());

    private static ScenarioValues values(String origin, String... keyValues) {
        ScenarioValues v = ScenarioValues.empty();
        for (int i = 0; i < keyValues.length; i += 2) v = v.with(keyValues[i], keyValues[i + 1], origin);
        return v;
    }

    private static MigrationSpec fresh(ScenarioValues v) {
        return new SpecFactory(AlgorithmRegistry.standard()).build(v);
    }

    // Guards against a part being reused although a setting it reads changed (a sweep point with the last point's
    // write model, a batch line with the previous line's link).
    @Test
    void eachSpecInARow_equalsTheOneAFreshFactoryBuilds() {
        List<ScenarioValues> row = List.of(
                values("flag", "memory", "1G", "write-model", "sweep", "working-set", "900M", "dirty-rate", "2441"),
                values("flag", "memory", "1G", "write-model", "sweep", "working-set", "900M", "dirty-rate", "2442"),
                values("flag", "memory", "2G", "write-model", "sweep", "working-set", "900M", "dirty-rate", "2442"),
                values("flag", "memory", "2G", "dirty-rate", "2442"),
                values("flag", "memory", "2G", "dirty-rate", "2442", "working-set", "64M"),
                values("flag", "memory", "2G", "bandwidth", "10MB/s", "downtime-limit", "10ms"),
                values("flag", "memory", "2G", "bandwidth", "10MB/s", "policy", "xen"),
                values("flag", "memory", "2G", "algorithm", "postcopy", "prepaging", "8"),
                values("sweep", "memory", "2G", "algorithm", "precopy", "prepaging", "8"),
                values("flag", "hypervisor", "qemu", "memory", "2G"),
                values("flag", "memory", "2G", "xbzrle", "true", "auto-converge", "true"),
                values("flag", "memory", "2G"));
        for (ScenarioValues v : row) assertThat(kept.build(v)).as(v.toString()).isEqualTo(fresh(v));
    }

    // Guards a grid's per-point work: when the inner axis comes back to a value (10 bandwidths under each of 1,000
    // dirty rates), its link is the one built the first time, not built again, and every spec is still the one a
    // fresh factory builds.
    @Test
    void anInnerAxisComingBack_reusesTheKeptPart_andBuildsTheSameSpecs() {
        List<String> bandwidths = List.of("100000000", "100000001", "100000002");
        List<MigrationSpec> firstRow = new ArrayList<>();
        for (String rate : List.of("2441", "2442", "2443")) {
            for (String bandwidth : bandwidths) {
                ScenarioValues v = values("flag", "memory", "1G", "write-model", "sweep", "working-set", "900M")
                        .with("dirty-rate", rate, ScenarioValues.SWEEP)
                        .with("bandwidth", bandwidth, ScenarioValues.SWEEP);
                MigrationSpec spec = kept.build(v);
                assertThat(spec).as(v.toString()).isEqualTo(fresh(v));
                if (firstRow.size() < bandwidths.size()) firstRow.add(spec);
                else assertThat(spec.link()).isSameAs(firstRow.get(bandwidths.indexOf(bandwidth)).link());
            }
        }
        assertThat(firstRow.get(0).link()).isNotSameAs(firstRow.get(1).link());
    }

    // Guards against a kept part hiding an error: settings that fail still fail, with the same message, after the
    // same settings built well with other values.
    @Test
    void aBadSettingAfterGoodOnes_failsAsWithAFreshFactory() {
        kept.build(values("flag", "memory", "1G", "dirty-rate", "100"));
        ScenarioValues bad = values("flag", "memory", "1G", "dirty-rate", "100", "prepaging", "8");
        String expected = message(() -> fresh(bad));
        assertThat(expected).contains("prepaging");
        assertThatThrownBy(() -> kept.build(bad)).hasMessage(expected);
        // and the good settings after it still build
        ScenarioValues good = values("flag", "memory", "1G", "dirty-rate", "100");
        assertThat(kept.build(good)).isEqualTo(fresh(good));
        ScenarioValues tooBig = values("flag", "memory", "1G", "dirty-rate", "100", "working-set", "2G");
        assertThatThrownBy(() -> kept.build(tooBig)).hasMessage(message(() -> fresh(tooBig)));
    }

    private static String message(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }
}
