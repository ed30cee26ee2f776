import ArgumentParser
import Dispatch
import Explorer
import Foundation

/// `descent serve`: the interactive explorer, a page where optimizers race on test functions.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the interactive explorer: optimizers racing on test functions under your sliders.",
        discussion: """
        Open the printed address in a browser: the page starts on a race of four optimizers and keeps its whole \
        state in the URL. Routes: GET / (the page; no CDN, works offline), GET /api/functions, \
        GET /api/optimizers, POST /api/trace (a trace spec or an array of them; the same output as \
        `descent trace --spec`), POST /api/contours.

        Limits per request: \(ExplorerLimits.standard.maxStepsPerRun) steps per run, \
        \(ExplorerLimits.standard.maxSpecsPerRequest) specs, \(ExplorerLimits.standard.maxBodyBytes / 1024) KiB of body; \
        beyond them a 4xx with a JSON error naming the field. One log line per request on standard error; \
        Ctrl-C stops the server cleanly.
        """)

    @Option(help: "The address to listen on (127.0.0.1 keeps the page to this machine; 0.0.0.0 offers it to the network).")
    var host = "127.0.0.1"
    @Option(help: "The TCP port (0 picks a free one).")
    var port = 8080

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port: \(port) is not a TCP port (allowed: 0 to 65535)")
        }
        guard !host.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--host: empty (allowed: an address such as 127.0.0.1 or 0.0.0.0)")
        }
    }

    func run() throws {
        let host = self.host
        let app = try ExplorerServer.buildApplication(
            ExplorerConfiguration(host: host, port: port),
            log: { line in printError("\(Serve.timestamp()) \(line)") },
            onRunning: { port in
                print("Descent explorer: http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)/  (Ctrl-C stops)")
                fflush(stdout)
            })
        do {
            try runBlocking { try await app.runService() }
        } catch {
            throw RunFailure(message: ExplorerServer.message(for: error, host: host, port: port))
        }
        printError("stopped")
    }

    /// The time of day for log lines, `HH:mm:ss`.
    static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date())
    }
}

/// Runs async work to its end from synchronous code (`Descent.main()` is synchronous): the
/// work runs in a task while this thread waits on a semaphore, then its error is rethrown.
func runBlocking(_ work: @escaping @Sendable () async throws -> Void) throws {
    final class Outcome: @unchecked Sendable { var error: Error? }
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { try await work() } catch { outcome.error = error }
        done.signal()
    }
    done.wait()
    if let error = outcome.error { throw error }
}
