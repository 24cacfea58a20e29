package io.miglab.bench.report;

import io.miglab.bench.run.ConfigJson;
import io.miglab.bench.store.RunRecord;
import io.miglab.report.html.Page;
import io.miglab.report.html.Table.Column;
import io.miglab.report.html.Table;
import java.util.List;
import java.util.Map;

/** A run's configuration as tables: the run, the platform, and what each workload does. */
final class ConfigurationSection {
    private ConfigurationSection() { }

    static void write(Page p, RunRecord r) {
        p.heading("Configuration of " + RunLabel.shortOf(r));
        Map<String, Object> config;
        try {
            config = ConfigJson.parse(r.info().configJson());
        } catch (IllegalStateException e) {
            p.warning("The stored configuration could not be read.");
            return;
        }
        p.table(Table.keyValue("config", "run", ConfigRows.of(config, List.of("platform", "workloadDefinitions"))));
        if (config.get("platform") instanceof Map<?, ?> platform) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) platform;
            p.table(Table.keyValue("config", "platform", ConfigRows.of(m, List.of())));
        }
        if (config.get("workloadDefinitions") instanceof List<?> defs && !defs.isEmpty()) {
            Table t = new Table("workload-definitions", List.of(Column.text("workload"), Column.prose("what runs"),
                    Column.prose("write model")));
            for (Object d : defs) t.row(definition(String.valueOf(d)));
            p.table(t);
        }
    }

    /** "idle: idle guest: only the heartbeat runs | model: none" as its three parts. */
    static String[] definition(String d) {
        int colon = d.indexOf(": ");
        int model = d.lastIndexOf(" | model: ");
        String name = colon < 0 ? d : d.substring(0, colon);
        String what = colon < 0 ? "" : d.substring(colon + 2, model > colon ? model : d.length());
        String writes = model < 0 ? "" : d.substring(model + " | model: ".length());
        return new String[] {name, what, writes};
    }
}
