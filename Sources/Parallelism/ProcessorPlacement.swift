import _CThreads

/// Which processor the calling thread runs on, and a way to move it to another (Linux; elsewhere
/// the processor is unknown and nothing moves). `HelperThread` uses it to leave its caller's
/// processor when the scheduler has put both on one.
public enum ProcessorPlacement {
    /// The calling thread's processor (`sched_getcpu`), nil where unknown.
    public static var current: Int? {
        let cpu = descent_current_cpu()
        return cpu >= 0 ? Int(cpu) : nil
    }

    /// How many processors the calling thread may run on, nil where unknown.
    public static var allowedCount: Int? {
        let count = descent_allowed_cpus()
        return count >= 0 ? Int(count) : nil
    }

    /// Moves the calling thread off processor `cpu` to another it may run on, keeping the set of
    /// processors it may run on; false when there is no other (or not on Linux).
    @discardableResult
    public static func moveOff(_ cpu: Int) -> Bool {
        descent_move_off_cpu(Int32(truncatingIfNeeded: cpu)) == 0
    }
}
