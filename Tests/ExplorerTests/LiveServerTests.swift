import Explorer
import Foundation
import Hummingbird
import HummingbirdTesting
import Optimizers
import Testing

/// The real server on 127.0.0.1, port 0 (a free port), over sockets.
@Suite struct LiveServerTests {
    @Test func servesThePageAndTracesOverTCP() async throws {
        let log = LogCollector()
        try await makeApp(log: log).test(.live) { client in
            #expect(client.port != nil && client.port != 0)
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("Descent"))
            let spec = #"{"function": "himmelblau", "optimizer": "rmsprop", "params": {"lr": 0.05}, "steps": 100}"#
            let trace = try await client.post("/api/trace", spec)
            #expect(trace.status == .ok)
            #expect(trace.text == (try TraceAPI.respond(to: spec)))
            let refused = try await client.post("/api/trace", #"{"function": "himmelblau", "optimizer": "rmsprop", "steps": -1}"#)
            #expect(refused.status.code == 422)
        }
        #expect(log.lines.count == 3)
    }

    /// Concurrency over real sockets (AsyncHTTPClient's pool); the 400-request run is in RouterTests.
    @Test func concurrentTracesOverManyConnections() async throws {
        let spec = #"{"function": "beale", "optimizer": "nadam", "params": {"lr": 0.05}, "steps": 200}"#
        let expected = try TraceAPI.respond(to: spec)
        let log = LogCollector()
        try await makeApp(log: log).test(.ahc(.http)) { client in
            let ok = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<100 {
                    group.addTask {
                        let response = try await client.post("/api/trace", spec)
                        return response.status == .ok && response.text == expected
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(ok == 100)
        }
        #expect(log.lines.count == 100)
    }

    @Test func bindsLoopbackByDefault() {
        #expect(ExplorerConfiguration().host == "127.0.0.1")
        #expect(ExplorerConfiguration().port == 8080)
        #expect(ExplorerLimits.standard == ExplorerLimits(maxStepsPerRun: 10_000, maxSpecsPerRequest: 16, maxBodyBytes: 65_536))
    }
}
