/*
 * bench_dict.c - time and memory to load a dictionary set.
 *
 * usage: bench_dict PATH [REPEAT]
 *
 * Loads PATH (a PETRARCH folder such as the Phoenix set, or a TABARI
 * .project) through kh_dict_load, which reads every file and builds the
 * indexes, REPEAT times, each into a fresh dictionary freed afterwards.
 * Reports the best CPU time on one core and the peak resident set size
 * (the high-water mark of one load plus the process's own).
 */
#include "khaldun.h"
#include "clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static void count(void *ctx, const kh_error *e)
{
    (void)e;
    ++*(size_t *)ctx;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_dict PATH [REPEAT]\n");
        return 2;
    }
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    if (repeat < 1)
        repeat = 1;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    long base_kb = ru.ru_maxrss;
    double best = 1e30;
    size_t warnings = 0;
    for (int r = 0; r < repeat; r++) {
        kh_error err;
        warnings = 0;
        double t0 = cpu_now();
        kh_dict *d = kh_dict_load(argv[1], count, &warnings, &err);
        double t = cpu_now() - t0;
        if (!d) {
            char buf[800];
            fprintf(stderr, "bench_dict: %s\n",
                    kh_error_format(&err, buf, sizeof buf));
            return 1;
        }
        kh_dict_free(d);
        if (t < best)
            best = t;
    }
    getrusage(RUSAGE_SELF, &ru);
    printf("dictionary load (read + index): %s\n", argv[1]);
    printf("dictionary load: %.3f s CPU (best of %d), %zu warnings, peak RSS "
           "%.1f MB (%.1f MB before loading)\n", best, repeat, warnings,
           (double)ru.ru_maxrss / 1024.0, (double)base_kb / 1024.0);
    return 0;
}
