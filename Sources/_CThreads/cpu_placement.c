#define _GNU_SOURCE
#include "cpu_placement.h"

#if defined(__linux__)
#include <sched.h>

int descent_current_cpu(void) {
    return sched_getcpu();
}

int descent_allowed_cpus(void) {
    cpu_set_t allowed;
    return sched_getaffinity(0, sizeof allowed, &allowed) == 0 ? CPU_COUNT(&allowed) : -1;
}

int descent_move_off_cpu(int cpu) {
    cpu_set_t allowed, others;
    if (cpu < 0 || cpu >= CPU_SETSIZE || sched_getaffinity(0, sizeof allowed, &allowed) != 0) return -1;
    others = allowed;
    CPU_CLR(cpu, &others);
    if (CPU_COUNT(&others) == 0 || sched_setaffinity(0, sizeof others, &others) != 0) return -1;
    // The thread now runs on another processor; give back the full set without moving it again.
    sched_setaffinity(0, sizeof allowed, &allowed);
    return 0;
}
#else
int descent_current_cpu(void) { return -1; }
int descent_allowed_cpus(void) { return -1; }
int descent_move_off_cpu(int cpu) { (void)cpu; return -1; }
#endif
