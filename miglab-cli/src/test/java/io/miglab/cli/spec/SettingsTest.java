package io.miglab.cli.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.miglab.bench.run.BenchConfig;
import io.miglab.cli.Cli;
import io.miglab.cli.Main;
import io.miglab.cli.spec.Setting.Use;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.StopCondition;
import io.miglab.datacenter.scenario.ProfileFile;
import io.miglab.datacenter.scenario.ScenarioFile;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The one table of settings and what is made from it: options, help, defaults. */
class SettingsTest {
    private final SpecFactory factory = new SpecFactory(AlgorithmRegistry.standard());

    // Guards against a command losing a setting, or listing them in another order than the table's.
    @Test
    void everyCommand_takesItsSettings_inTheTablesOrder() {
        Map<String, CommandLine> commands = new Main().commandLine().getSubcommands();
        Map<String, Use> uses = Map.of("simulate", Use.SIMULATE, "predict", Use.PREDICT, "sweep", Use.SWEEP,
                "migrate", Use.MIGRATE, "bench", Use.BENCH);
        uses.forEach((name, use) -> {
            List<String> names = Settings.of(use).stream().map(Setting::flag).toList();
            List<String> options = commands.get(name).getCommandSpec().options().stream()
                    .map(OptionSpec::longestName).filter(names::contains).toList();
            assertThat(options).as(name).containsExactlyElementsOf(names);
        });
        assertThat(Settings.of(Use.BENCH)).extracting(Setting::name).containsExactlyInAnyOrder("hypervisor",
                "bandwidth", "algorithm", "policy", "downtime-limit", "timeout", "auto-converge");
    }

    // Guards against the one table having two entries for a name, or a name a flag cannot have.
    @Test
    void names_areUniqueFlagNames() {
        List<String> names = Settings.ALL.stream().map(Setting::name).toList();
        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z][a-z-]*[a-z]"));
        assertThat(Settings.scenarioKeys()).doesNotContain("scenario").contains("memory", "hypervisor");
    }

    // Guards against a default being stated in the help that is not the one applied: leaving a setting out must
    // give the same migration as typing its default.
    @Test
    void theDefaultShown_isTheDefaultApplied() {
        Map<String, List<String>> context = Map.ofEntries(
                Map.entry("throttle", List.of("auto-converge", "true")),
                Map.entry("xbzrle-", List.of("xbzrle", "true")),
                Map.entry("compress-throughput", List.of("compress", "true")),
                Map.entry("catch-up", List.of("paced", "true", "dirty-rate", "100")),
                Map.entry("writer-phase", List.of("write-model", "sweep", "dirty-rate", "100", "working-set", "64M")),
                Map.entry("cold-dirty-rate", List.of("dirty-rate", "100", "working-set", "64M")),
                Map.entry("precopy-rounds", List.of("algorithm", "hybrid")),
                Map.entry("prepaging", List.of("algorithm", "postcopy")),
                Map.entry("postcopy-preempt", List.of("algorithm", "postcopy")),
                Map.entry("nas-", List.of("nas", "true")),
                Map.entry("disk-", List.of("disk-size", "1G")),
                Map.entry("storage", List.of("disk-size", "1G")));
        int checked = 0;
        for (Setting s : Settings.of(Use.SCENARIO_FILE)) {
            if (s.dflt().value() == null) continue;
            Map<String, String> base = new LinkedHashMap<>();
            context.forEach((prefix, kv) -> {
                if (!s.name().startsWith(prefix)) return;
                for (int i = 0; i < kv.size(); i += 2) base.put(kv.get(i), kv.get(i + 1));
            });
            Map<String, String> typed = new LinkedHashMap<>(base);
            typed.put(s.name(), s.dflt().value());
            assertThat(build(typed)).as(s.name() + " given as its default").isEqualTo(build(base));
            checked++;
        }
        assertThat(checked).isGreaterThan(25);
    }

    // Guards against a default that its own flag would refuse (a typo in the table, a unit lost).
    @Test
    void everyDefault_parsesAsItsType() {
        for (Setting setting : Settings.ALL) {
            for (Setting s : List.of(setting, setting.as(Use.BENCH))) {
                String v = s.dflt().value();
                if (v == null) continue;
                switch (s.type()) {
                    case SIZE -> Values.size(s.name(), v);
                    case RATE -> Values.rate(s.name(), v);
                    case DURATION -> Values.duration(s.name(), v);
                    case SHARE -> Values.share(s.name(), v);
                    case INTEGER -> Values.integer(s.name(), v, Long.MIN_VALUE, Long.MAX_VALUE);
                    case NUMBER -> Values.nonNegative(s.name(), v, "a number");
                    case BOOLEAN -> Values.bool(s.name(), v);
                    case CHOICE -> assertThat(s.label().split("\\|")).as(s.name()).contains(v);
                    default -> assertThat(v).as(s.name()).isNotBlank();
                }
            }
        }
    }

    // Guards against bench stating a default of its own: its defaults are its reference platform's.
    @Test
    void benchDefaults_areTheReferencePlatforms() {
        MigrationSpec ref = BenchConfig.referencePlatform();
        Map<String, String> d = new LinkedHashMap<>();
        for (Setting s : Settings.of(Use.BENCH)) d.put(s.name(), s.dflt().value());
        assertThat(Values.rate("bandwidth", d.get("bandwidth"))).isEqualTo(ref.link().bandwidth());
        assertThat(d.get("algorithm")).isEqualTo(ref.algorithm());
        assertThat(ref.policy().name()).isEqualTo(d.get("policy"));
        assertThat(Values.duration("downtime-limit", d.get("downtime-limit")))
                .isEqualTo(ref.policy().find(StopCondition.DowntimeBelow.class).orElseThrow().limit());
        assertThat(Values.duration("timeout", d.get("timeout")))
                .isEqualTo(ref.policy().find(StopCondition.Timeout.class).orElseThrow().after());
        assertThat(Values.bool("auto-converge", d.get("auto-converge"))).isEqualTo(ref.autoConverge().isPresent());
        assertThat(d.get("hypervisor")).isNull();
    }

    // Guards the help made from the table: the default appended, % shown as such, switches negatable, and
    // bench's timeout with bench's default (its help once said 1h, simulate's).
    @Test
    void help_isMadeFromTheTable() {
        String simulate = Cli.run("simulate", "--help").out().replaceAll("\\s+", " ");
        assertThat(simulate).contains("--memory=SIZE Guest RAM: 4096, 256M, 4G, 64GiB (binary); 4GB is 4 x 10^9 B. "
                + "Default: 1G").contains("0..1 or 30%. Default: 0").contains("--[no-]xbzrle")
                .contains("--[no-]paced").contains("Default: 300ms");
        String bench = Cli.run("bench", "--help").out();
        assertThat(bench).contains("cancel a migration that has not converged after this.")
                .contains("Default: 1m").doesNotContain("Default: 1h").contains("--[no-]auto-converge");
    }

    // Guards the datacenter column: every key it names exists in the datacenter's scenario format, and the
    // datacenter also takes the flag's spelling for it (one way to write a VM's writes or a profile in both).
    @Test
    void datacenterKeys_existInTheDatacenterScenario_andTakeTheFlagsSpelling() throws Exception {
        List<String> notAliased = List.of("profiles", "write-model");
        int named = 0;
        for (Setting s : Settings.ALL) {
            if (s.datacenter() == null) continue;
            Class<?> at = ScenarioFile.class, owner = at;
            String field = null;
            for (String part : s.datacenter().split("\\.")) {
                String f = part.replace("[]", "");
                RecordComponent c = Arrays.stream(at.getRecordComponents())
                        .filter(r -> r.getName().equals(f)).findFirst().orElse(null);
                assertThat(c).as(s.name() + ": " + s.datacenter() + " in " + at.getSimpleName()).isNotNull();
                owner = at;
                field = f;
                at = part.endsWith("[]") ? element(c.getGenericType()) : c.getType();
            }
            if (!field.equals(s.name()) && !notAliased.contains(s.name())) {
                JsonAlias alias = owner.getDeclaredField(field).getAnnotation(JsonAlias.class);
                assertThat(alias).as(s.datacenter() + " takes " + s.name()).isNotNull();
                assertThat(alias.value()).as(s.datacenter()).contains(s.name());
            }
            named++;
        }
        assertThat(named).isGreaterThan(15);
        assertThat(element(ScenarioFile.class.getRecordComponents()[5].getGenericType()))
                .isEqualTo(ProfileFile.Entry.class);
    }

    private static Class<?> element(Type listType) {
        return (Class<?>) ((ParameterizedType) listType).getActualTypeArguments()[0];
    }

    private MigrationSpec build(Map<String, String> values) {
        ScenarioValues v = ScenarioValues.empty();
        for (Map.Entry<String, String> e : values.entrySet()) v = v.with(e.getKey(), e.getValue(), "test");
        return factory.build(v);
    }
}
