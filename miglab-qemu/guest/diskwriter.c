/*
 * diskwriter: the disk load of the miglab guest.
 *
 *   diskwriter DEVICE BYTES_PER_S [WORKING_SET_MB]
 *
 * Writes 4 KiB blocks to DEVICE (the guest's virtio disk, /dev/vda) with
 * O_DIRECT, so each write reaches the host's image at once and a migration
 * has to carry it (blockdev-mirror). Blocks go sequentially and cyclically
 * through the first WORKING_SET_MB MiB of the device (the whole device when
 * 0 or absent), at BYTES_PER_S bytes per second, paced on CLOCK_MONOTONIC
 * like memwriter (10 ms ticks, a backlog capped at 100 ms). Each block holds
 * its sequence number, so two copies of the device are equal only if both
 * got the same writes. Every second it prints
 *
 *   DISK <bytes_written_total> <bytes_per_s>
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/fs.h>
#include <time.h>
#include <unistd.h>

#define BLOCK 4096ULL
#define NSEC_PER_SEC 1000000000ULL
#define TICK_NS 10000000ULL /* 10 ms control loop */

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
        fprintf(stderr, "usage: %s DEVICE BYTES_PER_S [WORKING_SET_MB]\n", argv[0]);
        return 2;
    }
    uint64_t bps = strtoull(argv[2], NULL, 10);
    uint64_t ws_mb = argc > 3 ? strtoull(argv[3], NULL, 10) : 0;
    int fd = open(argv[1], O_WRONLY | O_DIRECT | O_SYNC);
    if (fd < 0) {
        perror("diskwriter: open");
        return 1;
    }
    uint64_t dev_bytes = 0;
    if (ioctl(fd, BLKGETSIZE64, &dev_bytes) != 0 || dev_bytes < BLOCK) {
        fprintf(stderr, "diskwriter: cannot size %s\n", argv[1]);
        return 1;
    }
    uint64_t span = ws_mb ? ws_mb * 1024 * 1024 : dev_bytes;
    if (span > dev_bytes)
        span = dev_bytes;
    uint64_t nblocks = span / BLOCK;

    unsigned char *buf;
    if (posix_memalign((void **)&buf, BLOCK, BLOCK) != 0) {
        fprintf(stderr, "diskwriter: no memory\n");
        return 1;
    }
    memset(buf, 0xd5, BLOCK);

    uint64_t written = 0, next_block = 0;
    uint64_t credit = 0; /* earned bytes, in units of 1e-9 byte */
    const uint64_t max_credit = bps * (NSEC_PER_SEC / 10);
    uint64_t last = now_ns(), next_tick = last;
    uint64_t report_at = last + NSEC_PER_SEC, report_t = last, report_written = 0;

    for (;;) {
        next_tick += TICK_NS;
        sleep_until(next_tick);
        uint64_t t = now_ns();
        if (t > next_tick + 10 * TICK_NS)
            next_tick = t;
        credit += (t - last) * bps;
        if (credit > max_credit)
            credit = max_credit;
        last = t;
        uint64_t n = credit / (NSEC_PER_SEC * BLOCK);
        credit -= n * NSEC_PER_SEC * BLOCK;
        for (uint64_t k = 0; k < n; k++) {
            uint64_t seq = written / BLOCK + 1;
            memcpy(buf, &seq, sizeof seq);
            if (pwrite(fd, buf, BLOCK, (off_t)(next_block * BLOCK)) != (ssize_t)BLOCK) {
                perror("diskwriter: pwrite");
                return 1;
            }
            written += BLOCK;
            if (++next_block == nblocks)
                next_block = 0;
        }
        if (t >= report_at) {
            uint64_t dt = t - report_t;
            uint64_t rate = dt ? (written - report_written) * NSEC_PER_SEC / dt : 0;
            char line[64];
            snprintf(line, sizeof line, "DISK %llu %llu\n",
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
