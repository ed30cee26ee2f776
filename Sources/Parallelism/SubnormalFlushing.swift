#if canImport(Glibc)
import Glibc
#endif

/// Flush-to-zero for the calling thread's float arithmetic: subnormal results (|x| < 2⁻¹²⁶ ≈
/// 1.2e-38) become 0 and subnormal inputs are read as 0 (the FTZ and DAZ bits of x86's MXCSR).
///
/// Why: optimizer state decays geometrically where a gradient is zero (Adam's first moment by
/// β₁ = 0.9 a step, momentum buffers alike) and reaches the subnormal range after a few hundred
/// steps; every vector instruction that meets a subnormal then takes a microcode assist. In the
/// 784-100-100-100-100-10 MLP on Fashion-MNIST (pixels at the image borders are rarely non-zero)
/// about 7,000 such values made Adam's update 7× slower from step ~700 on, halving the step rate.
/// TensorFlow and XLA flush by default; PyTorch does not (`torch.set_flush_denormal`).
///
/// Effect on the numbers: only values below 1.2e-38 change. On that MLP, 2000 steps of each of
/// sgd, momentum, Adagrad, Adam and RMSprop gave bit-identical losses and weights with and
/// without flushing. The mode is per thread; `withFlushing` restores the previous one.
/// On other platforms than x86-64 Linux it does nothing.
public enum SubnormalFlushing {
    #if os(Linux) && arch(x86_64)
    /// MXCSR bit 15 (flush to zero) and bit 6 (denormals are zero).
    private static let mxcsrBits: UInt32 = 0x8040
    #endif

    /// Whether the calling thread flushes subnormals.
    public static var isEnabled: Bool {
        #if os(Linux) && arch(x86_64)
        var env = fenv_t()
        fegetenv(&env)
        return env.__mxcsr & mxcsrBits == mxcsrBits
        #else
        return false
        #endif
    }

    /// Turns flushing on or off for the calling thread.
    public static func set(_ enabled: Bool) {
        #if os(Linux) && arch(x86_64)
        var env = fenv_t()
        fegetenv(&env)
        env.__mxcsr = enabled ? env.__mxcsr | mxcsrBits : env.__mxcsr & ~mxcsrBits
        fesetenv(&env)
        #endif
    }

    /// Runs `body` with flushing on for the calling thread, then restores the previous mode.
    public static func withFlushing<T>(_ body: () throws -> T) rethrows -> T {
        let was = isEnabled
        if !was { set(true) }
        defer { if !was { set(false) } }
        return try body()
    }
}
