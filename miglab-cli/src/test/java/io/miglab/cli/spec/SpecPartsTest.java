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

    // Guards the shortcut for values made from one another (a sweep's points): a part that read none of the keys
    // changed since the last spec is that spec's part. Each spec must still be the one a fresh factory builds when
    // the change is only an origin, changes the hypervisor profile, follows a failed spec, or adds a key.
    @Test
    void pointsMadeFromOneBase_equalTheSpecsAFreshFactoryBuilds_evenAcrossProfilesOriginsAndFailures() {
        ScenarioValues base = values("flag", "memory", "1G", "write-model", "sweep", "working-set", "900M",
                "algorithm", "precopy", "dirty-rate", "2441");
        List<ScenarioValues> row = new ArrayList<>();
        for (String rate : List.of("2441", "2442")) {
            for (String bandwidth : List.of("100MB/s", "50MB/s")) {
                row.add(base.with(List.of("dirty-rate", "bandwidth"), List.of(rate, bandwidth), ScenarioValues.SWEEP));
            }
        }
        // prepaging is pre-copy's error unless the algorithm is a sweep's axis: the origin alone decides
        ScenarioValues prepaging = base.with("prepaging", "8", "flag");
        row.add(prepaging.with(List.of("algorithm"), List.of("precopy"), ScenarioValues.SWEEP));
        row.add(prepaging.with(List.of("algorithm"), List.of("precopy"), "flag"));
        row.add(prepaging.with(List.of("algorithm"), List.of("postcopy"), ScenarioValues.SWEEP));
        row.add(base.with(List.of("hypervisor"), List.of("qemu"), ScenarioValues.SWEEP));
        row.add(base.with(List.of("hypervisor"), List.of("xen"), ScenarioValues.SWEEP));
        row.add(base.with(List.of("dirty-rate"), List.of("-1"), ScenarioValues.SWEEP));
        row.add(base.with(List.of("dirty-rate"), List.of("2441"), ScenarioValues.SWEEP));
        row.add(base.with(List.of("working-set", "dirty-rate"), List.of("2G", "5"), ScenarioValues.SWEEP));
        row.add(base.with(List.of("working-set", "dirty-rate"), List.of("64M", "5"), ScenarioValues.SWEEP));
        row.add(base);
        int failed = 0;
        for (ScenarioValues v : row) {
            String expected = message(() -> fresh(v), false);
            if (expected != null) {
                assertThatThrownBy(() -> kept.build(v)).as(v.toString()).hasMessage(expected);
                failed++;
            } else {
                assertThat(kept.build(v)).as(v.toString()).isEqualTo(fresh(v));
            }
        }
        assertThat(failed).as("the prepaging, dirty-rate and working-set errors").isEqualTo(3);
    }

    // Guards the shortcut's input: the keys whose text or origin differ, none for equal values, and no answer (all
    // keys to compare) when the keys are not the same in the same order.
    @Test
    void changedFrom_namesTheKeysWhoseTextOrOriginDiffer() {
        ScenarioValues a = values("flag", "memory", "1G", "dirty-rate", "100");
        assertThat(a.with("dirty-rate", "200", "flag").changedFrom(a)).containsExactly("dirty-rate");
        assertThat(a.with("memory", "1G", "sweep").changedFrom(a)).containsExactly("memory");
        assertThat(values("flag", "memory", "1G", "dirty-rate", "100").changedFrom(a)).isEmpty();
        assertThat(a.with("seed", "1", "flag").changedFrom(a)).isNull();
        assertThat(values("flag", "dirty-rate", "100", "memory", "1G").changedFrom(a)).isNull();
        // a sweep's points share their base's map: their own values are compared, or all of them against the base
        ScenarioValues p = a.with(List.of("dirty-rate", "bandwidth"), List.of("100", "1G"), ScenarioValues.SWEEP);
        ScenarioValues q = a.with(List.of("dirty-rate", "bandwidth"), List.of("100", "2G"), ScenarioValues.SWEEP);
        assertThat(q.changedFrom(p)).containsExactly("bandwidth");
        assertThat(p.changedFrom(p)).isEmpty();
        assertThat(p.asMap()).isEqualTo(a.with("dirty-rate", "100", "sweep").with("bandwidth", "1G", "sweep").asMap());
        assertThat(p.with("seed", "1", "flag").changedFrom(p.with("seed", "2", "flag"))).containsExactly("seed");
        assertThat(p.changedFrom(a)).isNull();
        assertThat(a.with(List.of("dirty-rate"), List.of("100"), "flag").changedFrom(a)).isEmpty();
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
        return message(r, true);
    }

    /** The error's message; when there is none, a failed test if {@code required}, else null. */
    private static String message(Runnable r, boolean required) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        if (required) throw new AssertionError("no error");
        return null;
    }
}
