#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Hummingbird
import Logging
import NIOCore

/// Where and how the explorer listens. Binds 127.0.0.1 unless told otherwise, so the page is
/// not offered to the network by accident; port 0 picks a free port (tests).
public struct ExplorerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var limits: ExplorerLimits

    public init(host: String = "127.0.0.1", port: Int = 8080, limits: ExplorerLimits = .standard) {
        self.host = host
        self.port = port
        self.limits = limits
    }
}

/// Builds the explorer's Hummingbird application; `try await app.runService()` runs it until
/// SIGINT or SIGTERM, then shuts down gracefully (in-flight requests finish).
public enum ExplorerServer {
    /// The application: `ExplorerRouter` over the bundled page, logging each request to `log`,
    /// calling `onRunning` with the bound port once it listens.
    public static func buildApplication(
        _ configuration: ExplorerConfiguration = ExplorerConfiguration(),
        assets: PageAssets? = nil,
        log: (@Sendable (String) -> Void)? = nil,
        onRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let router = ExplorerRouter.build(assets: try assets ?? PageAssets.bundled(),
                                          limits: configuration.limits, log: log)
        var logger = Logger(label: "descent.serve")
        logger.logLevel = .warning
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                 serverName: "descent"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    /// A message a user can act on for an error that stopped the server (a busy port, a host
    /// that is not this machine's, a port below 1024 without the right to bind it).
    public static func message(for error: Error, host: String, port: Int) -> String {
        let address = "\(host):\(port)"
        switch (error as? IOError)?.errnoCode {
        case EADDRINUSE?: return "cannot listen on \(address): the port is in use (try another --port, or 0 for a free one)"
        case EADDRNOTAVAIL?: return "cannot listen on \(address): not an address of this machine (try --host 127.0.0.1)"
        case EACCES?: return "cannot listen on \(address): permission denied (ports below 1024 need privileges)"
        default: return "cannot serve on \(address): \(error)"
        }
    }
}
