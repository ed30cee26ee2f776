import Foundation
import Testing

@Suite("descent serve (CLI)")
struct ServeCLITests {
    @Test("a port outside 0–65535 or an empty host exits 2 naming the option", arguments: [
        (["serve", "--port", "70000"], "--port"), (["serve", "--port=-1"], "--port"), (["serve", "--host", " "], "--host"),
    ])
    func badArguments(_ args: [String], _ option: String) throws {
        let r = try CLI.run(args)
        #expect(r.status == 2)
        #expect(r.stderr.contains(option), "\(r.stderr)")
    }

    @Test("a port already in use exits 1 with a message that says so")
    func busyPort() throws {
        // Hold a port with a listening socket of our own, then ask the server for it.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        #expect(bound == 0)
        #expect(listen(fd, 1) == 0)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        let port = Int(UInt16(bigEndian: addr.sin_port))
        let r = try CLI.run(["serve", "--port", "\(port)"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(port)"), "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error"))
    }
}
