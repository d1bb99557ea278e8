/* clock.h - the two clocks every benchmark reports: CPU time of this
 * process (what the code costs, steady on a shared VM) and monotonic
 * wall time (what a user waits). Header-only: benchmarks are single
 * files built by bench/run.sh. */
#ifndef KH_BENCH_CLOCK_H
#define KH_BENCH_CLOCK_H

#include <time.h>

static inline double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static inline double wall_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

#endif
