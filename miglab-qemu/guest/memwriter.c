/*
 * memwriter: the array load test of the miglab guest.
 *
 *   memwriter WS_MB PAGES_PER_S [READY_FILE [ORDER [CATCHUP_MS]]]
 *
 * Allocates a working set of WS_MB MiB, touches every page so that it is
 * resident (and not a zero page), then writes one 8-byte word (the first of
 * the page) per 4 KiB page at PAGES_PER_S pages per second, either walking
 * sequentially and cyclically through the working set (ORDER "sweep", the
 * default) or to a page drawn uniformly from it (ORDER "random", xorshift64).
 * The pace is kept by a 1 ms control loop on CLOCK_MONOTONIC (the guest's
 * clock): every tick it writes the pages that the elapsed time has earned.
 * A backlog (e.g. after a throttle sleep or a pause) is caught up to at most
 * CATCHUP_MS worth of pages (default 100): a writer paced by the clock, like
 * a service whose requests queue. CATCHUP_MS 0 keeps no backlog beyond the
 * current tick: what a stall delayed is dropped, so the rate falls with the
 * share of time the vCPU runs, like a CPU-bound writer.
 *
 * Once the working set is resident it creates READY_FILE (if given), so
 * /init knows the workload runs. Every second it prints one line
 *
 *   MEM <pages_written_total> <pages_per_s>
 *
 * where pages_per_s is the rate measured over the last report interval.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define PAGE_SIZE 4096UL
#define NSEC_PER_SEC 1000000000ULL
#define TICK_NS 1000000ULL /* 1 ms control loop */

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * NSEC_PER_SEC + (uint64_t)ts.tv_nsec;
}

static void sleep_until(uint64_t t)
{
    struct timespec ts = { .tv_sec = (time_t)(t / NSEC_PER_SEC),
                           .tv_nsec = (long)(t % NSEC_PER_SEC) };
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
        ;
}

/* One write(2) per line, so lines of concurrent writers do not interleave. */
static void put_line(const char *s)
{
    size_t len = strlen(s);
    while (len > 0) {
        ssize_t n = write(STDOUT_FILENO, s, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        s += n;
        len -= (size_t)n;
    }
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s WS_MB PAGES_PER_S [READY_FILE]\n", argv[0]);
        return 2;
    }
    uint64_t ws_mb = strtoull(argv[1], NULL, 10);
    uint64_t pps = strtoull(argv[2], NULL, 10);
    if (ws_mb == 0) {
        fprintf(stderr, "memwriter: WS_MB must be > 0\n");
        return 2;
    }
    uint64_t npages = ws_mb * 1024 * 1024 / PAGE_SIZE;
    int random_order = argc > 4 && strcmp(argv[4], "random") == 0;
    if (argc > 4 && !random_order && strcmp(argv[4], "sweep") != 0) {
        fprintf(stderr, "memwriter: ORDER must be sweep or random\n");
        return 2;
    }
    uint64_t catchup_ms = argc > 5 ? strtoull(argv[5], NULL, 10) : 100;

    unsigned char *buf = mmap(NULL, npages * PAGE_SIZE, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (buf == MAP_FAILED) {
        perror("memwriter: mmap");
        return 1;
    }

    /* Touch the whole working set with a non-zero pattern: resident, and
     * a migration has to send these pages in full. */
    for (uint64_t i = 0; i < npages; i++)
        memset(buf + i * PAGE_SIZE, (int)(0x5a ^ (i & 0xff)) | 1, PAGE_SIZE);

    if (argc > 3) {
        int fd = open(argv[3], O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0)
            close(fd);
    }

    uint64_t written = 0;      /* pages written since start: the work done */
    uint64_t next_page = 0;    /* cyclic cursor in the working set */
    uint64_t rnd = 0x9E3779B97F4A7C15ULL; /* xorshift64 state */
    uint64_t credit = 0;       /* earned pages, in units of 1e-9 page */
    /* the backlog kept: CATCHUP_MS worth, or one tick's worth for 0 */
    const uint64_t max_credit = pps * (catchup_ms ? catchup_ms * (NSEC_PER_SEC / 1000) : TICK_NS);

    uint64_t last = now_ns();
    uint64_t next_tick = last;
    uint64_t report_at = last + NSEC_PER_SEC;
    uint64_t report_t = last, report_written = 0;

    for (;;) {
        next_tick += TICK_NS;
        sleep_until(next_tick);
        uint64_t t = now_ns();
        if (t > next_tick + 100 * TICK_NS)
            next_tick = t; /* we were stalled (paused guest): do not spin */

        /* Earn pages for the elapsed time, then spend them. */
        credit += (t - last) * pps;
        if (credit > max_credit)
            credit = max_credit;
        last = t;
        uint64_t n = credit / NSEC_PER_SEC;
        credit -= n * NSEC_PER_SEC;
        for (uint64_t k = 0; k < n; k++) {
            uint64_t page = next_page;
            if (random_order) {
                rnd ^= rnd << 13;
                rnd ^= rnd >> 7;
                rnd ^= rnd << 17;
                page = rnd % npages;
            } else if (++next_page == npages) {
                next_page = 0;
            }
            volatile uint64_t *w = (volatile uint64_t *)(buf + page * PAGE_SIZE);
            *w = ++written; /* a new value each time */
        }

        if (t >= report_at) {
            uint64_t dt = t - report_t;
            uint64_t rate = dt ? (written - report_written) * NSEC_PER_SEC / dt : 0;
            char line[64];
            snprintf(line, sizeof line, "MEM %llu %llu\n",
                     (unsigned long long)written, (unsigned long long)rate);
            put_line(line);
            report_t = t;
            report_written = written;
            report_at += NSEC_PER_SEC;
            if (report_at <= t)
                report_at = t + NSEC_PER_SEC;
        }
    }
}
