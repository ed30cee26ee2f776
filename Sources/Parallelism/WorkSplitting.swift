#if canImport(Glibc)
import Glibc
#endif

/// Whether the calling thread splits its training work with `HelperThread.shared`: large matrix
/// products, the two gradient products of a layer, batch gathers. Per thread and off by default,
/// so that a training loop asking for two threads changes nothing for other threads (tests
/// running in parallel, a server's requests). Optimizer steps follow their own `threads` setting.
public enum WorkSplitting {
    /// The calling thread's setting.
    public static var isEnabled: Bool {
        get { pthread_getspecific(key) != nil }
        set {
            if newValue { _ = HelperThread.shared }
            // Any non-nil pointer means "on"; nothing is allocated.
            pthread_setspecific(key, newValue ? UnsafeRawPointer(bitPattern: 1) : nil)
        }
    }

    /// Runs `body` with the calling thread's setting `enabled`, then restores the previous one.
    public static func with<T>(enabled: Bool, _ body: () throws -> T) rethrows -> T {
        let was = isEnabled
        isEnabled = enabled
        defer { isEnabled = was }
        return try body()
    }

    /// Runs `first` here and `second` on the helper (independent parts: neither reads what the
    /// other writes) when the calling thread splits and the helper is free, else one after the
    /// other on the calling thread. Allocates nothing.
    public static func runBoth<Part: HelperPart>(_ first: () -> Void, alongside second: inout Part) {
        if isEnabled, HelperThread.shared.run(first, alongside: &second) { return }
        first()
        second.run()
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
}
