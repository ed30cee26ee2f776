import Foundation
import Hummingbird

/// Writes one line per request once it is answered: method, path, status and time taken,
/// e.g. `POST /api/trace 200 2.4 ms`. Errors thrown by later handlers are logged with their
/// status and passed on unchanged.
public struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let write: @Sendable (String) -> Void

    /// Logs through `write` (the CLI prints to standard error; tests collect the lines).
    public init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            write(line(request, status: response.status.code, since: start))
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            write(line(request, status: status, since: start))
            throw error
        }
    }

    func line(_ request: Request, status: Int, since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        return "\(request.method.rawValue) \(request.uri.path) \(status) \(String(format: "%.1f", ms)) ms"
    }
}
