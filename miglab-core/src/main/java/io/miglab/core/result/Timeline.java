package io.miglab.core.result;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened during one migration, as an engine carries it out: the events in order (started, a stage began,
 * round ended, finished), the stages with their bytes ({@link StageLog}), the counters of what went over the wire
 * and what the guest lost, by phase, and what became of the guest if something failed. The page-level session and the
 * rate-based migration fill one; {@link ResultAssembler} turns it into a {@link MigrationResult}, so every metric
 * is defined once.
 *
 * <p>Counters are doubles because the rate-based migration counts expected values; the page-level session's
 * whole counts stay exact (below 2^53) and are rounded back at assembly.
 */
public final class Timeline {
    /** One dated event; times in seconds from the start. */
    public sealed interface Event {
        double atSeconds();
    }

    public record Started(double atSeconds) implements Event { }

    /**
     * A stage of the protocol began (and the one before it ended): pre-copy's first page, the pause of
     * stop-and-copy, the destination loading the device state (activation), post-copy's start, ...
     */
    public record StageBegan(double atSeconds, Stage stage) implements Event { }

    public record RoundEnded(double atSeconds, RoundStats stats) implements Event { }

    public record Finished(double atSeconds, StopReason reason, boolean completed) implements Event { }

    /** Where the guest runs while bytes are sent. */
    public enum Phase {
        /** Guest running on the source, pages copied ahead of the switch-over. */
        PRECOPY,
        /** Guest paused: the switch-over. */
        STOP_AND_COPY,
        /** Guest running on the destination, pages pulled on demand or pushed in the background. */
        POSTCOPY
    }

    private final List<Event> events = new ArrayList<>();
    private final List<RoundStats> rounds = new ArrayList<>();
    /** The links of the memory stream: straight, or through a NAS (NAS-assisted pre-copy). */
    public enum Route { SOURCE_TO_DESTINATION, SOURCE_TO_NAS, NAS_TO_DESTINATION }

    private final StageLog stages = new StageLog();
    private Fate fate;
    private final double[] bytesByPhase = new double[Phase.values().length];
    private final double[] bytesByRoute = new double[Route.values().length];
    private double pages;
    private double resent;
    private double zeroPages;
    private double faults;
    private double pausedAfterResumeSeconds;
    private double guestRunSeconds;
    private double guestLostSeconds;
    private int maxThrottlePercent;

    public void add(Event e) {
        events.add(e);
        if (e instanceof RoundEnded r) rounds.add(r.stats());
        if (e instanceof StageBegan b) stages.begin(b.stage(), b.atSeconds());
    }

    /** The stage {@code s} begins at {@code atSeconds}. */
    public void stage(Stage s, double atSeconds) {
        add(new StageBegan(atSeconds, s));
    }

    /** What became of the guest when something failed; unset, the assembler derives it from the outcome. */
    public void fate(Fate f) {
        fate = f;
    }

    /** Bytes on the wire in a phase (pages, headers, device state). */
    public void sent(Phase phase, double bytes) {
        bytesByPhase[phase.ordinal()] += bytes;
        stages.sent(bytes);
    }

    /** Bytes on the wire in a phase over one link; {@link #sent(Phase, double)} is the source->destination link. */
    public void sent(Phase phase, Route route, double bytes) {
        sent(phase, bytes);
        bytesByRoute[route.ordinal()] += bytes;
    }

    /** Bytes over a link: what {@link #sent(Phase, Route, double)} gave it (source->destination: all the rest). */
    public double bytes(Route route) {
        if (route != Route.SOURCE_TO_DESTINATION) return bytesByRoute[route.ordinal()];
        return bytes() - bytesByRoute[Route.SOURCE_TO_NAS.ordinal()] - bytesByRoute[Route.NAS_TO_DESTINATION.ordinal()];
    }

    /** Pages sent, of which some had been sent before and some went as zero-page headers. */
    public void pagesSent(double sent, double resentPages, double zero) {
        pages += sent;
        resent += resentPages;
        zeroPages += zero;
    }

    /** One page sent (the page-level session's case). */
    public void pageSent(boolean resentPage, boolean zero) {
        pages++;
        if (resentPage) resent++;
        if (zero) zeroPages++;
    }

    /** Guest accesses to pages not yet at the destination. */
    public void faulted(double count) {
        faults += count;
    }

    /**
     * Post-copy: after the guest resumed on the destination it stood still another {@code seconds} waiting for
     * demand pages; part of the pause the guest sees, so part of its downtime.
     */
    public void pausedAfterResume(double seconds) {
        pausedAfterResumeSeconds += seconds;
    }

    public double pausedAfterResumeSeconds() { return pausedAfterResumeSeconds; }

    /** The guest was meant to run {@code wallSeconds} during the migration and lost {@code lostSeconds} of them. */
    public void guestRan(double wallSeconds, double lostSeconds) {
        guestRunSeconds += wallSeconds;
        guestLostSeconds += lostSeconds;
    }

    public void throttled(int percent) {
        maxThrottlePercent = Math.max(maxThrottlePercent, percent);
    }

    /** Everything on the wire so far (the policy's data limit reads it). */
    public double bytes() {
        double b = 0;
        for (double x : bytesByPhase) b += x;
        return b;
    }

    public double bytes(Phase phase) { return bytesByPhase[phase.ordinal()]; }

    public List<Event> events() { return List.copyOf(events); }

    public StageLog stageLog() { return stages; }

    /** The fate set by {@link #fate(Fate)}, or null. */
    public Fate fateOrNull() { return fate; }

    public List<RoundStats> rounds() { return List.copyOf(rounds); }

    public int roundCount() { return rounds.size(); }

    public double pages() { return pages; }

    public double resent() { return resent; }

    public double zeroPages() { return zeroPages; }

    public double faults() { return faults; }

    public double guestRunSeconds() { return guestRunSeconds; }

    public double guestLostSeconds() { return guestLostSeconds; }

    public int maxThrottlePercent() { return maxThrottlePercent; }
}
