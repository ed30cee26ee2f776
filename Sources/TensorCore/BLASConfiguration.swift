import _CBLAS
#if canImport(Glibc)
import Glibc
#endif

/// Which kernels OpenBLAS runs, and a way to make it pick the right ones.
///
/// Debian's OpenBLAS chooses its kernel family at load time from the CPU model. On virtual CPUs
/// it does not recognise it falls back to "Prescott" (SSE3), which runs sgemm 2–3× slower than
/// the AVX-512 "SkylakeX" kernels the same CPU supports. The only switch is the environment
/// variable `OPENBLAS_CORETYPE`, read before `main` runs; hence `relaunchWithRecommendedCoreTypeIfNeeded()`.
public enum BLASConfiguration {
    /// The kernel family OpenBLAS chose, e.g. `SkylakeX`, `Haswell`, `Prescott`.
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// Kernel families at least as fast as the one we would recommend.
    private static let avx512Cores: Set<String> = ["skylakex", "cooperlake", "sapphirerapids"]
    private static let avx2Cores: Set<String> = avx512Cores.union(["haswell", "zen"])

    /// The `OPENBLAS_CORETYPE` worth setting: `SkylakeX` on a CPU with AVX-512 (F, BW, DQ, VL),
    /// `Haswell` with AVX2 and FMA, when OpenBLAS chose something older. Nil when OpenBLAS already
    /// picked well, the variable is set, or the CPU flags cannot be read (non-Linux).
    public static var recommendedCoreType: String? {
        guard getenv("OPENBLAS_CORETYPE") == nil, let flags = cpuFlags() else { return nil }
        let core = coreName.lowercased()
        if ["avx512f", "avx512bw", "avx512dq", "avx512vl"].allSatisfy(flags.contains) {
            return avx512Cores.contains(core) ? nil : "SkylakeX"
        }
        if flags.contains("avx2") && flags.contains("fma") {
            return avx2Cores.contains(core) ? nil : "Haswell"
        }
        return nil
    }

    /// When `recommendedCoreType` is not nil, sets `OPENBLAS_CORETYPE` and re-executes the
    /// current program with the same arguments (the new process starts over from `main`, so call
    /// this first thing). Returns only if no relaunch was needed or `execv` failed.
    public static func relaunchWithRecommendedCoreTypeIfNeeded() {
        #if os(Linux)
        guard let core = recommendedCoreType else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        #endif
    }

    /// The CPU feature flags from /proc/cpuinfo (Linux), nil elsewhere.
    static func cpuFlags() -> Set<String>? {
        #if os(Linux)
        guard let file = fopen("/proc/cpuinfo", "r") else { return nil }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            let text = String(cString: line)
            if text.hasPrefix("flags") {
                let list = text.split(separator: ":", maxSplits: 1).last ?? ""
                return Set(list.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init))
            }
        }
        return nil
        #else
        return nil
        #endif
    }
}
