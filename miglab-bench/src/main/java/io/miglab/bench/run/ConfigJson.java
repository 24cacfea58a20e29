package io.miglab.bench.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.miglab.bench.host.HostLoad;
import io.miglab.bench.workload.Workload;
import io.miglab.core.spec.MigrationSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** A run's configuration as JSON for the store: stable key order, so equal configurations hash alike. */
public final class ConfigJson {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
            true);

    private ConfigJson() { }

    public static Map<String, Object> describe(BenchConfig c, String backend) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backend", backend);
        m.put("workloads", c.workloads().stream().map(Workload::name).toList());
        m.put("workloadDefinitions", c.workloads().stream().map(w -> w.name() + ": " + w.description() + " | model: "
                + w.writes().describe()).toList());
        m.put("hostLoads", c.hostLoads().stream().map(HostLoad::label).toList());
        m.put("points", c.points());
        m.put("runLengthMs", c.runLength().toMillis());
        m.put("baselineWindowMs", c.baselineWindow().toMillis());
        m.put("reference", c.referenceName());
        m.put("seed", c.seed());
        m.put("platform", platform(c.platform()));
        return m;
    }

    public static Map<String, Object> platform(MigrationSpec p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("memoryBytes", p.memory().bytes());
        m.put("pageSizeBytes", p.memory().pageSizeBytes());
        m.put("idleZeroPageShare", p.memory().zeroPageShare());
        m.put("algorithm", p.algorithm());
        m.put("policy", p.policy().name());
        m.put("policyConditions", p.policy().conditions().toString());
        m.put("onLimit", p.policy().onLimit().name());
        m.put("bandwidthBytesPerSecond", p.link().bandwidth().bytesPerSecond());
        m.put("bandwidthCapBytesPerSecond", p.link().bandwidthCap().map(r -> r.bytesPerSecond()).orElse(null));
        m.put("roundTripMs", p.link().roundTripLatency().toNanos() / 1e6);
        m.put("autoConverge", p.autoConverge().map(Object::toString).orElse(null));
        m.put("optimisations", p.optimisations().toString());
        m.put("postCopy", p.postCopy().toString());
        m.put("overheads", p.overheads().toString());
        return m;
    }

    public static String toJson(BenchConfig c, String backend) {
        try {
            return JSON.writeValueAsString(describe(c, backend));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored configuration is not JSON", e);
        }
    }
}
