import Explorer
import Foundation
import Hummingbird
import HummingbirdTesting
import Optimizers

/// Collects the request log lines the server writes, for assertions.
final class LogCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func append(_ line: String) { lock.lock(); stored.append(line); lock.unlock() }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return stored }
}

/// The explorer application on port 0 (a free port when run live), logging into `log`.
func makeApp(log: LogCollector = LogCollector(), limits: ExplorerLimits = .standard) throws -> some ApplicationProtocol {
    try ExplorerServer.buildApplication(ExplorerConfiguration(host: "127.0.0.1", port: 0, limits: limits), log: { log.append($0) })
}

extension TestClientProtocol {
    /// POSTs `text` to `uri`.
    func post(_ uri: String, _ text: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: text))
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    /// The body parsed as JSON (with Descent's own parser).
    func json() throws -> JSONValue { try JSONValue(parsing: text) }
}
