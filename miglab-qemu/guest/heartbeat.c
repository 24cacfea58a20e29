/*
 * heartbeat: prints "HB <counter>" every 10 ms on its standard output
 * (the serial console in the miglab guest), one write(2) per line.
 *
 *   heartbeat [PERIOD_MS]
 *
 * The counter starts at 0 and goes up by one per line. After a live
 * migration the same process goes on running on the destination, so the
 * counter continues there; the host timestamps the lines to measure the
 * pause. If the process was stalled (paused guest) it does not try to
 * catch up with a burst of lines: it resumes the period from now.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define NSEC_PER_SEC 1000000000ULL

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * NSEC_PER_SEC + (uint64_t)ts.tv_nsec;
}

int main(int argc, char **argv)
{
    uint64_t period_ns = 10 * 1000000ULL;
    if (argc > 1 && atoi(argv[1]) > 0)
        period_ns = (uint64_t)atoi(argv[1]) * 1000000ULL;

    uint64_t counter = 0;
    uint64_t next = now_ns();
    for (;;) {
        char line[40];
        int len = snprintf(line, sizeof line, "HB %llu\n", (unsigned long long)counter++);
        if (write(STDOUT_FILENO, line, (size_t)len) < 0 && errno != EINTR && errno != EAGAIN)
            return 1;

        next += period_ns;
        uint64_t t = now_ns();
        if (next <= t) {
            next = t; /* late (stalled or slow console): no burst */
            continue;
        }
        struct timespec ts = { .tv_sec = (time_t)(next / NSEC_PER_SEC),
                               .tv_nsec = (long)(next % NSEC_PER_SEC) };
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
            ;
    }
}
