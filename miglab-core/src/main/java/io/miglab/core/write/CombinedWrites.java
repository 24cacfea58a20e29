package io.miglab.core.write;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.memory.GuestMemory;
import java.util.List;
import java.util.stream.Collectors;

/** Several writers at once (for example a hot working set plus a slow sweep); each part gets its own seed. */
public record CombinedWrites(List<WriteModel> parts) implements WriteModel {
    public CombinedWrites {
        InvalidSpecException.require(parts != null && !parts.isEmpty(), "write-model", "at least one part", parts);
        parts = List.copyOf(parts);
    }

    /** The hull of the parts' ranges. */
    @Override
    public int[] writableRange(GuestMemory memory) {
        int from = memory.pages(), to = 0;
        for (WriteModel m : parts) {
            int[] r = m.writableRange(memory);
            if (r[1] <= r[0]) continue;
            from = Math.min(from, r[0]);
            to = Math.max(to, r[1]);
        }
        return to <= from ? new int[] {0, 0} : new int[] {from, to};
    }

    @Override
    public WriteProcess start(GuestMemory memory, long seed) {
        List<WriteProcess> processes = new java.util.ArrayList<>();
        for (int i = 0; i < parts.size(); i++) processes.add(parts.get(i).start(memory, seed * 31 + i + 1));
        return (from, to, sink) -> {
            for (WriteProcess p : processes) p.write(from, to, sink);
        };
    }

    @Override
    public boolean phaseUnknown() {
        return parts.stream().anyMatch(WriteModel::phaseUnknown);
    }

    @Override
    public CombinedWrites atPhase(double share) {
        return new CombinedWrites(parts.stream().map(m -> m.atPhase(share)).toList());
    }

    @Override
    public double pagesPerSecond() {
        return parts.stream().mapToDouble(WriteModel::pagesPerSecond).sum();
    }

    /** Parts are treated as independent: the union of independent sets, 1 - prod(1 - d_i / N). */
    @Override
    public double expectedDistinctPages(double seconds, int pages) {
        double clean = 1;
        for (WriteModel m : parts) clean *= 1 - Math.min(1, m.expectedDistinctPages(seconds, pages) / pages);
        return pages * (1 - clean);
    }

    @Override
    public String describe() {
        return parts.stream().map(WriteModel::describe).collect(Collectors.joining(" + "));
    }
}
