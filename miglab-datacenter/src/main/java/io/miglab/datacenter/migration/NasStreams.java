package io.miglab.datacenter.migration;

import io.miglab.core.result.Timeline;
import io.miglab.core.result.Timeline.Phase;
import io.miglab.core.result.Timeline.Route;
import io.miglab.datacenter.engine.Simulator;
import io.miglab.datacenter.network.Network;

/**
 * Where a rate-based migration's bytes go, straight or NAS-assisted (the seed's model, {@link
 * io.miglab.core.link.NasAssist}; the page-level session's twin is core.sim.NasRelay). Without a NAS every send is
 * the straight stream's. With one, the first pass and the stop-and-copy go to the destination and, at the same
 * time, to the NAS (a second flow over the NAS's port and disks; the send ends when both have ended), and a later
 * round's pages go source -> NAS -> destination as one flow over the NAS's port in, its disks and its port out.
 * The NAS's flows are open only while they send, so idle migrations leave the NAS's links to the others. After a
 * relayed round the convergence check uses the straight rate, since the switch-over goes straight (as NasRelay).
 */
final class NasStreams {
    private final Timeline timeline;
    private final FlowTransfer straight;
    private final FlowTransfer copy;
    private final FlowTransfer relay;

    /** {@code nas} null: every byte goes straight. */
    NasStreams(Simulator sim, Network network, NasNode nas, Timeline timeline, FlowTransfer straight) {
        this.timeline = timeline;
        this.straight = straight;
        this.copy = nas == null ? null : new FlowTransfer(sim, network, nas.copyPath(), (o, n) -> { });
        this.relay = nas == null ? null : new FlowTransfer(sim, network, nas.relayPath(), (o, n) -> { });
    }

    /** True when pre-copy round {@code round} (0: the first pass) goes through the NAS. */
    boolean relayed(int round) {
        return relay != null && round >= 1;
    }

    /** Sends a pre-copy round's bytes ({@code round} >= 0) or the stop-and-copy's ({@code round} -1), then runs {@code then}. */
    void send(int round, double bytes, Runnable then) {
        if (relayed(round)) {
            relay.open(straight.cap());
            relay.send(bytes, () -> {
                relay.close();
                then.run();
            });
            return;
        }
        if (copy == null) {
            straight.send(bytes, then);
            return;
        }
        int[] pending = {2};
        Runnable joined = () -> {
            if (--pending[0] == 0) then.run();
        };
        copy.open(straight.cap());
        copy.send(bytes, () -> {
            copy.close();
            joined.run();
        });
        straight.send(bytes, joined);
    }

    /** Counts a send's bytes on the links they crossed, as core.sim.NasRelay#account does. */
    void account(Phase phase, int round, double bytes) {
        if (phase == Phase.PRECOPY && relayed(round)) {
            timeline.sent(phase, Route.SOURCE_TO_NAS, bytes);
            timeline.sent(phase, Route.NAS_TO_DESTINATION, bytes);
        } else {
            timeline.sent(phase, bytes);
            if (copy != null) timeline.sent(phase, Route.SOURCE_TO_NAS, bytes);
        }
    }

    /** An injected failure: every stream stops; the bytes of the send in progress not yet sent. */
    double abort() {
        double left = straight.abort();
        if (copy != null) {
            copy.abort();
            left += relay.abort();
        }
        return left;
    }

    void close() {
        straight.close();
        if (copy != null) {
            copy.close();
            relay.close();
        }
    }
}
