package io.miglab.datacenter.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * VMs a policy moved back and forth: moved back to a host they had left, or moved more than a few times. Each
 * such move costs a migration (and downtime) without lasting gain, a sign of thresholds set too close or of a
 * policy reacting to noise.
 */
public final class PingPong {
    /** More moves than this in one run flag a VM even if it never went back. */
    public static final int MAX_MOVES = 3;

    /** One completed move of a VM. */
    public record Move(String vm, String source, String destination, double startedAtSeconds) { }

    /**
     * A VM worth a look.
     *
     * @param path     the hosts it was on, in order (its first host, then each move's destination)
     * @param returned it came back to a host it had left
     */
    public record Flagged(String vm, List<String> path, boolean returned) {
        public Flagged {
            path = List.copyOf(path);
        }

        public int moves() { return path.size() - 1; }
    }

    private PingPong() { }

    /** The completed migrations of a run as moves. */
    public static List<Move> moves(List<MigrationRecord> migrations) {
        return migrations.stream().filter(m -> m.result().outcome().completed())
                .map(m -> new Move(m.vm(), m.source(), m.destination(), m.startedAtSeconds())).toList();
    }

    /** The VMs that went back or moved more than {@code maxMoves} times, most moves first. */
    public static List<Flagged> find(List<Move> moves, int maxMoves) {
        Map<String, List<Move>> byVm = new LinkedHashMap<>();
        moves.stream().sorted(Comparator.comparingDouble(Move::startedAtSeconds))
                .forEach(m -> byVm.computeIfAbsent(m.vm(), k -> new ArrayList<>()).add(m));
        List<Flagged> out = new ArrayList<>();
        byVm.forEach((vm, list) -> {
            List<String> path = new ArrayList<>(List.of(list.get(0).source()));
            Set<String> left = new HashSet<>();
            boolean returned = false;
            for (Move m : list) {
                left.add(m.source());
                returned |= left.contains(m.destination());
                path.add(m.destination());
            }
            if (returned || list.size() > maxMoves) out.add(new Flagged(vm, path, returned));
        });
        out.sort(Comparator.comparingInt(Flagged::moves).reversed().thenComparing(Flagged::vm));
        return out;
    }
}
