package io.miglab.qemu.compare;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.miglab.core.result.Metrics;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.ResultValues;
import io.miglab.core.result.RoundStats;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Jackson reads and writes a {@link MigrationResult} flat, as {@code --json} prints it (metric names, then
 * {@code rounds} and {@code assumptions}), not as its nested groups; so the stored grid runs keep their shape.
 */
final class ResultJson {
    private ResultJson() { }

    static ObjectMapper register(ObjectMapper mapper) {
        SimpleModule m = new SimpleModule("miglab-flat-result");
        m.addSerializer(MigrationResult.class, new JsonSerializer<>() {
            @Override
            public void serialize(MigrationResult r, JsonGenerator g, SerializerProvider p) throws IOException {
                p.defaultSerializeValue(ResultValues.flat(r, Metrics.STANDARD), g);
            }
        });
        m.addDeserializer(MigrationResult.class, new JsonDeserializer<>() {
            @Override
            public MigrationResult deserialize(JsonParser p, DeserializationContext c) throws IOException {
                ObjectMapper codec = (ObjectMapper) p.getCodec();
                Map<String, Object> values = codec.readValue(p, new TypeReference<Map<String, Object>>() { });
                Object rounds = values.get(ResultValues.ROUNDS);
                if (rounds != null) {
                    values.put(ResultValues.ROUNDS, codec.convertValue(rounds,
                            new TypeReference<List<RoundStats>>() { }));
                }
                return ResultValues.rebuild(values);
            }
        });
        return mapper.registerModule(m);
    }
}
