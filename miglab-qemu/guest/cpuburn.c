/*
 * cpuburn: a CPU-bound loop that reports its own progress.
 *
 *   cpuburn
 *
 * Runs a xorshift64 step as one "op", in chunks of 65536 ops, and reads
 * CLOCK_MONOTONIC between chunks. Every 100 ms (guest clock) it prints one line
 *
 *   CPU <ops_total> <ops_per_s>
 *
 * the ops done since it started and the rate over the last report interval.
 * Ten reports a second let the host count its work over a migration window
 * of a few hundred ms (the benchmark's overhead); the total makes a lost or
 * split line cost nothing. It touches almost no memory, so a migration sees
 * a guest that is busy but dirties few pages.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define NSEC_PER_SEC 1000000000ULL
#define CHUNK 65536
#define REPORT_NS (NSEC_PER_SEC / 10)

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * NSEC_PER_SEC + (uint64_t)ts.tv_nsec;
}

volatile uint64_t sink; /* keeps the loop from being optimized away */

int main(void)
{
    uint64_t x = 0x9e3779b97f4a7c15ULL;
    uint64_t ops = 0, report_ops = 0;
    uint64_t report_t = now_ns();

    for (;;) {
        for (int i = 0; i < CHUNK; i++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }
        sink = x;
        ops += CHUNK;

        uint64_t t = now_ns();
        if (t - report_t >= REPORT_NS) {
            uint64_t rate = (ops - report_ops) * NSEC_PER_SEC / (t - report_t);
            char line[64];
            int len = snprintf(line, sizeof line, "CPU %llu %llu\n", (unsigned long long)ops,
                               (unsigned long long)rate);
            if (write(STDOUT_FILENO, line, (size_t)len) < 0) {
                /* console gone: keep burning anyway */
            }
            report_t = t;
            report_ops = ops;
        }
    }
}
