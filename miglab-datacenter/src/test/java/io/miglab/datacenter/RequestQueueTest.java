package io.miglab.datacenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RequestQueue} starts the same requests in the same order as the plain walk it replaces (every queued
 * request in order, each started if both its hosts are under the limit), on random requests and ends.
 */
class RequestQueueTest {
    private record Req(int id, int source, int destination) { }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void startsWhatTheWalkStarts(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int hosts = 3 + r.nextInt(10), perHost = 1 + r.nextInt(3), maxConcurrent = 1 + r.nextInt(12);
        RequestQueue<Req> queue = new RequestQueue<>(hosts, perHost);
        List<Req> walkQueue = new ArrayList<>();
        int[] walkActive = new int[hosts];
        List<Req> running = new ArrayList<>();
        int started = 0, waited = 0;
        for (int step = 0; step < 3000; step++) {
            if (r.nextInt(3) > 0 || running.isEmpty()) {
                int s = r.nextInt(hosts), d = (s + 1 + r.nextInt(hosts - 1)) % hosts;
                Req q = new Req(step, s, d);
                queue.add(q, s, d);
                walkQueue.add(q);
            } else {
                Req done = running.remove(r.nextInt(running.size()));
                queue.ended(done.source, done.destination);
                walkActive[done.source]--;
                walkActive[done.destination]--;
            }
            List<Req> expected = new ArrayList<>(); // the walk
            for (Iterator<Req> it = walkQueue.iterator(); it.hasNext() && running.size() + expected.size()
                    < maxConcurrent; ) {
                Req q = it.next();
                if (walkActive[q.source] >= perHost || walkActive[q.destination] >= perHost) continue;
                it.remove();
                walkActive[q.source]++;
                walkActive[q.destination]++;
                expected.add(q);
            }
            List<Req> actual = new ArrayList<>();
            while (running.size() + actual.size() < maxConcurrent) {
                Req q = queue.pollReady();
                if (q == null) break;
                queue.started(q.source, q.destination);
                actual.add(q);
            }
            assertEquals(expected, actual, "seed " + seed + " step " + step);
            assertEquals(walkQueue.size(), queue.size());
            running.addAll(actual);
            started += actual.size();
            if (!walkQueue.isEmpty()) waited++;
        }
        assertTrue(started > 100 && waited > 100, "the limits were never reached: the test proves little");
    }
}
