package io.miglab.cli.spec;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.CombinedWrites;
import io.miglab.core.write.NoWrites;
import io.miglab.core.write.PacedWrites;
import io.miglab.core.write.SweepWrites;
import io.miglab.core.write.TraceWrites;
import io.miglab.core.write.UniformWrites;
import io.miglab.core.write.WorkingSetWrites;
import io.miglab.core.write.WriteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Builds the {@link WriteModel} from {@code --write-model} and the inputs it uses. Syntax: {@code none},
 * {@code uniform}, {@code working-set}, {@code sweep}, {@code trace:FILE}, or parts joined by {@code +}
 * ({@code working-set+uniform@200}); a part may carry its own rate in pages/s after {@code @}, otherwise it uses
 * {@code --dirty-rate}. Without {@code --write-model} the model follows the other flags: {@code working-set} when
 * --working-set and --dirty-rate are given, {@code uniform} when only --dirty-rate is, {@code none} otherwise.
 */
final class WriteModelParser {
    static final String ALLOWED = "none, uniform, working-set, sweep, trace:FILE, or parts joined by + "
            + "(each may end @RATE in pages/s), e.g. working-set+uniform@200";
    private static final String RATE = "a number of pages/s >= 0 like 5000";
    private static final String PHASE = SweepWrites.PHASE_RANGE + ", like 0.25 or 25%, or median";

    private final SpecInputs in;
    private final GuestMemory memory;
    private final Function<String, TraceWrites> traces;
    private boolean usedDirtyRate, usedWorkingSet, usedColdRate, usedPhase;

    private WriteModelParser(SpecInputs in, GuestMemory memory, Function<String, TraceWrites> traces) {
        this.in = in;
        this.memory = memory;
        this.traces = traces;
    }

    static WriteModel parse(SpecInputs in, GuestMemory memory, Function<String, TraceWrites> traces) {
        return new WriteModelParser(in, memory, traces).parse();
    }

    private WriteModel parse() {
        String text = in.given("write-model") ? in.text("write-model").trim() : defaultModel();
        List<WriteModel> parts = new ArrayList<>();
        for (String part : text.split("\\+")) parts.add(part(part.trim(), text));
        if (parts.size() > 1 && parts.stream().anyMatch(p -> p instanceof NoWrites)) {
            throw new InvalidSpecException("write-model", "'none' alone, not combined", "'" + text + "'");
        }
        String which = "--write-model " + text;
        if (!usedDirtyRate && !zeroRateWithoutWrites(parts)) {
            in.forbid("dirty-rate", "a write model that uses it: uniform, working-set or sweep without @RATE (not "
                    + which + ")");
        }
        if (!usedWorkingSet) in.forbid("working-set", "--write-model working-set or sweep (not " + which + ")");
        if (!usedColdRate) in.forbid("cold-dirty-rate", "--write-model working-set (not " + which + ")");
        if (!usedPhase) in.forbid("writer-phase", "--write-model sweep (not " + which + ")");
        WriteModel model = parts.size() == 1 ? parts.get(0) : new CombinedWrites(parts);
        if (!Values.bool("paced", in.text("paced"))) {
            in.forbid("catch-up", "--paced");
            return model;
        }
        if (model instanceof NoWrites) throw new InvalidSpecException("paced", "a write model with writes", "none");
        return new PacedWrites(model, Values.duration("catch-up", in.text("catch-up")));
    }

    /** {@code --dirty-rate 0} says the same as {@code --write-model none}: no writes. */
    private boolean zeroRateWithoutWrites(List<WriteModel> parts) {
        if (!in.given("dirty-rate") || !parts.stream().allMatch(p -> p instanceof NoWrites)) return false;
        return Values.nonNegative("dirty-rate", in.text("dirty-rate"), RATE) == 0;
    }

    private String defaultModel() {
        if (!in.given("dirty-rate")) return "none";
        return in.given("working-set") ? "working-set" : "uniform";
    }

    private WriteModel part(String part, String whole) {
        if (part.toLowerCase(Locale.ROOT).startsWith("trace:")) {
            String file = part.substring("trace:".length()).trim();
            if (file.isEmpty()) {
                throw new InvalidSpecException("write-model", "trace:FILE with a file name", "'" + whole + "'");
            }
            return traces.apply(file);
        }
        int at = part.indexOf('@');
        String name = (at < 0 ? part : part.substring(0, at)).trim().toLowerCase(Locale.ROOT);
        String ownRate = at < 0 ? null : part.substring(at + 1).trim();
        int pageSize = memory.pageSizeBytes();
        return switch (name) {
            case "none" -> {
                if (ownRate != null) {
                    throw new InvalidSpecException("write-model", "'none' without a rate", "'" + whole + "'");
                }
                yield new NoWrites();
            }
            case "uniform" -> new UniformWrites(rate(ownRate, name));
            case "working-set" -> {
                double hot = rate(ownRate, name);
                double cold = 0;
                if (in.given("cold-dirty-rate")) {
                    cold = Values.nonNegative("cold-dirty-rate", in.text("cold-dirty-rate"), RATE);
                    usedColdRate = true;
                }
                yield new WorkingSetWrites(workingSet(name), pageSize, hot, cold);
            }
            case "sweep" -> new SweepWrites(workingSet(name), pageSize, rate(ownRate, name), phase());
            default -> throw new InvalidSpecException("write-model", ALLOWED, "'" + whole + "'");
        };
    }

    private double rate(String ownRate, String model) {
        if (ownRate != null) return Values.nonNegative("write-model", ownRate, model + "@RATE with " + RATE);
        usedDirtyRate = true;
        return Values.nonNegative("dirty-rate", in.required("dirty-rate", "--write-model " + model, RATE), RATE);
    }

    /** Where the sweep stands when the migration starts: a share of its array, or median (not known). */
    private OptionalDouble phase() {
        usedPhase = true;
        String text = in.text("writer-phase").trim();
        if (text.equalsIgnoreCase("median")) return OptionalDouble.empty();
        return OptionalDouble.of(Values.shareBelowOne("writer-phase", text, PHASE));
    }

    private ByteSize workingSet(String model) {
        usedWorkingSet = true;
        ByteSize ws = Values.size("working-set", in.required("working-set", "--write-model " + model,
                "a size like 64M"));
        InvalidSpecException.require(ws.bytes() <= memory.bytes(), "working-set",
                "at most the guest's memory (" + memory.size() + ")", ws);
        return ws;
    }
}
