#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Explorer
import NIOCore
import Testing

/// What `descent serve` says when it cannot listen: the address and what to try.
@Suite struct ServerErrorMessageTests {
    @Test func busyPortSuggestsAnother() {
        let message = ExplorerServer.message(for: IOError(errnoCode: EADDRINUSE, reason: "bind"), host: "127.0.0.1", port: 8080)
        #expect(message == "cannot listen on 127.0.0.1:8080: the port is in use (try another --port, or 0 for a free one)")
    }

    @Test func foreignHostSuggestsLoopback() {
        let message = ExplorerServer.message(for: IOError(errnoCode: EADDRNOTAVAIL, reason: "bind"), host: "10.9.9.9", port: 80)
        #expect(message.contains("10.9.9.9:80") && message.contains("--host 127.0.0.1"))
    }

    @Test func otherErrorsAreShownAsTheyAre() {
        struct Odd: Error, CustomStringConvertible { var description: String { "odd failure" } }
        #expect(ExplorerServer.message(for: Odd(), host: "::1", port: 1) == "cannot serve on ::1:1: odd failure")
    }
}
