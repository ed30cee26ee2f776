#ifndef DESCENT_CPU_PLACEMENT_H
#define DESCENT_CPU_PLACEMENT_H

/// The processor the calling thread runs on (sched_getcpu), or -1 where unknown.
int descent_current_cpu(void);

/// How many processors the calling thread may run on (its affinity mask), or -1 where unknown.
int descent_allowed_cpus(void);

/// Moves the calling thread off processor `cpu` to another one it may run on, then allows it
/// every processor it could run on before (it stays where it was moved until the scheduler
/// moves it). Returns 0 when it moved, -1 when it could not (no other processor, or not Linux).
int descent_move_off_cpu(int cpu);

#endif
