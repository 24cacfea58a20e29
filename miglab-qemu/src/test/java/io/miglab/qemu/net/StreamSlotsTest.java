package io.miglab.qemu.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.qemu.migrate.MigrationRoute;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The slots on threads that arrive in any order, with a route that records what is open. */
class StreamSlotsTest {

    // Guards against more than K streams at once, and against admission out of the order given (a later migration
    // whose destination happened to start first overtaking an earlier one).
    @Test
    void atMostKStreamAtOnceAdmittedInTheOrderGiven() throws Exception {
        int n = 8;
        int k = 3;
        AtomicInteger firstStreams = new AtomicInteger();
        StreamSlots slots = new StreamSlots(k, n, firstStreams::incrementAndGet);
        AtomicInteger open = new AtomicInteger();
        AtomicInteger mostOpen = new AtomicInteger();
        List<Integer> admitted = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<?>> all = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) { // the last ones ask first
            int index = i;
            MigrationRoute route = slots.route(recording(open, mostOpen, admitted, index), index);
            all.add(pool.submit(() -> {
                try (MigrationRoute.Hop hop = route.open(1, Duration.ZERO, false)) {
                    Thread.sleep(20);
                }
                return null;
            }));
        }
        for (Future<?> f : all) f.get();
        pool.shutdown();
        assertThat(mostOpen.get()).isEqualTo(k);
        assertThat(firstStreams.get()).isEqualTo(1);
        assertThat(slots.startMs(0)).isZero();
        assertThat(open.get()).isZero();
        assertThat(admitted).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
        // admission times are taken under the slots' lock, so their order is the admission order
        for (int i = 1; i < n; i++) assertThat(slots.startMs(i)).isGreaterThanOrEqualTo(slots.startMs(i - 1));
        // the fourth waits for the first to close: at least one 20 ms stream later
        assertThat(slots.startMs(k)).isGreaterThanOrEqualTo(19);
    }

    // Guards against a group that waits for ever for a migration that failed before its stream (its destination
    // did not start): the others must give up, not hang.
    @Test
    void aFailureBeforeItsStreamReleasesTheOthers() throws Exception {
        StreamSlots slots = new StreamSlots(2, 3, () -> { });
        AtomicInteger open = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> waiting = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            MigrationRoute route = slots.route(recording(open, new AtomicInteger(), new ArrayList<>(), i), i);
            waiting.add(pool.submit(() -> route.open(1, Duration.ZERO, false)));
        }
        Thread.sleep(100);
        assertThat(open.get()).as("nobody streams before all three are ready").isZero();
        slots.abort(); // the third failed
        for (Future<?> f : waiting) {
            assertThat(org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> f.get(5, java.util.concurrent.TimeUnit.SECONDS))).hasRootCauseMessage(
                    "another migration of the group failed before its stream");
        }
        pool.shutdown();
        assertThat(open.get()).isZero();
    }

    private static MigrationRoute recording(AtomicInteger open, AtomicInteger mostOpen, List<Integer> admitted,
                                            int index) {
        return new MigrationRoute() {
            @Override
            public String incomingUri(int port) {
                return "tcp:127.0.0.1:" + port;
            }

            @Override
            public Hop open(int port, Duration roundTrip, boolean relayed) {
                admitted.add(index);
                mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                return Hop.of(incomingUri(port), null, open::decrementAndGet);
            }
        };
    }
}
